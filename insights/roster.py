"""The coach's roster: each athlete's week at a glance and the flags a coach acts on.

Built in a fixed number of queries whatever the roster size (DESIGN.md: ≤ 10 per page):
athletes with their last log and hard-session flag, this and next week's plans, their
sessions with a done count, the athletes' benchmarks, and the exercise names. Logs are reached
through their reverse relations (`logs`), so training does not import logging_app, which
stands to its right.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts.models import Athlete
from accounts.permissions import athletes_visible_to
from training.models import BenchmarkMetric, Exercise, TrainingPlan, TrainingSession
from training.selectors import monday_of
from training.targets import Benchmarks, session_targets

# A session RPE at or above this in the last 7 days is flagged (convention: "very hard").
HIGH_SESSION_RPE = 9


@dataclass
class RosterRow:
    athlete: object
    plan: TrainingPlan | None = None
    planned: int = 0
    done: int = 0
    missed: int = 0
    next_week_planned: bool = False
    missing_benchmarks: set[str] = field(default_factory=set)
    summary: object = None  # the latest weekly summary (insights), if any

    @property
    def last_log_at(self):
        return self.athlete.last_log_at

    @property
    def flags(self) -> list[str]:
        flags = []
        if not self.next_week_planned:
            flags.append("No plan for next week")
        if self.missing_benchmarks:
            flags.append("Missing benchmarks: " + ", ".join(sorted(self.missing_benchmarks)))
        if self.athlete.hard_sessions:
            flags.append(f"Session RPE {HIGH_SESSION_RPE}+ in the last 7 days")
        if self.missed:
            flags.append(f"{self.missed} session{'s' if self.missed > 1 else ''} missed")
        return flags


def roster(user, today: date) -> list[RosterRow]:
    monday = monday_of(today)
    next_monday = monday + timedelta(days=7)
    week_ago = timezone.now() - timedelta(days=7)
    hard = Q(logs__rpe__gte=HIGH_SESSION_RPE, logs__completed_at__gte=week_ago)
    athletes = (
        athletes_visible_to(user)
        .select_related("user")
        .annotate(last_log_at=Max("logs__completed_at"), hard_sessions=Count("logs", filter=hard))
        .order_by("name")
    )
    rows = {athlete.pk: RosterRow(athlete) for athlete in athletes}
    plans = TrainingPlan.objects.standing().filter(
        athlete_id__in=rows, week_start_date__in=[monday, next_monday]
    )
    for plan in plans:
        row = rows[plan.athlete_id]
        if plan.week_start_date == monday:
            row.plan = plan
        else:
            row.next_week_planned = True
    sessions = list(
        TrainingSession.objects.filter(plan__in=plans)
        .select_related("plan")
        .annotate(done=Count("logs"))
    )
    benchmarks = defaultdict(list)
    for benchmark in BenchmarkMetric.objects.filter(athlete_id__in=rows):
        benchmarks[benchmark.athlete_id].append(benchmark)
    _attach_latest_summaries(rows, today)
    names = _exercise_names(sessions)
    indexes = {athlete_id: Benchmarks(items) for athlete_id, items in benchmarks.items()}
    for session in sessions:
        row = rows[session.plan.athlete_id]
        if session.plan.week_start_date == monday:
            row.planned += 1
            row.done += bool(session.done)
            row.missed += not session.done and session.date < today
        targets = session_targets(
            session.type, session.prescription, indexes.get(row.athlete.pk, Benchmarks()), names
        )
        row.missing_benchmarks.update(t.missing for t in targets if t.missing)
    return list(rows.values())


def _exercise_names(sessions) -> dict[str, str]:
    ids = {
        item.get("exerciseId")
        for session in sessions
        for item in session.prescription.get("exercises", [])
    }
    exercises = Exercise.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", "name")
    return {str(pk): name for pk, name in exercises}


# Summaries older than this are not "the latest" a coach acts on.
SUMMARY_HORIZON = timedelta(weeks=8)


def _attach_latest_summaries(rows: dict, today: date) -> None:
    """Each athlete's latest weekly summary, in one query. The model is reached through
    the athletes' reverse relation: insights stands to training's right."""
    summaries = Athlete._meta.get_field("weekly_summaries").related_model.objects
    recent = summaries.filter(
        athlete_id__in=rows, week_end_date__gte=today - SUMMARY_HORIZON
    ).order_by("athlete_id", "-week_end_date")
    for summary in recent:
        row = rows[summary.athlete_id]
        row.summary = row.summary or summary
