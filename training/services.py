"""Writes to plans, sessions, exercises and benchmarks: validated, versioned and audited.

Plans use optimistic locking: every saved edit increments `version`, and an edit must name the
version it was made from. A stale version (a second tab, a second coach) is refused with
StalePlan instead of silently overwriting the newer plan.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

import audit
from accounts.models import Athlete, Coach
from hybridpeaks.core.db import insert_once
from training.models import (
    BenchmarkMetric,
    Exercise,
    PlanStatus,
    TrainingPlan,
    TrainingSession,
)
from training.signals import plans_changed


class StalePlan(Exception):
    """The plan changed since the editor loaded it; `plan` is the current one."""

    def __init__(self, plan: TrainingPlan):
        super().__init__(f"Plan {plan.pk} is at version {plan.version}.")
        self.plan = plan


def _bump_version(plan: TrainingPlan, expected_version: int) -> None:
    """Compare-and-set in one UPDATE, so two concurrent edits cannot both pass the check."""
    updated = TrainingPlan.objects.filter(
        pk=plan.pk, version=expected_version, status=PlanStatus.ACTIVE
    ).update(version=F("version") + 1)
    plan.refresh_from_db(fields=["version", "status", "updated_at"])
    if not updated:
        raise StalePlan(plan)


def _session_snapshot(session: TrainingSession) -> dict:
    return {
        "date": session.date.isoformat(),
        "type": session.type,
        "focus": session.focus,
        "estimatedDuration": session.estimated_duration,
        "prescription": session.prescription,
    }


def _changes(before: dict, after: dict) -> dict:
    return {key: [before[key], after[key]] for key in after if before.get(key) != after[key]}


@transaction.atomic
def create_plan(
    *, athlete: Athlete, coach: Coach, week_start: date, version: int | None, request=None
) -> TrainingPlan:
    """A new active plan for the week; an existing active plan of that week is archived.

    Replacing a plan is an edit of it: `version` must be the replaced plan's current one.
    A new plan is the coach's draft; one replacing a published plan is published at once,
    as any other edit of a published plan is live (docs/decisions.md).
    """
    replaced = (
        TrainingPlan.objects.select_for_update()
        .filter(athlete=athlete, week_start_date=week_start, status=PlanStatus.ACTIVE)
        .first()
    )
    if replaced and replaced.version != version:
        raise StalePlan(replaced)
    if replaced:
        replaced.status = PlanStatus.ARCHIVED
        replaced.save(update_fields=["status", "updated_at"])
        audit.record("archive_plan", coach.user, entity=replaced, request=request)
    # The week's versions run on across a replacement (the spec: "replaced by new version"), so
    # a second submit of the same "start over" names a version that is no longer current.
    plan = TrainingPlan(
        athlete=athlete,
        coach=coach,
        week_start_date=week_start,
        version=replaced.version + 1 if replaced else 1,
        published_at=timezone.now() if replaced and replaced.published_at else None,
    )
    plan.full_clean(validate_constraints=False)
    if not insert_once(plan):
        # Two requests (a double submit, two tabs) both found no active plan and raced to the
        # INSERT; the one-active-plan constraint let the other through: this one is stale.
        winner = TrainingPlan.objects.filter(
            athlete=athlete, week_start_date=week_start, status=PlanStatus.ACTIVE
        ).first()
        if winner is None:
            raise IntegrityError(f"The database refused a plan for {week_start}, and holds none.")
        raise StalePlan(winner)
    audit.record(
        "create_plan",
        coach.user,
        entity=plan,
        request=request,
        week=week_start,
        replaced=replaced.pk if replaced else None,
    )
    return plan


@transaction.atomic
def add_session(*, plan: TrainingPlan, version: int, by, fields: dict, request=None):
    _bump_version(plan, version)
    session = TrainingSession(plan=plan, **fields)
    session.full_clean()
    session.save()
    audit.record(
        "create_session", by, entity=session, request=request, plan=plan.pk,
        version=plan.version, session=_session_snapshot(session),
    )  # fmt: skip
    return session


@transaction.atomic
def update_session(*, session: TrainingSession, version: int, by, fields: dict, request=None):
    plan = session.plan
    _bump_version(plan, version)
    before = _session_snapshot(session)
    for name, value in fields.items():
        setattr(session, name, value)
    session.full_clean()
    session.save()
    audit.record(
        "update_session", by, entity=session, request=request, plan=plan.pk,
        version=plan.version, changes=_changes(before, _session_snapshot(session)),
    )  # fmt: skip
    return session


@transaction.atomic
def delete_session(*, session: TrainingSession, version: int, by, request=None) -> None:
    plan = session.plan
    _bump_version(plan, version)
    audit.record(
        "delete_session", by, entity=session, request=request, plan=plan.pk,
        version=plan.version, session=_session_snapshot(session),
    )  # fmt: skip
    session.delete()


def move_session(*, session, version: int, by, to_date: date, request=None):
    return update_session(
        session=session, version=version, by=by, fields={"date": to_date}, request=request
    )


def duplicate_session(*, session, version: int, by, to_date: date, request=None):
    fields = {
        "date": to_date,
        "type": session.type,
        "focus": session.focus,
        "estimated_duration": session.estimated_duration,
        "prescription": session.prescription,
    }
    return add_session(plan=session.plan, version=version, by=by, fields=fields, request=request)


@transaction.atomic
def copy_week(
    *, source: TrainingPlan, athlete: Athlete, coach: Coach, week_start: date, version, request=None
):
    """A new active plan for `week_start` holding `source`'s sessions on the same weekdays.
    `source` may be another athlete's plan (the caller checks the coach may see it): its
    loads stay %1RM, RPE and zones, so the copy's targets come from this athlete's benchmarks.

    An active plan already in that week is archived (replaced), never merged into.
    """
    if source.athlete_id == athlete.pk and source.week_start_date == week_start:
        raise ValidationError({"source": "Pick another week to copy from."})
    shift = timedelta(days=(week_start - source.week_start_date).days)
    sessions = [
        {**copied_fields(session), "date": session.date + shift}
        for session in source.sessions.all()
    ]
    return replace_week(
        athlete=athlete, coach=coach, week_start=week_start, version=version,
        sessions=sessions, request=request, copied_from=source.pk,
    )  # fmt: skip


def copied_fields(session) -> dict:
    """What a copy of a session takes from it (a TrainingSession or a program's session)."""
    return {
        "type": session.type,
        "focus": session.focus,
        "estimated_duration": session.estimated_duration,
        "prescription": session.prescription,
    }


@transaction.atomic
def replace_week(
    *, athlete, coach, week_start, version, sessions: list[dict], request=None, **source
) -> TrainingPlan:
    """A new plan for the week (create_plan: an active plan there is archived, `version` must
    be its current one) holding `sessions`, each a dict of TrainingSession fields: all or
    nothing, every session checked by the model before any is stored. The one way a whole
    week is written (a copied week, a week typed as text, a program's week); `source` says
    where it came from in the audit entry."""
    plan = create_plan(
        athlete=athlete, coach=coach, week_start=week_start, version=version, request=request
    )
    written = [TrainingSession(plan=plan, **fields) for fields in sessions]
    for session in written:
        session.full_clean()
    TrainingSession.objects.bulk_create(written)
    audit.record(
        "update_plan", coach.user, entity=plan, request=request, **source, sessions=len(written)
    )
    return plan


@transaction.atomic
def publish_plan(*, plan: TrainingPlan, version: int, by, request=None) -> TrainingPlan:
    """Show a draft to its athlete. A version bump like every plan edit, in the same one
    compare-and-set: a draft edited since the coach's page was drawn, or published already
    (another tab, a double submit), is a StalePlan, never a blind publish."""
    now = timezone.now()
    updated = TrainingPlan.objects.filter(
        pk=plan.pk, version=version, status=PlanStatus.ACTIVE, published_at__isnull=True
    ).update(version=F("version") + 1, published_at=now, updated_at=now)
    plan.refresh_from_db(fields=["version", "status", "published_at", "updated_at"])
    if not updated:
        raise StalePlan(plan)
    plans_changed.send(sender=TrainingPlan, athlete_ids=[plan.athlete_id])  # update(): no post_save
    audit.record("publish_plan", by, entity=plan, request=request, version=plan.version)
    return plan


# How many weeks ahead a week can be copied in one go (the calendar's "next N weeks").
COPY_AHEAD_MAX = 12


@transaction.atomic
def copy_week_ahead(
    *, source: TrainingPlan, coach: Coach, weeks: int, replacing: dict, today: date, request=None
) -> list[TrainingPlan]:
    """`source`'s week copied into each of the `weeks` weeks after it (copy_week, each a
    draft unless it replaces a published plan). `replacing` maps each target Monday that held
    an active plan when the coach confirmed to that plan's version: a week with a plan the
    coach was not shown, or one changed since, is a StalePlan and nothing is copied (one
    transaction), so no plan is ever replaced unseen. `today` is the athlete's: a week that
    has ended is kept as it was, so copying into one is refused."""
    if not 1 <= weeks <= COPY_AHEAD_MAX:
        raise ValidationError({"weeks": f"Copy to 1–{COPY_AHEAD_MAX} weeks ahead."})
    first = source.week_start_date + timedelta(weeks=1)
    if first + timedelta(days=6) < today:
        raise ValidationError(
            {"weeks": f"The week of {first:%-d %b %Y} has ended: copy a week into weeks to come."}
        )
    copies = []
    for n in range(1, weeks + 1):
        monday = source.week_start_date + timedelta(weeks=n)
        copies.append(
            copy_week(
                source=source,
                athlete=source.athlete,
                coach=coach,
                week_start=monday,
                version=replacing.get(monday),
                request=request,
            )
        )
    return copies


@transaction.atomic
def set_plan_status(*, plan: TrainingPlan, version: int, by, status: str, request=None):
    """The spec's moves a coach may make by hand: active → archived, completed → archived."""
    allowed = {
        PlanStatus.ACTIVE: {PlanStatus.ARCHIVED},
        PlanStatus.COMPLETED: {PlanStatus.ARCHIVED},
    }
    if status not in allowed.get(plan.status, set()):
        if plan.status == status:
            # A double submit, or another tab got there first: the page the coach saw is stale.
            raise StalePlan(plan)
        raise ValidationError({"status": f"A {plan.status} plan cannot become {status}."})
    if plan.status == PlanStatus.ACTIVE:
        _bump_version(plan, version)
    old = plan.status
    plan.status = status
    plan.save(update_fields=["status", "updated_at"])
    audit.record("update_plan", by, entity=plan, request=request, status=[old, status])
    return plan


@transaction.atomic
def record_benchmark(*, athlete: Athlete, by, fields: dict, request=None) -> BenchmarkMetric:
    """Add a benchmark to the athlete's history (older ones stay: progression over time)."""
    benchmark = BenchmarkMetric(athlete=athlete, **fields)
    benchmark.full_clean()
    benchmark.save()
    audit.record(
        "update_benchmark", by, entity=benchmark, request=request, athlete=athlete.pk,
        metric=benchmark.metric_type, value=benchmark.value, unit=benchmark.unit,
        exercise=benchmark.exercise_id, established=benchmark.established_at,
    )  # fmt: skip
    return benchmark


@transaction.atomic
def save_exercise(*, exercise: Exercise, coach: Coach, fields: dict, request=None) -> Exercise:
    """Create or edit a coach's own exercise; system exercises are not the coach's to edit."""
    creating = exercise._state.adding
    if not creating and exercise.created_by_id != coach.pk:
        raise PermissionError("Only the coach who created an exercise can change it.")
    for name, value in fields.items():
        setattr(exercise, name, value)
    exercise.created_by = coach
    exercise.full_clean()
    try:
        with transaction.atomic():
            exercise.save()
    except IntegrityError:
        # Another coach saved the same name between our check and our insert.
        raise ValidationError({"name": "An exercise with this name already exists."}) from None
    action = "create_exercise" if creating else "update_exercise"
    audit.record(action, coach.user, entity=exercise, request=request, name=exercise.name)
    return exercise


class ExerciseInUse(Exception):
    """An exercise that plans or benchmarks refer to cannot be deleted."""


@transaction.atomic
def delete_exercise(*, exercise: Exercise, coach: Coach, request=None) -> None:
    if exercise.created_by_id != coach.pk:
        raise PermissionError("Only the coach who created an exercise can delete it.")
    in_plans = TrainingSession.objects.filter(prescription__icontains=str(exercise.pk)).exists()
    if in_plans or exercise.benchmarks.exists():
        raise ExerciseInUse
    audit.record(
        "delete_exercise", coach.user, entity=exercise, request=request, name=exercise.name
    )
    exercise.delete()


@transaction.atomic
def write_week(
    *, athlete: Athlete, coach: Coach, week_start: date, sessions: list[dict], version, request=None
) -> TrainingPlan:
    """A new version of the week's plan holding exactly `sessions` (TrainingSession fields,
    as training.text reads them from a week typed as text), as copy_week makes one: the
    active plan of the week, if any, is archived (`version` must be its current one).

    All or nothing: a session the model refuses (a day outside the week, a prescription the
    schema refuses) raises ValidationError naming it, and the transaction stores nothing, not
    even the archiving."""
    week_end = week_start + timedelta(days=6)
    for number, fields in enumerate(sessions, start=1):
        if not week_start <= fields["date"] <= week_end:
            raise ValidationError({"date": f"Session {number} falls outside the week."})
    return replace_week(
        athlete=athlete, coach=coach, week_start=week_start, version=version,
        sessions=sessions, request=request, written_as_text=True,
    )  # fmt: skip
