"""Reads for the athlete's pages, always of the signed-in athlete's own data."""

from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.db.models.fields.json import KT

from hybridpeaks.core.compiled import CompiledRead, stand_in
from logging_app.imports.models import MODALITIES, ImportedActivity
from logging_app.models import WorkoutLog
from training.display import session_view
from training.models import (
    STANDING_STATUSES,
    BenchmarkMetric,
    TrainingPlan,
    TrainingSession,
    standing_rank,
)
from training.selectors import exercise_names
from training.targets import Benchmarks

# What a session card shows (training.display.session_view and _session_card.html read them).
CARD_COLUMNS = ("plan_id", "date", "type", "focus", "prescription", "estimated_duration")
# What targets are computed from (training.targets.Benchmarks: the newest of each metric).
BENCHMARK_COLUMNS = ("metric_type", "exercise_id", "value", "established_at", "created_at")


def planned_sessions(athlete_id):
    """Sessions of the athlete's published plans that stand (active, or completed once a week
    ended), each with its log if there is one. A draft's sessions are the coach's alone."""
    return (
        TrainingSession.objects.filter(
            plan__in=TrainingPlan.objects.standing().published().filter(athlete_id=athlete_id)
        )
        .prefetch_related("logs")
        .order_by("date", "created_at")
    )


# The athlete's sessions of a week with each one's own log, compiled once per process
# (CompiledRead): building this queryset's SQL was two thirds of the read, on every Today and
# Week request.
_WEEK = CompiledRead(
    lambda athlete, monday: (
        TrainingSession.objects.filter(
            plan__athlete_id=athlete,
            plan__week_start_date=monday,
            plan__status__in=STANDING_STATUSES,
            plan__published_at__isnull=False,
        )
        .annotate(
            own_log=FilteredRelation("logs", condition=Q(logs__athlete_id=athlete)),
            log_id=F("own_log__id"),
            plan_status=F("plan__status"),
        )
        .only(*CARD_COLUMNS)
        .order_by("date", "created_at")
    ),
    athlete=stand_in(UUID, 11),
    monday=stand_in(date, 11),
)


def week_sessions(athlete_id, monday: date) -> list[TrainingSession]:
    """The sessions of the athlete's plan that stands for the week of `monday`, in order, in
    one query: each with `log_id`, its log's id or None (one log per session and athlete),
    and only the columns a card shows (CARD_COLUMNS). The athlete's pages show sessions, never
    the plan, so the plan is not read; of a week with both an active and a completed plan,
    the active one stands, as in training.selectors.sessions_of_weeks. Drafts are not the
    athlete's to see. The log is joined on the athlete's own logs only, unique per session
    and athlete: one row per session, whoever else's log a session might carry."""
    sessions = _WEEK.read(athlete=athlete_id, monday=monday)
    if not sessions:
        return []
    log_id = WorkoutLog._meta.pk
    for session in sessions:  # a column beyond the model's: read as the database wrote it
        session.log_id = log_id.to_python(session.log_id)
    standing = min(sessions, key=lambda session: standing_rank(session.plan_status)).plan_id
    return [session for session in sessions if session.plan_id == standing]


def session_views(athlete, sessions) -> list:
    """Sessions as the page shows them: each line with the athlete's concrete target."""
    sessions = list(sessions)
    names = exercise_names(sessions)
    # Named rows, not model instances: targets read these five attributes and nothing else.
    rows = BenchmarkMetric.objects.filter(athlete=athlete).values_list(
        *BENCHMARK_COLUMNS, named=True
    )
    benchmarks = Benchmarks(rows)
    return [session_view(session, benchmarks, names) for session in sessions]


def named_view(session):
    """A session's lines by name, without targets (one query): enough to name its fields."""
    return session_view(session, Benchmarks(), exercise_names([session]))


def log_of(session):
    """The session's log, from the prefetched `logs` (one per session and athlete)."""
    logs = list(session.logs.all())
    return logs[0] if logs else None


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(7)]


# How far back the form looks for an exercise's last weights: one query, a bounded read.
RECENT_LOGS = 30


def last_weights(athlete_id, exercise_ids) -> dict[str, list]:
    """Each exercise's set weights in the athlete's latest log of it, among the recent ones:
    the log form pre-fills a lift with no planned load from them."""
    wanted, found = set(exercise_ids), {}
    if not wanted:
        return found
    recent = (
        WorkoutLog.objects.filter(athlete_id=athlete_id, actual_data__has_key="exercises")
        .order_by("-completed_at")
        .values_list("actual_data", flat=True)[:RECENT_LOGS]
    )
    for data in recent:
        for exercise in data.get("exercises", []):
            key, sets = exercise.get("exerciseId"), exercise.get("sets") or []
            if key in wanted and key not in found and sets:
                found[key] = [done.get("weight") for done in sets]
    return found


# Whether a log came from a watch file (an annotation: no join, one EXISTS per row read).
FROM_WATCH = Exists(ImportedActivity.objects.filter(log=OuterRef("pk")))


def unplanned_logs(athlete_id, monday: date, zone) -> list[WorkoutLog]:
    """The athlete's logs of the week of `monday` (by their local day) that answer no session:
    watch activities kept unplanned, or logs whose session was since removed; each with
    `name` (unplanned_name) and `day`, in one query."""
    since = datetime.combine(monday, time.min, zone)
    until = datetime.combine(monday + timedelta(days=7), time.min, zone)
    logs = (
        WorkoutLog.objects.filter(
            athlete_id=athlete_id,
            session__isnull=True,
            completed_at__gte=since,
            completed_at__lt=until,
        )
        .annotate(modality=KT("actual_data__modality"), from_watch=FROM_WATCH)
        .only("completed_at", "actual_data")
        .order_by("completed_at")
    )
    for log in logs:
        log.name = unplanned_name(log.modality, from_watch=log.from_watch)
        log.day = log.completed_at.astimezone(zone).date()
    return list(logs)


def unplanned_name(modality: str | None, *, from_watch: bool) -> str:
    """A log that answers no session, in words: "Unplanned run" for a watch activity matched
    to nothing; a log typed for a session is one whose session was removed from the plan."""
    noun = dict(MODALITIES).get(modality)
    if from_watch and noun:
        return f"Unplanned {noun.lower()}"
    return "a session since removed from the plan"
