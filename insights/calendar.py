"""An athlete's month as the coach's calendar shows it: 4–6 Monday-first weeks, each day's
planned sessions beside what was done, coloured by compliance (insights.compliance).

It reads logs, so it sits in insights. The coach sees drafts too (marked as such): the read
is `training.selectors.standing_weeks(..., published_only=False)`, with each session's logs
prefetched; logs that answer no shown session (logged without a plan) come in one more query.
"""

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import dateformat

from insights.compliance import Amount, Compliance, compliance, done_amount, planned_amount
from logging_app.models import WorkoutLog
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.prescription import EndurancePrescription, Prescription
from training.selectors import monday_of, standing_weeks

# How far a coach may page: the column holds any date, a calendar needs only a sane window.
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Entry:
    """A planned session on its day: what it is, how much was planned and done, its colour."""

    session: TrainingSession
    plan: TrainingPlan
    name: str  # its focus, else "Run" / "Strength"
    planned: Amount | None
    done: Amount | None
    logged: bool
    mark: Compliance

    @property
    def movable(self) -> bool:
        """Only an active plan is edited (a completed week is kept as it was)."""
        return self.plan.status == PlanStatus.ACTIVE


@dataclass(frozen=True)
class Unplanned:
    """A log on a day that answers no session shown (logged without a plan, or against a
    session since archived or deleted)."""

    log: WorkoutLog
    done: Amount | None


@dataclass(frozen=True)
class Day:
    date: date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)
    unplanned: list[Unplanned] = field(default_factory=list)

    @property
    def iso(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True)
class Week:
    monday: date
    plan: TrainingPlan | None
    days: list[Day]
    has_ended: bool

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def day_options(self) -> list[tuple[str, str]]:
        """The "Move to…" picker's days: (ISO date, "Tue 8 Dec")."""
        return [(day.iso, dateformat.format(day.date, "D j M")) for day in self.days]


@dataclass(frozen=True)
class Month:
    first: date
    today: date
    weeks: list[Week]

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=31)).replace(day=1)


def month_mondays(first: date) -> list[date]:
    """The Mondays of the weeks that hold a day of the month: 4 (a February starting on a
    Monday), 5 or 6."""
    last = first.replace(day=monthrange(first.year, first.month)[1])
    start, end = monday_of(first), monday_of(last)
    return [start + timedelta(weeks=n) for n in range((end - start).days // 7 + 1)]


def session_name(session: TrainingSession, plan) -> str:
    """How a calendar card names a session: its focus, else its modality ("Run"), else its
    type ("Strength")."""
    if session.focus:
        return session.focus
    if isinstance(plan, EndurancePrescription) and plan.modality:
        return plan.modality.capitalize()
    return session.get_type_display()


def _entry(session, athlete_id, today) -> Entry:
    log = next((log for log in session.logs.all() if log.athlete_id == athlete_id), None)
    planned = planned_amount(session.type, session.prescription, session.estimated_duration)
    done = done_amount(planned, log.actual_data) if log else None
    mark = compliance(
        planned=planned.value if planned else None,
        done=done.value if done else None,
        logged=log is not None,
        day=session.date,
        today=today,
    )
    plan = Prescription.of(session.type, session.prescription)
    return Entry(session, session.plan, session_name(session, plan), planned, done, bool(log), mark)


def _unplanned_logs(athlete, mondays, shown_ids) -> dict[date, list[Unplanned]]:
    """The athlete's logs in the calendar's weeks (by their local day) that answer no shown
    session, in one query."""
    zone = athlete.user.zoneinfo
    since = datetime.combine(mondays[0], time.min, zone)
    until = datetime.combine(mondays[-1] + timedelta(days=7), time.min, zone)
    logs = (
        WorkoutLog.objects.filter(athlete=athlete, completed_at__gte=since, completed_at__lt=until)
        .exclude(session_id__in=shown_ids)
        .only("completed_at", "actual_data", "rpe", "session_id")
        .order_by("completed_at")
    )
    by_day: dict[date, list[Unplanned]] = {}
    for log in logs:
        day = log.completed_at.astimezone(zone).date()
        by_day.setdefault(day, []).append(Unplanned(log, done_amount(None, log.actual_data)))
    return by_day


def calendar_month(athlete, first: date, today: date) -> Month:
    """The month of `first` (its first day) for `athlete` (with `user`), `today` being the
    athlete's local date: 4 queries for the plans, their sessions with logs and benchmarks
    (standing_weeks), and 1 for the logs without a shown session."""
    mondays = month_mondays(first)
    sessions = TrainingSession.objects.prefetch_related("logs")
    weeks = standing_weeks([athlete.pk], mondays, sessions, published_only=False)
    entries: dict[date, list[Entry]] = {}
    shown = []
    for monday in mondays:
        week = weeks[athlete.pk, monday]
        for session in week.sessions:
            session.plan = week.plan  # the plan the week was read with: no query per session
            entries.setdefault(session.date, []).append(_entry(session, athlete.pk, today))
            shown.append(session.pk)
    unplanned = _unplanned_logs(athlete, mondays, shown)
    return Month(
        first=first,
        today=today,
        weeks=[
            Week(
                monday=monday,
                plan=weeks[athlete.pk, monday].plan,
                days=[
                    Day(
                        date=day,
                        in_month=day.month == first.month,
                        is_today=day == today,
                        entries=entries.get(day, []),
                        unplanned=unplanned.get(day, []),
                    )
                    for day in (monday + timedelta(days=n) for n in range(7))
                ],
                has_ended=monday + timedelta(days=6) < today,
            )
            for monday in mondays
        ],
    )
