"""Reads for the athlete's pages, always of the signed-in athlete's own data."""

from datetime import date, timedelta

from django.db import connection

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


# The athlete's sessions of the week with each one's own log: one statement, written once. The
# ORM spent two thirds of this read (about 0.8 ms of every Today and Week request) building
# the same SQL again; plain SQL that both databases read, its values prepared by the fields.
WEEK_SQL = f"""
SELECT s.id, s.plan_id, s.date, s.type, s.focus, s.prescription, s.estimated_duration,
       l.id AS log_id, p.status AS plan_status
FROM {TrainingSession._meta.db_table} s
JOIN {TrainingPlan._meta.db_table} p ON p.id = s.plan_id
LEFT JOIN {WorkoutLog._meta.db_table} l ON l.session_id = s.id AND l.athlete_id = %s
WHERE p.athlete_id = %s AND p.week_start_date = %s AND p.published_at IS NOT NULL
  AND p.status IN ({", ".join(["%s"] * len(STANDING_STATUSES))})
ORDER BY s.date, s.created_at
"""  # noqa: S608 (table names from the models' _meta; every value is a parameter)


def week_sessions(athlete_id, monday: date) -> list[TrainingSession]:
    """The sessions of the athlete's plan that stands for the week of `monday`, in order, in
    one query: each with `log_id`, its log's id or None (one log per session and athlete),
    and only the columns a card shows (CARD_COLUMNS). The athlete's pages show sessions, never
    the plan, so the plan is not read; of a week with both an active and a completed plan,
    the active one stands, as in training.selectors.sessions_of_weeks. Drafts are not the
    athlete's to see. The log is joined on the athlete's own logs only, unique per session
    and athlete: one row per session, whoever else's log a session might carry."""
    athlete = TrainingPlan._meta.get_field("athlete").target_field
    week = TrainingPlan._meta.get_field("week_start_date")
    who = athlete.get_db_prep_value(athlete_id, connection)
    day = week.get_db_prep_value(monday, connection)
    sessions = list(TrainingSession.objects.raw(WEEK_SQL, [who, who, day, *STANDING_STATUSES]))
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
