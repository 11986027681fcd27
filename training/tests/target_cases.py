"""What the target tests share: exercises, benchmarks and prescriptions built by hand."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

SQUAT = uuid.UUID("7f1c2e9a-0000-4000-8000-000000000001")
BENCH = uuid.UUID("7f1c2e9a-0000-4000-8000-000000000002")
NAMES = {SQUAT: "Back Squat", BENCH: "Bench Press"}
JAN, MAR = date(2026, 1, 5), date(2026, 3, 2)


@dataclass
class Bench:
    metric_type: str
    value: Decimal
    exercise_id: uuid.UUID | None = None
    established_at: date = JAN
    created_at: datetime | None = None


def one_rm(kg, exercise=SQUAT, **kwargs):
    return Bench("1RM", Decimal(str(kg)), exercise, **kwargs)


def item(intensity_type, value, reps=5, exercise=SQUAT):
    return {
        "exerciseId": str(exercise),
        "sets": 3,
        "reps": reps,
        "intensity": {"type": intensity_type, "value": value},
    }


def strength(*items):
    return {"exercises": list(items)}


def endurance(**intensity):
    return {"modality": "run", "duration": {"value": 40, "unit": "minutes"}, "intensity": intensity}


def only(targets):
    [target] = targets
    return target
