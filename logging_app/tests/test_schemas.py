"""The logging app's schemas (a log's actual data, strength and endurance) as the shared
validator applies them: what each accepts, and every rejection with its full message list.

None of these tests touch the database.
"""

import pytest

from hybridpeaks.core.json_validation import schema_validator, validate_document
from hybridpeaks.core.tests.schema_testing import MISSING, OTHER_UUID, UUID, merged, rejected

# --- builders for one realistic document, with some keys changed or left out (MISSING) ---


def strength_log(set_changes: dict | None = None, **changes) -> dict:
    logged_set = merged({"weight": 100, "reps": 5, "rpe": 8}, set_changes or {})
    exercise = {"exerciseId": UUID, "sets": [logged_set], "modified": False, "skipped": False}
    return {"exercises": [merged(exercise, changes)]}


def endurance_log(**changes) -> dict:
    log = {
        "modality": "run",
        "duration": {"value": 47.5, "unit": "minutes"},
        "distance": {"value": 8.2, "unit": "km"},
        "avgHeartRate": 148,
        "avgPower": None,
        "completed": True,
    }
    return merged(log, changes)


@pytest.mark.parametrize(
    "schema",
    [
        "logging_app:actual_data_strength",
        "logging_app:actual_data_endurance",
    ],
)
def test_schema_file_loads_and_is_a_valid_draft7_schema(schema):
    assert schema_validator(schema).schema["$schema"].startswith("http://json-schema.org/draft-07")


# --- logging_app:actual_data_strength ---


@pytest.mark.parametrize(
    "document",
    [
        {
            "exercises": [
                {
                    "exerciseId": UUID,
                    "sets": [
                        {"weight": 100, "reps": 5, "rpe": 7},
                        {"weight": 102.5, "reps": 5, "rpe": 8.5},
                        {"weight": 102.5, "reps": 4, "rpe": None},
                    ],
                    "modified": False,
                    "skipped": False,
                },
                {"exerciseId": OTHER_UUID, "sets": [], "modified": False, "skipped": True},
            ],
            "duration": {"value": 65, "unit": "minutes"},
        },
        {"exercises": []},
        strength_log(modified=MISSING, skipped=MISSING),
        strength_log({"rpe": MISSING}),
        strength_log({"weight": 0, "reps": 0}),
        strength_log({"weight": 600, "reps": 100}),
        strength_log({"rpe": 1}),
        strength_log({"rpe": 10}),
        strength_log(sets=[{"weight": 60, "reps": 10}] * 50),
        {"exercises": [], "duration": {"value": 1, "unit": "minutes"}},
        {"exercises": [], "duration": {"value": 1440, "unit": "minutes"}},
        {"exercises": [], "duration": {"value": 1.25, "unit": "hours"}},
    ],
)
def test_actual_data_strength_accepts(document):
    assert validate_document(document, schema="logging_app:actual_data_strength") is None


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        # bounds
        (strength_log({"weight": -2.5}), ["exercises[0].sets[0].weight: must be ≥ 0"]),
        (strength_log({"weight": 600.5}), ["exercises[0].sets[0].weight: must be ≤ 600"]),
        (strength_log({"reps": -1}), ["exercises[0].sets[0].reps: must be ≥ 0"]),
        (strength_log({"reps": 101}), ["exercises[0].sets[0].reps: must be ≤ 100"]),
        (strength_log({"rpe": 0.5}), ["exercises[0].sets[0].rpe: must be ≥ 1"]),
        (strength_log({"rpe": 11}), ["exercises[0].sets[0].rpe: must be ≤ 10"]),
        (
            strength_log(sets=[{"weight": 60, "reps": 10}] * 51),
            ["exercises[0].sets: must have at most 50 item(s)"],
        ),
        (
            {"exercises": [], "duration": {"value": 0, "unit": "minutes"}},
            ["duration.value: must be ≥ 1"],
        ),
        (
            {"exercises": [], "duration": {"value": 1441, "unit": "minutes"}},
            ["duration.value: must be ≤ 1440"],
        ),
        # missing required keys
        ({}, ["exercises: is required"]),
        (strength_log(exerciseId=MISSING), ["exercises[0].exerciseId: is required"]),
        (strength_log(sets=MISSING), ["exercises[0].sets: is required"]),
        (strength_log({"weight": MISSING}), ["exercises[0].sets[0].weight: is required"]),
        (strength_log({"reps": MISSING}), ["exercises[0].sets[0].reps: is required"]),
        ({"exercises": [], "duration": {"value": 60}}, ["duration.unit: is required"]),
        # enum
        (
            {"exercises": [], "duration": {"value": 60, "unit": "seconds"}},
            ["duration.unit: must be one of minutes, hours"],
        ),
        # types
        (strength_log({"weight": "100"}), ["exercises[0].sets[0].weight: must be a number"]),
        (strength_log({"reps": 4.5}), ["exercises[0].sets[0].reps: must be a whole number"]),
        (strength_log({"rpe": "8"}), ["exercises[0].sets[0].rpe: must be a number or empty"]),
        (strength_log(modified="yes"), ["exercises[0].modified: must be true or false"]),
        (strength_log(skipped=1), ["exercises[0].skipped: must be true or false"]),
        (strength_log(sets={"weight": 100, "reps": 5}), ["exercises[0].sets: must be a list"]),
        (strength_log(exerciseId=None), ["exercises[0].exerciseId: must be text"]),
        # unknown keys (additionalProperties: false at every object level but duration)
        ({"exercises": [], "notes": "felt good"}, ["$: unknown key ('notes' was unexpected)"]),
        (strength_log(tempo="3010"), ["exercises[0]: unknown key ('tempo' was unexpected)"]),
        (
            strength_log({"restSeconds": 90}),
            ["exercises[0].sets[0]: unknown key ('restSeconds' was unexpected)"],
        ),
        (
            {"exercises": [], "notes": "", "bodyweight": 80},
            ["$: unknown key ('bodyweight', 'notes' were unexpected)"],
        ),
    ],
)
def test_actual_data_strength_rejects(document, messages):
    assert rejected(document, "logging_app:actual_data_strength") == messages


def test_actual_data_strength_rejects_a_bad_exercise_uuid():
    assert rejected(strength_log(exerciseId="not-a-uuid"), "logging_app:actual_data_strength") == [
        "exercises[0].exerciseId: must be a valid uuid"
    ]


# --- logging_app:actual_data_endurance ---


@pytest.mark.parametrize(
    "document",
    [
        endurance_log(),
        endurance_log(
            modality="bike",
            duration={"value": 1.5, "unit": "hours"},
            distance={"value": 42, "unit": "km"},
            avgHeartRate=None,
            avgPower=215.5,
        ),
        endurance_log(modality="swim", distance={"value": 1500, "unit": "meters"}),
        endurance_log(modality="row", distance={"value": 3.1, "unit": "miles"}, completed=False),
        endurance_log(distance=None),
        endurance_log(distance=MISSING, avgHeartRate=MISSING, avgPower=MISSING),
        endurance_log(duration={"value": 0, "unit": "minutes"}, completed=False),
        endurance_log(duration={"value": 1440, "unit": "minutes"}),
        endurance_log(distance={"value": 0, "unit": "km"}),
        endurance_log(avgHeartRate=25),
        endurance_log(avgHeartRate=250),
        endurance_log(avgPower=0),
        endurance_log(avgPower=2500),
    ],
)
def test_actual_data_endurance_accepts(document):
    assert validate_document(document, schema="logging_app:actual_data_endurance") is None


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        # bounds
        (endurance_log(duration={"value": -1, "unit": "minutes"}), ["duration.value: must be ≥ 0"]),
        (
            endurance_log(duration={"value": 1441, "unit": "minutes"}),
            ["duration.value: must be ≤ 1440"],
        ),
        (endurance_log(distance={"value": -0.1, "unit": "km"}), ["distance.value: must be ≥ 0"]),
        (endurance_log(avgHeartRate=24), ["avgHeartRate: must be ≥ 25"]),
        (endurance_log(avgHeartRate=251), ["avgHeartRate: must be ≤ 250"]),
        (endurance_log(avgPower=-1), ["avgPower: must be ≥ 0"]),
        (endurance_log(avgPower=2500.5), ["avgPower: must be ≤ 2500"]),
        # missing required keys
        (endurance_log(modality=MISSING), ["modality: is required"]),
        (endurance_log(duration=MISSING), ["duration: is required"]),
        (endurance_log(completed=MISSING), ["completed: is required"]),
        (endurance_log(duration={"unit": "minutes"}), ["duration.value: is required"]),
        (endurance_log(distance={"value": 5}), ["distance.unit: is required"]),
        # enums
        (endurance_log(modality="hike"), ["modality: must be one of run, bike, row, swim"]),
        (
            endurance_log(distance={"value": 5, "unit": "yards"}),
            ["distance.unit: must be one of km, miles, meters"],
        ),
        # types
        (endurance_log(completed="yes"), ["completed: must be true or false"]),
        (endurance_log(completed=None), ["completed: must be true or false"]),
        (endurance_log(avgHeartRate=148.5), ["avgHeartRate: must be a whole number or empty"]),
        (endurance_log(avgPower="200"), ["avgPower: must be a number or empty"]),
        (endurance_log(distance="8km"), ["distance: must be an object or empty"]),
        (endurance_log(duration=None), ["duration: must be an object"]),
        # unknown keys
        (endurance_log(notes="windy"), ["$: unknown key ('notes' was unexpected)"]),
        (
            endurance_log(duration={"value": 45, "unit": "minutes", "seconds": 30}),
            ["duration: unknown key ('seconds' was unexpected)"],
        ),
        (
            endurance_log(distance={"value": 8, "unit": "km", "elevation": 120}),
            ["distance: unknown key ('elevation' was unexpected)"],
        ),
    ],
)
def test_actual_data_endurance_rejects(document, messages):
    assert rejected(document, "logging_app:actual_data_endurance") == messages
