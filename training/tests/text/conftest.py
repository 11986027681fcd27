"""The parser's small catalog without the database (fixed uuids), and the database fixtures
of the service, view and command tests: an athlete with benchmarks and a week's plan."""

import uuid
from datetime import date

import pytest

from accounts.tests.factories import AthleteFactory
from training.models import MetricType
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    endurance_prescription,
)
from training.text import ExerciseNames

MONDAY = date(2026, 11, 30)

CATALOG = {
    name: str(uuid.uuid5(uuid.NAMESPACE_DNS, name))
    for name in (
        "Back Squat",
        "Box Squat",
        "Hack Squat",
        "Romanian Deadlift",
        "Pull-Up",
        "Bench Press",
        "Overhead Press",
        "Curl à la française",
    )
}


# Aliases as the catalog file gives them (Exercise.aliases).
ALIASES = {"Romanian Deadlift": ["RDL"], "Overhead Press": ["OHP", "Military press"]}


@pytest.fixture
def names() -> ExerciseNames:
    return ExerciseNames(
        (exercise_id, name, ALIASES.get(name, [])) for name, exercise_id in CATALOG.items()
    )


@pytest.fixture
def catalog():
    return {
        name: ExerciseFactory(name=name)
        for name in ("Back Squat", "Romanian Deadlift", "Pull-Up", "Bench Press")
    }


@pytest.fixture
def athlete(catalog):
    athlete = AthleteFactory(name="Alex Kim", user__email="alex@example.com")
    BenchmarkFactory(athlete=athlete, metric_type=MetricType.FTP, value=250)
    BenchmarkFactory(
        athlete=athlete, metric_type=MetricType.ONE_RM, value=140, exercise=catalog["Back Squat"]
    )
    return athlete


@pytest.fixture
def plan(athlete):
    """The week's active plan, version 3, with one session to be replaced."""
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, version=3)
    TrainingSessionFactory(
        plan=plan, date=MONDAY, type="endurance", prescription=endurance_prescription()
    )
    return plan
