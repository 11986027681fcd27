"""Activities and weeks for the import tests: Activity objects as the reader gives them."""

import hashlib
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from logging_app.activity_files import Activity
from training.models import MetricType
from training.selectors import monday_of
from training.tests.factories import (
    BenchmarkFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    endurance_prescription,
)

BERLIN = ZoneInfo("Europe/Berlin")


def last_monday():
    """Monday of last week: every day of it is past, whatever day the tests run."""
    return monday_of(timezone.localdate(timezone=BERLIN)) - timedelta(days=7)


def at(day, hour, minute=0, zone=BERLIN) -> datetime:
    """A local time on `day` in `zone`, as an aware datetime."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def activity(**fields) -> Activity:
    """A 47-minute run with heart rate, last Tuesday at 07:30 in Berlin; a fresh file each."""
    defaults = {
        "file_name": "run.fit",
        "format": "fit",
        "sha256": hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
        "sport": "running",
        "modality": "run",
        "started_at": at(last_monday() + timedelta(days=1), 7, 30),
        "duration_s": 47 * 60,
        "moving_s": 46 * 60,
        "distance_m": 8200.0,
        "avg_hr": 141,
        "max_hr": 168,
        "avg_power": None,
        "zone_seconds": (600.0, 1200.0, 600.0, 300.0, 120.0),
    }
    return Activity(**{**defaults, **fields})


def without_sensors(**fields) -> Activity:
    return activity(avg_hr=None, max_hr=None, zone_seconds=None, **fields)


def berlin_athlete():
    return AthleteFactory(user__time_zone="Europe/Berlin")


def week_of(athlete, monday=None):
    """The athlete's published plan of last week (or `monday`'s)."""
    return TrainingPlanFactory(athlete=athlete, week_start_date=monday or last_monday())


def run_on(plan, weekday, minutes=45, modality="run", **fields):
    """An endurance session of `plan` on `weekday` (0 = Monday) of `modality`."""
    prescription = endurance_prescription(
        modality=modality, duration={"value": minutes, "unit": "minutes"}
    )
    return TrainingSessionFactory(
        plan=plan,
        date=plan.week_start_date + timedelta(days=weekday),
        prescription=prescription,
        estimated_duration=minutes,
        **fields,
    )


def hr_zones(athlete, uppers=(130, 140, 150, 160, 170)):
    for n, upper in enumerate(uppers, start=1):
        BenchmarkFactory(athlete=athlete, metric_type=MetricType(f"HR_zone_{n}"), value=upper)
