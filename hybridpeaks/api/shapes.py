"""What the read endpoints answer: each object as camelCase JSON, as the sync API writes a log
(logging_app.api.log_json, reused for logs) and as the spec names the fields.

Times are ISO 8601 in UTC, days `YYYY-MM-DD`; decimals are JSON numbers. The document that
describes these shapes is openapi.json beside this module; the schemathesis tests hold the
two together.
"""

from collections import defaultdict
from dataclasses import fields
from decimal import Decimal

from logging_app.api import iso_utc
from logging_app.selectors import BENCHMARK_COLUMNS
from training.models import BenchmarkMetric
from training.selectors import exercise_names
from training.targets import Benchmarks, Target, session_targets

# Target's fields by the names the API gives them (the rest are camelCase of the same).
TARGET_NAMES = {"percent_1rm": "percent1rm", "exact_kg": "exactKg", "exact_watts": "exactWatts"}


def _number(value):
    if value is None:
        return None
    return int(value) if isinstance(value, int) else float(Decimal(value))


def when(moment) -> str | None:
    """A moment that may be missing (not yet published, not yet finished), in UTC."""
    return iso_utc(moment) if moment else None


def person_json(user) -> dict:
    """The requester: who the token or cookie signs in as, and in what role."""
    profile = getattr(user, user.role, None)
    return {
        "id": str(user.pk),
        "email": user.email,
        "role": user.role,
        "name": profile.name if profile else None,
        "timeZone": user.time_zone,
    }


def athlete_json(athlete) -> dict:
    return {
        "id": str(athlete.pk),
        "name": athlete.name,
        "coachId": str(athlete.coach_id),
        "timeZone": athlete.user.time_zone,
    }


def plan_json(plan) -> dict:
    return {
        "id": str(plan.pk),
        "athleteId": str(plan.athlete_id),
        "coachId": str(plan.coach_id) if plan.coach_id else None,
        "weekStartDate": plan.week_start_date.isoformat(),
        "status": plan.status,
        "version": plan.version,
        "publishedAt": when(plan.published_at),
        "updatedAt": iso_utc(plan.updated_at),
    }


def target_json(target: Target) -> dict:
    return {
        TARGET_NAMES.get(field.name, field.name): (
            getattr(target, field.name)
            if field.name in ("text", "missing", "unit")
            else _number(getattr(target, field.name))
        )
        for field in fields(target)
    }


def sessions_json(sessions) -> list[dict]:
    """Sessions with their targets from each athlete's newest benchmarks (training.targets,
    as the athlete's pages show them) and the id of the athlete's log of each, if any.
    Sessions read with `plan` selected and their `logs` prefetched; two more queries for all
    of them: the athletes' benchmarks and the exercises' names."""
    sessions = list(sessions)
    if not sessions:
        return []
    athletes = {session.plan.athlete_id for session in sessions}
    rows = defaultdict(list)
    for row in BenchmarkMetric.objects.filter(athlete_id__in=athletes).values_list(
        "athlete_id", *BENCHMARK_COLUMNS, named=True
    ):
        rows[row.athlete_id].append(row)
    benchmarks = {athlete: Benchmarks(rows[athlete]) for athlete in athletes}
    names = exercise_names(sessions)
    return [
        session_json(session, benchmarks[session.plan.athlete_id], names) for session in sessions
    ]


def session_json(session, benchmarks, names) -> dict:
    targets = session_targets(session.type, session.prescription, benchmarks, names)
    log = next(iter(session.logs.all()), None)
    return {
        "id": str(session.pk),
        "planId": str(session.plan_id),
        "athleteId": str(session.plan.athlete_id),
        "date": session.date.isoformat(),
        "type": session.type,
        "focus": session.focus,
        "estimatedDuration": session.estimated_duration,
        "prescription": session.prescription,
        "targets": [target_json(target) for target in targets],
        "logId": str(log.pk) if log else None,
    }


def benchmark_json(benchmark) -> dict:
    exercise = benchmark.exercise
    return {
        "id": str(benchmark.pk),
        "athleteId": str(benchmark.athlete_id),
        "metricType": benchmark.metric_type,
        "value": _number(benchmark.value),
        "unit": benchmark.unit,
        "exerciseId": str(exercise.pk) if exercise else None,
        "exerciseName": exercise.name if exercise else None,
        "establishedAt": benchmark.established_at.isoformat(),
    }


def summary_json(summary) -> dict:
    return {
        "id": str(summary.pk),
        "athleteId": str(summary.athlete_id),
        "planId": str(summary.plan_id) if summary.plan_id else None,
        "weekEndDate": summary.week_end_date.isoformat(),
        "adherenceRate": _number(summary.adherence_rate),
        "totalVolume": summary.total_volume,
        "fatigueAnalysis": summary.fatigue_analysis,
        "patterns": summary.patterns,
        "patternKinds": summary.pattern_kinds,
        "suggestions": summary.suggestions,
        "disclaimer": summary.disclaimer,
        "generatedAt": iso_utc(summary.generated_at),
    }
