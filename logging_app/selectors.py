"""Reads for the athlete's pages, always of the signed-in athlete's own data."""

from datetime import date, timedelta

from logging_app.models import WorkoutLog
from training.display import session_view
from training.models import TrainingPlan, TrainingSession
from training.selectors import benchmarks_of, exercise_names
from training.targets import Benchmarks


def planned_sessions(athlete_id):
    """Sessions of the athlete's plans that stand (active, or completed once a week ended),
    each with its log if there is one."""
    return (
        TrainingSession.objects.filter(
            plan__in=TrainingPlan.objects.standing().filter(athlete_id=athlete_id)
        )
        .prefetch_related("logs")
        .order_by("date", "created_at")
    )


def session_views(athlete, sessions) -> list:
    """Sessions as the page shows them: each line with the athlete's concrete target."""
    sessions = list(sessions)
    names = exercise_names(sessions)
    benchmarks = Benchmarks(benchmarks_of(athlete))
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
