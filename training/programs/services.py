"""Writes to programs, and applying a program to athletes: validated, audited, all or nothing.

Applying writes plans through training.services.replace_week (create_plan archives a replaced plan
and is version-checked) and bulk-creates each week's sessions right after the plan's save in
the same transaction, as copy_week does; publishing goes through publish_plan. So every write
here makes the roster's figures stale the way the builder's writes do.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

import audit
from accounts.models import Athlete, Coach
from training.models import PlanStatus, TrainingPlan
from training.programs.models import WEEKS_ERROR, WEEKS_MAX, WEEKS_MIN, Program, ProgramSession
from training.programs.text import ProgramText
from training.selectors import monday_of, standing_by_week, standing_weeks
from training.services import StalePlan, copied_fields, publish_plan, replace_week

SKIP, REPLACE = "skip", "replace"


def _store(program: Program, sessions: list[ProgramSession]) -> None:
    """The program's sessions become exactly `sessions` (validated first, nothing half-done:
    the caller's transaction holds both)."""
    for session in sessions:
        session.program = program
        session.full_clean()
    program.sessions.all().delete()
    ProgramSession.objects.bulk_create(sessions)


def _named(name: str) -> str:
    """A program's name, trimmed; a blank one is named as the coach would say it."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Give the program a name (2–100 characters)."})
    return name


def _sessions_of(read: ProgramText) -> list[ProgramSession]:
    sessions = []
    for week, listed in read.weeks.items():
        for order, s in enumerate(listed):
            sessions.append(
                ProgramSession(
                    week=week, weekday=s.weekday, type=s.type, focus=s.focus,
                    estimated_duration=s.estimated_duration, prescription=s.prescription,
                    order=order,
                )
            )  # fmt: skip
    return sessions


@transaction.atomic
def save_program(
    *, coach: Coach, program: Program | None, name: str, description: str, read: ProgramText,
    request=None,
) -> Program:  # fmt: skip
    """Create (`program` None) or rewrite a program from its text, read without errors.
    Plans made from it earlier are copies and do not change."""
    if not read.ok:
        raise ValidationError({"text": "The text has errors: nothing was saved."})
    creating = program is None
    program = program or Program(coach=coach)
    program.name, program.description = _named(name), description.strip()
    program.weeks = read.week_count
    program.full_clean()
    program.save()
    sessions = _sessions_of(read)
    _store(program, sessions)
    audit.record(
        "create_program" if creating else "update_program", coach.user, entity=program,
        request=request, name=program.name, weeks=program.weeks, sessions=len(sessions),
    )  # fmt: skip
    return program


@transaction.atomic
def save_weeks_as_program(
    *, coach: Coach, athlete: Athlete, first_monday: date, weeks: int, name: str,
    into: Program | None = None, request=None,
) -> Program:  # fmt: skip
    """`weeks` weeks of the athlete's plans from `first_monday` (the plans that stand, drafts
    included) copied into a new program, or over the weeks of `into` (the coach's "adjust in
    the builder, save back"). A week without a plan is a week without sessions."""
    if not WEEKS_MIN <= weeks <= WEEKS_MAX:
        raise ValidationError({"weeks": WEEKS_ERROR})
    mondays = [first_monday + timedelta(weeks=n) for n in range(weeks)]
    read = standing_weeks([athlete.pk], mondays, published_only=False)
    sessions = []
    for number, monday in enumerate(mondays, start=1):
        for order, s in enumerate(read[athlete.pk, monday].sessions):
            sessions.append(
                ProgramSession(
                    week=number, weekday=s.date.weekday(), type=s.type, focus=s.focus,
                    estimated_duration=s.estimated_duration, prescription=s.prescription,
                    order=order,
                )
            )  # fmt: skip
    if not sessions:
        raise ValidationError({"weeks": "These weeks have no sessions: nothing to save."})
    creating = into is None
    program = into or Program(coach=coach, name=_named(name))
    program.weeks = weeks
    program.full_clean()
    program.save()
    _store(program, sessions)
    audit.record(
        "create_program" if creating else "update_program", coach.user, entity=program,
        request=request, name=program.name, weeks=weeks, sessions=len(sessions),
        from_athlete=athlete.pk, from_week=first_monday,
    )  # fmt: skip
    return program


@transaction.atomic
def delete_program(*, program: Program, coach: Coach, request=None) -> None:
    """Plans made from the program stay: they are copies."""
    audit.record("delete_program", coach.user, entity=program, request=request, name=program.name)
    program.delete()


@dataclass(frozen=True)
class Choice:
    """One athlete's part in an apply: SKIP keeps the weeks that have a plan, REPLACE
    archives their active plans. `seen` maps each Monday that showed an active plan in the
    preview to that plan's version: a plan added or changed since is a StalePlan, so no plan
    is replaced (or kept) unseen. A cancelled athlete is simply not among the choices."""

    athlete: Athlete
    mode: str
    seen: dict[date, int]


def first_monday_allowed(coach: Coach) -> date:
    """A program starts this week or later (the coach's today): weeks that have ended are kept
    as they were."""
    return monday_of(timezone.localdate(timezone=coach.user.zoneinfo))


@transaction.atomic
def apply_program(
    *, program: Program, coach: Coach, start: date, choices: list[Choice], publish: bool,
    request=None,
) -> list[TrainingPlan]:  # fmt: skip
    """Write the program's weeks as plans of each chosen athlete from `start` (a Monday): one
    transaction for the whole apply, so a refused week (StalePlan, ValidationError) leaves
    every athlete as they were. Plans are drafts unless `publish` (a replaced published plan's
    successor is published at once, as create_plan does). Returns the plans written."""
    if start.weekday() != 0:
        raise ValidationError({"start": "A program starts on a Monday."})
    if start < first_monday_allowed(coach):
        raise ValidationError({"start": "Start this week or later: past weeks are kept."})
    if not choices:
        raise ValidationError({"athletes": "Choose at least one athlete (not cancelled)."})
    if any(choice.mode not in (SKIP, REPLACE) for choice in choices):
        raise ValidationError({"mode": "Choose skip, replace or cancel for each athlete."})
    mondays = [start + timedelta(weeks=n) for n in range(program.weeks)]
    by_week: dict[int, list[ProgramSession]] = {}
    for session in program.sessions.all():
        by_week.setdefault(session.week, []).append(session)
    standing = TrainingPlan.objects.standing().filter(
        athlete__in=[c.athlete for c in choices], week_start_date__in=mondays
    )
    held = standing_by_week(standing)
    written = []
    for choice in choices:
        for number, monday in enumerate(mondays, start=1):
            plan = held.get((choice.athlete.pk, monday))
            if plan and plan.status == PlanStatus.COMPLETED:
                continue  # an ended week's plan is history, never replaced
            if plan and choice.mode == SKIP:
                if monday not in choice.seen:
                    raise StalePlan(plan)  # added since the preview: not kept unseen
                continue
            written.append(
                _write_week(program, choice, monday, by_week.get(number, []), coach, request)
            )
    if publish:
        for plan in written:
            if plan.is_draft:
                publish_plan(plan=plan, version=plan.version, by=coach.user, request=request)
    audit.record(
        "apply_program", coach.user, entity=program, request=request, start=start,
        athletes=[str(c.athlete.pk) for c in choices], plans=len(written), published=publish,
    )  # fmt: skip
    return written


def _write_week(program, choice: Choice, monday: date, sessions, coach, request) -> TrainingPlan:
    written = [{**copied_fields(s), "date": monday + timedelta(days=s.weekday)} for s in sessions]
    return replace_week(
        athlete=choice.athlete, coach=coach, week_start=monday,
        version=choice.seen.get(monday), sessions=written, request=request,
        from_program=program.pk,
    )  # fmt: skip
