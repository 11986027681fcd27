"""The coach's roster: each athlete's week at a glance and the flags a coach acts on.

A coach may have a hundred athletes, so the roster counts instead of building every session:
no model instance per session or summary, and a fixed number of queries whatever the roster
size (DESIGN.md: ≤ 10 per page): the athletes with their last log and hard-session count (1),
this and next week's standing plans with their sessions counted in SQL (1), the distinct
prescriptions of those weeks and the benchmarks each athlete has (2), the names of the
exercises those prescriptions name (1, none without strength sessions), and the latest
summaries' shown fields (1). It lives in insights, the top of the stack, so it reads logs and
summaries directly.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from django.db.models import Count, F, Func, IntegerField, Max, OuterRef, Q, Subquery, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from accounts.permissions import athletes_visible_to
from insights.models import AIWeeklySummary
from training.models import BenchmarkMetric, SessionType, TrainingPlan, TrainingSession
from training.prescription import Prescription
from training.selectors import exercises_by_id, monday_of, standing_by_week
from training.targets import missing_benchmarks

# A session RPE at or above this in the last 7 days is flagged (convention: "very hard").
HIGH_SESSION_RPE = 9

# Summaries older than this are not "the latest" a coach acts on.
SUMMARY_HORIZON = timedelta(weeks=8)


@dataclass
class RosterRow:
    athlete_id: UUID
    name: str
    last_log_at: datetime | None
    hard_sessions: int  # logs with a session RPE of HIGH_SESSION_RPE+ in the last 7 days
    week: dict | None = None  # this week's standing plan, counted (weeks_counted)
    next_week_planned: bool = False
    missing_benchmarks: frozenset = frozenset()
    # The latest summary's week_end_date, adherence_rate, pattern_count and suggestion_count
    # (the summary page lists them).
    summary: dict | None = None

    @property
    def planned(self) -> int:
        return self.week["planned"] if self.week else 0

    @property
    def done(self) -> int:
        return self.week["done"] if self.week else 0

    @property
    def missed(self) -> int:
        return self.week["missed"] if self.week else 0

    @property
    def flags(self) -> list[str]:
        """Short, for a table cell; the athlete page and the summary give the details."""
        flags = []
        if not self.next_week_planned:
            flags.append("No plan next week")
        if self.missing_benchmarks:
            flags.append("Missing " + ", ".join(sorted(self.missing_benchmarks)))
        if self.hard_sessions:
            flags.append(f"RPE {HIGH_SESSION_RPE}+ in 7 days")
        if self.missed:
            flags.append(f"{self.missed} missed")
        if patterns := self.summary and self.summary["pattern_count"]:
            flags.append(f"{patterns} pattern{'s' if patterns > 1 else ''}")
        return flags


def roster(user, today: date) -> list[RosterRow]:
    monday = monday_of(today)
    next_monday = monday + timedelta(days=7)
    week_ago = timezone.now() - timedelta(days=7)
    hard = Q(logs__rpe__gte=HIGH_SESSION_RPE, logs__completed_at__gte=week_ago)
    athletes = (
        athletes_visible_to(user)
        .annotate(last_log_at=Max("logs__completed_at"), hard_sessions=Count("logs", filter=hard))
        .order_by("name")
        .values_list("pk", "name", "last_log_at", "hard_sessions")
    )
    rows = {row[0]: RosterRow(*row) for row in athletes}
    weeks = weeks_counted(rows, [monday, next_monday], today)
    for athlete_id, row in rows.items():
        row.week = weeks.get((athlete_id, monday))
        row.next_week_planned = (athlete_id, next_monday) in weeks
    _attach_missing_benchmarks(rows, [plan["id"] for plan in weeks.values()])
    _attach_latest_summaries(rows, today)
    return list(rows.values())


def weeks_counted(athlete_ids, mondays, today: date) -> dict[tuple, dict]:
    """The standing plan of each (athlete id, Monday) that has one, as a dict of its id,
    status and version with its sessions counted in SQL: planned, done (logged) and missed
    (not logged, dated before today). One query, whatever the number of sessions."""
    unlogged = Q(sessions__logs__isnull=True)
    plans = (
        TrainingPlan.objects.standing()
        .filter(athlete_id__in=list(athlete_ids), week_start_date__in=mondays)
        .order_by()
        .values("id", "athlete_id", "week_start_date", "status", "version")
        .annotate(
            planned=Count("sessions", distinct=True),
            done=Count("sessions", filter=~unlogged, distinct=True),
            missed=Count("sessions", filter=unlogged & Q(sessions__date__lt=today), distinct=True),
        )
    )
    return standing_by_week(plans)


def _attach_missing_benchmarks(rows: dict, plan_ids: list) -> None:
    """The benchmarks this and next week's prescriptions need that each athlete lacks, by
    training.targets' rule, worked out once per distinct prescription and set of benchmarks
    the athlete has (most athletes of a coach share both), in three queries."""
    prescriptions = (
        TrainingSession.objects.filter(plan_id__in=plan_ids)
        .order_by()
        .values_list("plan__athlete_id", "type", Cast("prescription", TextField()))
        .distinct()
    )
    needed = defaultdict(set)
    parsed = {}
    for athlete_id, session_type, text in prescriptions:
        needed[athlete_id].add((session_type, text))
        if (session_type, text) not in parsed:
            parsed[session_type, text] = Prescription.of(session_type, json.loads(text))
    names = _exercise_names(parsed)
    present = _benchmarks_present(needed)
    answers = {}
    for athlete_id, sessions in needed.items():
        has = present[athlete_id]
        missing = set()
        for session_type, text in sessions:
            key = (session_type, text, has)
            if key not in answers:
                plan = parsed[session_type, text]
                answers[key] = missing_benchmarks(session_type, plan, has, names)
            missing |= answers[key]
        rows[athlete_id].missing_benchmarks = frozenset(missing)


def _exercise_names(prescriptions: dict) -> dict[str, str]:
    """id (str) → name of the exercises the strength prescriptions name (a missing 1RM
    names its exercise)."""
    ids = {
        exercise_id
        for (session_type, _), plan in prescriptions.items()
        if session_type == SessionType.STRENGTH
        for exercise_id in plan.exercise_ids
    }
    return {key: exercise.name for key, exercise in exercises_by_id(ids).items()}


def _benchmarks_present(athlete_ids) -> dict:
    """Athlete id → frozenset of the (metric_type, exercise id) they have a benchmark of."""
    present = defaultdict(set)
    kinds = (
        BenchmarkMetric.objects.filter(athlete_id__in=list(athlete_ids))
        .order_by()
        .values_list("athlete_id", "metric_type", "exercise_id")
        .distinct()
    )
    for athlete_id, metric_type, exercise_id in kinds:
        present[athlete_id].add((metric_type, exercise_id))
    return defaultdict(frozenset, {key: frozenset(kinds) for key, kinds in present.items()})


class JSONArrayLength(Func):
    """How many items a JSON list column holds, counted by the database (no list loaded)."""

    function = "JSON_ARRAY_LENGTH"
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSONB_ARRAY_LENGTH", **extra)


def _attach_latest_summaries(rows: dict, today: date) -> None:
    """Each athlete's latest weekly summary within SUMMARY_HORIZON, only what the roster
    shows, in one query."""
    latest = (
        AIWeeklySummary.objects.filter(athlete_id=OuterRef("athlete_id"))
        .order_by("-week_end_date")
        .values("week_end_date")[:1]
    )
    summaries = AIWeeklySummary.objects.filter(
        athlete_id__in=list(rows),
        week_end_date__gte=today - SUMMARY_HORIZON,
        week_end_date=Subquery(latest),
    ).values(
        "athlete_id",
        "week_end_date",
        "adherence_rate",
        pattern_count=JSONArrayLength(F("patterns")),
        suggestion_count=JSONArrayLength(F("suggestions")),
    )
    for summary in summaries:
        rows[summary.pop("athlete_id")].summary = summary
