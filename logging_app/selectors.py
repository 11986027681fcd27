"""Reads for the athlete's pages, always of the signed-in athlete's own data."""

from datetime import date, timedelta
from uuid import UUID

from django.db.models import F, FilteredRelation, Q

from hybridpeaks.core.compiled import CompiledRead, stand_in
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
