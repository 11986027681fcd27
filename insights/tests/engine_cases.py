"""What the engine metric tests share: a week's days and logs and prescriptions built by hand."""

import datetime as dt

from insights.engine.inputs import Logged

MONDAY = dt.date(2025, 3, 3)
SQUAT = "11111111-1111-4111-8111-111111111111"
BENCH = "22222222-2222-4222-8222-222222222222"
ROW = "33333333-3333-4333-8333-333333333333"


def on(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def lift(exercise_id, weight, reps, rpe=None, sets=1, **flags):
    return {
        "exerciseId": exercise_id,
        "sets": [{"weight": weight, "reps": reps, "rpe": rpe} for _ in range(sets)],
        **flags,
    }


def strength_log(offset=0, *exercises, rpe=7, duration=None, planned=60, rx=None, sid=None):
    data = {"exercises": list(exercises)}
    if duration is not None:
        data["duration"] = duration
    return Logged(sid, on(offset), "strength", data, rpe, None, planned, rx)


def endurance_log(offset=0, value=60, unit="minutes", rpe=5, modality="run", rx=None, **extra):
    data = {"modality": modality, "duration": {"value": value, "unit": unit}, "completed": True}
    data.update(extra)
    return Logged(None, on(offset), "endurance", data, rpe, None, None, rx)


def rx_lift(exercise_id, reps, kind, value, sets=3):
    return {
        "exerciseId": exercise_id,
        "sets": sets,
        "reps": reps,
        "intensity": {"type": kind, "value": value},
    }


def run_rx(minutes=60, **intensity):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "intensity": intensity,
    }
