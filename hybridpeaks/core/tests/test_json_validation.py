"""The shared JSON Schema validator: every error of a document is reported, in document order,
prefixed by its JSON path ("$" for the document itself), and keyed by a field when asked.

Each app's schemas have their own tests beside them (<app>/tests/test_schemas.py). None of
these tests touch the database.
"""

from collections import deque

import pytest
from django.core.exceptions import ValidationError

from hybridpeaks.core.json_validation import json_path, validate_document
from hybridpeaks.core.tests.schema_testing import MISSING, UUID, merged, rejected

EXERCISE = {
    "exerciseId": UUID,
    "sets": 4,
    "reps": 5,
    "intensity": {"type": "percent_1rm", "value": 80},
}  # one valid item of a strength prescription


# --- reporting: every error, in document order, keyed by field, root as "$" ---
# The validator reads the apps' schema files by name; each app's own rules are tested beside
# its schemas (<app>/tests/test_schemas.py). Here only how errors are found and reported.


def test_every_error_in_a_document_is_reported_in_document_order():
    document = {
        "exercises": [
            {
                "exerciseId": UUID,
                "sets": 0,
                "reps": 51,
                "intensity": {"type": "rpe", "value": 11},
                "tempo": "fast",
            },
            {
                "exerciseId": UUID,
                "sets": 21,
                "reps": 5,
                "intensity": {"type": "rpm", "value": 50},
                "restSeconds": -5,
            },
        ]
    }
    assert rejected(document, "training:prescription_strength") == [
        "exercises[0].intensity.value: must be ≤ 10",
        "exercises[0].reps: must be ≤ 50",
        "exercises[0].sets: must be ≥ 1",
        "exercises[0].tempo: must be four digits, such as 3010",
        "exercises[1].intensity.type: must be one of percent_1rm, rpe",
        "exercises[1].restSeconds: must be ≥ 0",
        "exercises[1].sets: must be ≤ 20",
    ]


def test_list_indexes_sort_as_numbers_not_as_text():
    exercises = [EXERCISE for _ in range(11)]
    exercises[10] = {**exercises[10], "sets": 0}
    exercises[2] = {**exercises[2], "sets": 0}
    assert rejected({"exercises": exercises}, "training:prescription_strength") == [
        "exercises[2].sets: must be ≥ 1",
        "exercises[10].sets: must be ≥ 1",
    ]


def test_a_missing_key_sorts_at_its_own_path():
    # A "required" error sorts where the missing key would be, so "…reps: is required"
    # falls between "…intensity.value" and "…sets", not ahead of the object's children.
    exercise = merged(
        EXERCISE, {"reps": MISSING, "sets": 0, "intensity": {"type": "rpe", "value": 0}}
    )
    document = {"exercises": [exercise]}
    assert rejected(document, "training:prescription_strength") == [
        "exercises[0].intensity.value: must be ≥ 1",
        "exercises[0].reps: is required",
        "exercises[0].sets: must be ≥ 1",
    ]


def test_the_document_root_sorts_first():
    # "$" has an empty path, so its errors come before every key's.
    logged = {"exerciseId": UUID, "sets": [{"weight": 100, "reps": -1}], "tempo": "3010"}
    document = {"exercises": [logged], "notes": "felt good"}
    assert rejected(document, "logging_app:actual_data_strength") == [
        "$: unknown key ('notes' was unexpected)",
        "exercises[0]: unknown key ('tempo' was unexpected)",
        "exercises[0].sets[0].reps: must be ≥ 0",
    ]


def test_errors_across_schemas_report_all_violations():
    document = {
        "modality": "ski",
        "duration": {"value": 47.5, "unit": "minutes"},
        "avgHeartRate": 300,
        "extra": 1,
    }
    assert rejected(document, "logging_app:actual_data_endurance") == [
        "$: unknown key ('extra' was unexpected)",
        "avgHeartRate: must be ≤ 250",
        "completed: is required",
        "modality: must be one of run, bike, row, swim",
    ]


def test_field_keys_the_errors_by_that_field():
    document = {"exercises": [merged(EXERCISE, {"reps": MISSING, "sets": 0})]}
    with pytest.raises(ValidationError) as caught:
        validate_document(document, schema="training:prescription_strength", field="prescription")
    assert caught.value.message_dict == {
        "prescription": ["exercises[0].reps: is required", "exercises[0].sets: must be ≥ 1"]
    }
    assert caught.value.message_dict["prescription"] == caught.value.messages


def test_field_has_no_effect_on_a_good_document():
    assert (
        validate_document(
            {"exercises": [EXERCISE]}, schema="training:prescription_strength", field="prescription"
        )
        is None
    )


def test_without_field_the_error_is_a_plain_list():
    with pytest.raises(ValidationError) as caught:
        validate_document([], schema="training:muscle_groups")
    assert not hasattr(caught.value, "error_dict")
    assert caught.value.messages == ["$: must have at least 1 item(s)"]


@pytest.mark.parametrize(
    ("document", "schema", "message"),
    [
        ("quads", "training:muscle_groups", "$: must be a list"),
        ({}, "insights:patterns", "$: must be a list"),
        (None, "insights:suggestions", "$: must be a list"),
        ([], "logging_app:actual_data_endurance", "$: must be an object"),
        (
            {"exercises": [], "x": 1},
            "logging_app:actual_data_strength",
            "$: unknown key ('x' was unexpected)",
        ),
        (["abs", "abs"], "training:muscle_groups", "$: must not repeat a value"),
    ],
)
def test_the_document_root_renders_as_dollar(document, schema, message):
    assert rejected(document, schema) == [message]


@pytest.mark.parametrize(
    ("path", "rendered"),
    [
        (deque(["exercises", 0, "sets"]), "exercises[0].sets"),
        (["exercises", 0, "sets"], "exercises[0].sets"),
        (deque(["exercises", 0, "sets", 2, "weight"]), "exercises[0].sets[2].weight"),
        (["exercises", 10, "intensity", "value"], "exercises[10].intensity.value"),
        (["byModality", "run", "minutes"], "byModality.run.minutes"),
        (["modality"], "modality"),
        ([0], "[0]"),
        (deque([3, "reasoning"]), "[3].reasoning"),
        ([1, 2], "[1][2]"),
        (deque(), "$"),
        ([], "$"),
    ],
)
def test_json_path(path, rendered):
    assert json_path(path) == rendered
