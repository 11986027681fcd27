"""What the whole-week tests share: a steady week, its history and benchmarks, built by hand."""

import datetime as dt
from decimal import Decimal

from hybridpeaks.core.json_validation import validate_document
from insights.engine.inputs import Benchmark, Logged, Planned, Week

MONDAY = dt.date(2025, 3, 3)
SQUAT = "11111111-1111-4111-8111-111111111111"
BENCH = "22222222-2222-4222-8222-222222222222"
DEADLIFT = "44444444-4444-4444-8444-444444444444"
NAMES = {SQUAT: "Back squat", BENCH: "Bench press", DEADLIFT: "Deadlift"}
HR_BOUNDS = {1: 120, 2: 145, 3: 160, 4: 172, 5: 185}
HISTORY_WEEKS = 4


def on(monday: dt.date, offset: int) -> dt.date:
    return monday + dt.timedelta(days=offset)


def rx_lift(exercise_id, reps, kind, value):
    intensity = {"type": kind, "value": value}
    return {"exerciseId": exercise_id, "sets": 3, "reps": reps, "intensity": intensity}


def done_lift(exercise_id, weight, reps, rpe, sets=3):
    return {
        "exerciseId": exercise_id,
        "sets": [{"weight": weight, "reps": reps, "rpe": rpe} for _ in range(sets)],
    }


def run_rx(minutes, zone=2):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "intensity": {"type": "heart_rate_zone", "zone": zone},
    }


def run_done(minutes, heart_rate=138):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "distance": {"value": round(minutes / 6, 1), "unit": "km"},
        "avgHeartRate": heart_rate,
        "completed": True,
    }


def strength_session(monday, offset, sid, items, minutes=60):
    return Planned(sid, on(monday, offset), "strength", {"exercises": items}, minutes)


def log_of(session: Planned, actual, rpe, notes=None):
    planned = (session.estimated_duration, session.prescription)
    return Logged(session.session_id, session.date, session.type, actual, rpe, notes, *planned)


def steady_week(monday: dt.date, tag: str, run_notes=None):
    """A week done as planned: squat 80 % × 5 (chart RPE 7.56) logged at RPE 7.5, bench
    at RPE 8 as prescribed, two easy runs under the zone-2 ceiling."""
    squat_rx = [rx_lift(SQUAT, 5, "percent_1rm", 80), rx_lift(BENCH, 5, "rpe", 8)]
    sessions = [
        strength_session(monday, 0, f"{tag}-mon", squat_rx),
        Planned(f"{tag}-tue", on(monday, 1), "endurance", run_rx(45)),
        strength_session(monday, 3, f"{tag}-thu", squat_rx),
        Planned(f"{tag}-sat", on(monday, 5), "endurance", run_rx(60)),
    ]
    lifts = {"exercises": [done_lift(SQUAT, 112.5, 5, 7.5), done_lift(BENCH, 70, 5, 8)]}
    logs = [
        log_of(sessions[0], lifts, 6),
        log_of(sessions[1], run_done(45), 3, run_notes),  # Tuesday
        log_of(sessions[2], lifts, 6),
        log_of(sessions[3], run_done(60), 3),
    ]
    return sessions, logs


RECENT = MONDAY - dt.timedelta(days=14)


def benchmarks(established=RECENT):
    return [
        Benchmark("1RM", Decimal(140), SQUAT, established),
        Benchmark("1RM", Decimal(90), BENCH, established),
        *(Benchmark(f"HR_zone_{z}", Decimal(b), None, established) for z, b in HR_BOUNDS.items()),
    ]


def steady_history():
    history = []
    for week in range(1, HISTORY_WEEKS + 1):
        history += steady_week(MONDAY - dt.timedelta(weeks=week), f"h{week}")[1]
    return history


def week_of(sessions, logs, history, **extra):
    return Week(
        week_start=MONDAY,
        planned=sessions,
        logs=logs,
        history=history,
        benchmarks=extra.pop("benchmarks", benchmarks()),
        exercise_names=NAMES,
        lower_body_exercise_ids=frozenset({SQUAT, DEADLIFT}),
        main_lift_ids=frozenset({SQUAT, BENCH, DEADLIFT}),
        history_start=extra.pop("history_start", MONDAY - dt.timedelta(weeks=HISTORY_WEEKS)),
        **extra,
    )


def assert_valid_for_storage(result):
    validate_document(result.patterns, schema="insights:patterns")
    validate_document(result.suggestions, schema="insights:suggestions")
    validate_document(result.total_volume, schema="insights:total_volume")
    assert Decimal(0) <= result.adherence <= Decimal(1)
    assert result.adherence == result.adherence.quantize(Decimal("0.001"))
    assert result.fatigue_analysis
    assert len(result.daily_load) == len(result.planned_daily_load) == 7


def rules(result):
    return [finding.rule for finding in result.findings]


def load_adding(result):
    """Suggestions that would add load or test maxima."""
    return [f for f in result.findings if f.progresses and f.suggestion]
