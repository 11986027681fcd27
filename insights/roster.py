"""The coach's roster: each athlete's week at a glance and the flags a coach acts on.

A coach may have a hundred athletes, so the roster counts instead of building every session:
no model instance per session or summary, and a fixed number of queries whatever the roster
size (DESIGN.md: ≤ 10 per page): the athletes with their last log, a hard session and next
week's plan as subqueries (1), this week's standing plans with their sessions counted in SQL
(1), this and next week's distinct prescriptions, the exercises they name and the benchmarks
each athlete has (3), and the latest summaries' shown fields (1). It lives in insights, the
top of the stack, so it reads logs and summaries directly.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    StringAgg,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone

from accounts.permissions import athletes_visible_to
from insights.models import AIWeeklySummary
from logging_app.models import WorkoutLog
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
    hard_session: bool  # a session RPE of HIGH_SESSION_RPE+ logged in the last 7 days
    next_week_planned: bool  # a standing plan for next week
    week: dict | None = None  # this week's standing plan, counted (weeks_counted)
    missing_benchmarks: frozenset = frozenset()
    # The latest summary's week_end_date, adherence_rate, pattern_count and suggestion_count
    # (the summary page lists them).
    summary: dict | None = None
    last_log: str = "none"  # how long ago, for the table
    links: dict = field(default_factory=dict)  # athlete, week, summary and next_week URLs

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
        """Short, for a table cell: the latest summary's patterns are counted, and its page
        lists them."""
        flags = []
        if not self.next_week_planned:
            flags.append("No plan next week")
        if self.missing_benchmarks:
            flags.append("Missing " + ", ".join(sorted(self.missing_benchmarks)))
        if self.hard_session:
            flags.append(f"RPE {HIGH_SESSION_RPE}+ in 7 days")
        if self.missed:
            flags.append(f"{self.missed} missed")
        if patterns := self.summary and self.summary["pattern_count"]:
            flags.append(f"{patterns} pattern{'s' if patterns > 1 else ''}")
        return flags


def roster(user, today: date) -> list[RosterRow]:
    """A row per athlete `user` may see, by name, ready for the table (links included)."""
    monday = monday_of(today)
    next_monday = monday + timedelta(days=7)
    now = timezone.now()
    scope = athletes_visible_to(user)
    logs = WorkoutLog.objects.filter(athlete_id=OuterRef("pk"))
    hard = logs.filter(rpe__gte=HIGH_SESSION_RPE, completed_at__gte=now - timedelta(days=7))
    next_week = TrainingPlan.objects.standing().filter(
        athlete_id=OuterRef("pk"), week_start_date=next_monday
    )
    athletes = (
        scope.annotate(
            last_log_at=Subquery(logs.order_by("-completed_at").values("completed_at")[:1]),
            hard_session=Exists(hard),
            next_week_planned=Exists(next_week),
        )
        .order_by("name")
        .values_list("pk", "name", "last_log_at", "hard_session", "next_week_planned")
    )
    rows = {row[0]: RosterRow(*row) for row in athletes}
    weeks = weeks_counted(scope, [monday], today)
    for athlete_id, row in rows.items():
        row.week = weeks.get((athlete_id, monday))
    _attach_missing_benchmarks(rows, scope, [monday, next_monday])
    _attach_latest_summaries(rows, scope, today)
    _attach_links(rows, monday)
    for row in rows.values():
        row.last_log = ago(row.last_log_at, now) if row.last_log_at else "none"
    return list(rows.values())


def ago(moment: datetime, now: datetime) -> str:
    """How long ago, in hours then days ("3 h ago", "2 d ago"): what a roster needs of the
    last log's time, at a fraction of the cost of the timesince filter, which a page of a
    hundred rows would call a hundred times."""
    hours = int((now - moment).total_seconds() // 3600)
    if hours < 1:
        return "within the hour"
    return f"{hours} h ago" if hours < 24 else f"{hours // 24} d ago"


# reverse() costs tens of µs and a roster of a hundred rows would call it four hundred times:
# each URL is reversed once with this stand-in id and the row's own id written in its place.
_ANY_ATHLETE = UUID(int=0)


def _attach_links(rows: dict, monday: date) -> None:
    """Each row's links: the athlete page, this week, the latest summary, plan next week."""
    stand_in = str(_ANY_ATHLETE)
    pages = {
        "athlete": reverse("training:athlete", args=[_ANY_ATHLETE]),
        "week": reverse("training:week", args=[_ANY_ATHLETE, monday]),
        "next_week": reverse("training:next_week", args=[_ANY_ATHLETE]),
    }
    summary_pages = {}
    for athlete_id, row in rows.items():
        own = str(athlete_id)
        row.links = {name: url.replace(stand_in, own) for name, url in pages.items()}
        if row.summary:
            week_end = row.summary["week_end_date"]
            if week_end not in summary_pages:
                args = [_ANY_ATHLETE, week_end]
                summary_pages[week_end] = reverse("insights:athlete_summary", args=args)
            row.links["summary"] = summary_pages[week_end].replace(stand_in, own)


def weeks_counted(athletes, mondays, today: date) -> dict[tuple, dict]:
    """The standing plan of each (athlete, Monday) that has one, as a dict of its id, status
    and version with its sessions counted in SQL: planned, done (logged) and missed (not
    logged, dated before today). `athletes` is ids or a queryset. One query whatever the
    number of sessions (subqueries per plan cost as much in the database and more to build)."""
    unlogged = Q(sessions__logs__isnull=True)
    plans = (
        TrainingPlan.objects.standing()
        .filter(athlete__in=athletes, week_start_date__in=mondays)
        .order_by()
        .values("id", "athlete_id", "week_start_date", "status", "version")
        .annotate(
            planned=Count("sessions", distinct=True),
            done=Count("sessions", filter=~unlogged, distinct=True),
            missed=Count("sessions", filter=unlogged & Q(sessions__date__lt=today), distinct=True),
        )
    )
    return standing_by_week(plans)


def _attach_missing_benchmarks(rows: dict, athletes, mondays: list) -> None:
    """The benchmarks this and next week's prescriptions need that each athlete lacks, by
    training.targets' rule, in three queries. Each distinct prescription is read once with the
    athletes it is planned for (a coach's athletes mostly share them), and the rule is asked
    once per prescription and set of benchmarks an athlete has. Prescriptions are grouped by
    their text: grouping by the JSON column itself took longer on PostgreSQL. Neither week
    has ended, so no completed plan stands beside an active one: every standing plan of
    them is read, in a subquery rather than a list of two hundred ids."""
    plans = TrainingPlan.objects.standing().filter(
        athlete__in=athletes, week_start_date__in=mondays
    )
    prescriptions = (
        TrainingSession.objects.filter(plan__in=plans)
        .order_by()
        .values("type", text=Cast("prescription", TextField()))
        .annotate(athletes=StringAgg(Cast("plan__athlete_id", TextField()), Value(",")))
    )
    planned = []
    needed = defaultdict(set)  # athlete id → indexes in `planned`
    ids = {}  # as the database writes an id → UUID, each parsed once
    for index, row in enumerate(prescriptions):
        planned.append((row["type"], Prescription.of(row["type"], json.loads(row["text"]))))
        for text in set(row["athletes"].split(",")):
            athlete_id = ids.get(text) or ids.setdefault(text, UUID(text))
            needed[athlete_id].add(index)
    names = _exercise_names(planned)
    present = _benchmarks_present(athletes)
    answers = {}
    for athlete_id, indexes in needed.items():
        has = present[athlete_id]
        missing = set()
        for index in indexes:
            if (index, has) not in answers:
                answers[index, has] = missing_benchmarks(*planned[index], has, names)
            missing |= answers[index, has]
        rows[athlete_id].missing_benchmarks = frozenset(missing)


def _exercise_names(prescriptions) -> dict[str, str]:
    """id (str) → name of the exercises the (type, prescription) pairs name (a missing 1RM
    names its exercise)."""
    ids = {
        exercise_id
        for session_type, plan in prescriptions
        if session_type == SessionType.STRENGTH
        for exercise_id in plan.exercise_ids
    }
    return {key: exercise.name for key, exercise in exercises_by_id(ids).items()}


def _benchmarks_present(athletes) -> dict:
    """Athlete id → frozenset of the (metric_type, exercise id or None) they have a benchmark
    of, read as one "metric exercise,…" string per athlete: a row per athlete, not per
    benchmark."""
    kind = Concat(
        "metric_type",
        Value(" "),
        Coalesce(Cast("exercise_id", TextField()), Value(""), output_field=TextField()),
        output_field=TextField(),
    )
    kinds = (
        BenchmarkMetric.objects.filter(athlete__in=athletes)
        .order_by()
        .values("athlete_id")
        .annotate(kinds=StringAgg(kind, delimiter=Value(",")))
        .values_list("athlete_id", "kinds")
    )
    present = defaultdict(frozenset)
    for athlete_id, listed in kinds:
        pairs = (pair.split(" ") for pair in listed.split(","))
        present[athlete_id] = frozenset((metric, exercise or None) for metric, exercise in pairs)
    return present


class JSONArrayLength(Func):
    """How many items a JSON list column holds, counted by the database (no list loaded)."""

    function = "JSON_ARRAY_LENGTH"
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSONB_ARRAY_LENGTH", **extra)


def _attach_latest_summaries(rows: dict, athletes, today: date) -> None:
    """Each athlete's latest weekly summary within SUMMARY_HORIZON, only what the roster
    shows, in one query."""
    latest = (
        AIWeeklySummary.objects.filter(athlete_id=OuterRef("athlete_id"))
        .order_by("-week_end_date")
        .values("week_end_date")[:1]
    )
    summaries = AIWeeklySummary.objects.filter(
        athlete__in=athletes,
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
