"""Reads for the athlete's pages, always of the signed-in athlete's own data."""

from datetime import date, timedelta

from training.display import exercise_ids, session_view
from training.models import Exercise, PlanStatus, TrainingSession
from training.selectors import benchmarks_of
from training.targets import Benchmarks


def planned_sessions(athlete_id):
    """Sessions of the athlete's plans that stand (active, or completed once a week ended),
    each with its log if there is one."""
    return (
        TrainingSession.objects.filter(
            plan__athlete_id=athlete_id,
            plan__status__in=[PlanStatus.ACTIVE, PlanStatus.COMPLETED],
        )
        .prefetch_related("logs")
        .order_by("date", "created_at")
    )


def session_views(athlete, sessions) -> list:
    """Sessions as the page shows them: each line with the athlete's concrete target."""
    sessions = list(sessions)
    names = dict(
        Exercise.objects.filter(pk__in=[i for i in exercise_ids(sessions) if i]).values_list(
            "pk", "name"
        )
    )
    names = {str(pk): name for pk, name in names.items()}
    benchmarks = Benchmarks(benchmarks_of(athlete))
    return [session_view(session, benchmarks, names) for session in sessions]


def log_of(session):
    """The session's log, from the prefetched `logs` (one per session and athlete)."""
    logs = list(session.logs.all())
    return logs[0] if logs else None


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(7)]
