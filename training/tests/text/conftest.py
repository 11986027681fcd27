"""A small catalog for the parser's tests, without the database: ids are fixed uuids."""

import uuid

import pytest

from training.text import ExerciseNames

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


@pytest.fixture
def names() -> ExerciseNames:
    return ExerciseNames((exercise_id, name) for name, exercise_id in CATALOG.items())
