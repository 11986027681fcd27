"""Reads of a coach's programs, and what applying one would do (the preview), eager-loaded
so templates never query."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch

from training.availability import Clash, availability_of, clashes
from training.models import TrainingPlan, TrainingSession
from training.programs.models import Program, ProgramSession
from training.selectors import standing_by_week


def programs_of(coach):
    """The coach's programs (another coach's are no one's here: a 404), with session counts."""
    return Program.objects.filter(coach=coach).annotate(session_count=Count("sessions"))


def program_with_sessions(coach):
    """One of the coach's programs with its sessions in order (for get_object_or_404)."""
    sessions = Prefetch("sessions", ProgramSession.objects.order_by("week", "weekday", "order"))
    return Program.objects.filter(coach=coach).prefetch_related(sessions)


def dated_sessions(sessions, monday: date) -> list[TrainingSession]:
    """A program week's sessions as the unsaved plan sessions they would become in the week of
    `monday` (what the availability rule and the display read)."""
    return [
        TrainingSession(
            date=monday + timedelta(days=s.weekday), type=s.type, focus=s.focus,
            estimated_duration=s.estimated_duration, prescription=s.prescription,
        )
        for s in sessions
    ]  # fmt: skip


@dataclass(frozen=True)
class WeekPreview:
    number: int
    monday: date
    plan: TrainingPlan | None  # the plan that stands for the week now, if any
    sessions: int  # the program's sessions that week
    clashes: list[Clash]

    @property
    def kept_always(self) -> bool:
        """A completed week's plan is history: kept whatever the coach chooses."""
        return self.plan is not None and self.plan.status == "completed"


@dataclass(frozen=True)
class AthletePreview:
    athlete: object
    weeks: list[WeekPreview]

    @property
    def planned(self) -> list[WeekPreview]:
        return [week for week in self.weeks if week.plan is not None]

    @property
    def clash_count(self) -> int:
        return sum(len(week.clashes) for week in self.weeks)


def apply_preview(program: Program, athletes, start: date) -> list[AthletePreview]:
    """For each athlete (their availability selected with them), every program week with its
    date, the plan that already stands for it, and the sessions falling outside what the
    athlete can do — in one query beyond the program's own (the weeks' plans)."""
    athletes = list(athletes)
    mondays = [start + timedelta(weeks=n) for n in range(program.weeks)]
    by_week: dict[int, list] = {}
    for session in program.sessions.all():
        by_week.setdefault(session.week, []).append(session)
    plans = TrainingPlan.objects.standing().filter(
        athlete__in=athletes, week_start_date__in=mondays
    )
    held = standing_by_week(plans.only("athlete_id", "week_start_date", "status", "version",
                                       "published_at"))  # fmt: skip
    previews = []
    for athlete in athletes:
        availability = availability_of(athlete)
        weeks = []
        for number, monday in enumerate(mondays, start=1):
            listed = by_week.get(number, [])
            found = clashes(availability, dated_sessions(listed, monday), athlete.name)
            weeks.append(
                WeekPreview(number, monday, held.get((athlete.pk, monday)), len(listed), found)
            )
        previews.append(AthletePreview(athlete, weeks))
    return previews
