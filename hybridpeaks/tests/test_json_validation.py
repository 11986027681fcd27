"""The shared JSON Schema validator and the eight schemas it is used with.

Every rejection asserts the full message list, so both the JSON path and the wording are
checked. None of these tests touch the database.
"""

from collections import deque

import pytest
from django.core.exceptions import ValidationError

from hybridpeaks.core.json_validation import json_path, schema_validator, validate_document

UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
OTHER_UUID = "9b2c1f6e-7d4a-4e0b-8c3d-2a1f0e9d8c7b"
MISSING = object()  # a key to leave out of a built document

MUSCLE_GROUPS = [
    "quads",
    "hamstrings",
    "glutes",
    "calves",
    "adductors",
    "hip_flexors",
    "lower_back",
    "upper_back",
    "lats",
    "traps",
    "chest",
    "shoulders",
    "rear_delts",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "obliques",
]

SCHEMAS = [
    "training:prescription_strength",
    "training:prescription_endurance",
    "training:muscle_groups",
    "logging_app:actual_data_strength",
    "logging_app:actual_data_endurance",
    "insights:patterns",
    "insights:suggestions",
    "insights:total_volume",
]


def _merge(base: dict, changes: dict) -> dict:
    merged = {**base, **changes}
    return {key: value for key, value in merged.items() if value is not MISSING}


def rejected(document, schema: str) -> list[str]:
    """The messages validate_document raises for `document`; fails if it is accepted."""
    with pytest.raises(ValidationError) as caught:
        validate_document(document, schema=schema)
    return caught.value.messages


# --- builders for one realistic document, with some keys changed or left out (MISSING) ---


def strength_prescription(**changes) -> dict:
    exercise = {
        "exerciseId": UUID,
        "sets": 4,
        "reps": 5,
        "intensity": {"type": "percent_1rm", "value": 80},
        "restSeconds": 180,
        "tempo": "3010",
    }
    return {"exercises": [_merge(exercise, changes)]}


def endurance_prescription(**changes) -> dict:
    prescription = {
        "modality": "run",
        "duration": {"value": 45, "unit": "minutes"},
        "distance": {"value": 8, "unit": "km"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
    }
    return _merge(prescription, changes)


def strength_log(set_changes: dict | None = None, **changes) -> dict:
    logged_set = _merge({"weight": 100, "reps": 5, "rpe": 8}, set_changes or {})
    exercise = {"exerciseId": UUID, "sets": [logged_set], "modified": False, "skipped": False}
    return {"exercises": [_merge(exercise, changes)]}


def endurance_log(**changes) -> dict:
    log = {
        "modality": "run",
        "duration": {"value": 47.5, "unit": "minutes"},
        "distance": {"value": 8.2, "unit": "km"},
        "avgHeartRate": 148,
        "avgPower": None,
        "completed": True,
    }
    return _merge(log, changes)


def total_volume(**changes) -> dict:
    volume = {
        "strength": "12450kg",
        "endurance": "185min",
        "byModality": {"run": {"minutes": 125, "distanceKm": 22.4}, "bike": {"minutes": 60}},
    }
    return _merge(volume, changes)


# --- every schema file loads and is itself a valid Draft 7 schema ---


@pytest.mark.parametrize("schema", SCHEMAS)
def test_schema_file_loads_and_is_a_valid_draft7_schema(schema):
    assert schema_validator(schema).schema["$schema"].startswith("http://json-schema.org/draft-07")


# --- training:prescription_strength ---


@pytest.mark.parametrize(
    "document",
    [
        {
            "exercises": [
                {
                    "exerciseId": UUID,
                    "sets": 5,
                    "reps": 5,
                    "intensity": {"type": "percent_1rm", "value": 82.5},
                    "restSeconds": 180,
                    "tempo": "3010",
                },
                {
                    "exerciseId": OTHER_UUID,
                    "sets": 3,
                    "reps": 10,
                    "intensity": {"type": "rpe", "value": 7.5},
                },
            ]
        },
        {"exercises": []},
        strength_prescription(restSeconds=MISSING, tempo=MISSING),
        strength_prescription(sets=1),
        strength_prescription(sets=20),
        strength_prescription(reps=1),
        strength_prescription(reps=50),
        strength_prescription(intensity={"type": "percent_1rm", "value": 0}),
        strength_prescription(intensity={"type": "percent_1rm", "value": 100}),
        strength_prescription(intensity={"type": "rpe", "value": 1}),
        strength_prescription(intensity={"type": "rpe", "value": 10}),
        strength_prescription(restSeconds=0),
        strength_prescription(restSeconds=600),
        strength_prescription(tempo="0000"),
        strength_prescription(tempo="2121"),
    ],
)
def test_prescription_strength_accepts(document):
    assert validate_document(document, schema="training:prescription_strength") is None


TEMPO_FORMAT = "must be four digits, such as 3010"


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        # bounds
        (strength_prescription(sets=0), ["exercises[0].sets: must be ≥ 1"]),
        (strength_prescription(sets=21), ["exercises[0].sets: must be ≤ 20"]),
        (strength_prescription(reps=0), ["exercises[0].reps: must be ≥ 1"]),
        (strength_prescription(reps=51), ["exercises[0].reps: must be ≤ 50"]),
        (strength_prescription(restSeconds=-1), ["exercises[0].restSeconds: must be ≥ 0"]),
        (strength_prescription(restSeconds=601), ["exercises[0].restSeconds: must be ≤ 600"]),
        (
            strength_prescription(intensity={"type": "percent_1rm", "value": -1}),
            ["exercises[0].intensity.value: must be ≥ 0"],
        ),
        (
            strength_prescription(intensity={"type": "percent_1rm", "value": 100.5}),
            ["exercises[0].intensity.value: must be ≤ 100"],
        ),
        # conditional rule: an RPE is limited to 1-10
        (
            strength_prescription(intensity={"type": "rpe", "value": 11}),
            ["exercises[0].intensity.value: must be ≤ 10"],
        ),
        (
            strength_prescription(intensity={"type": "rpe", "value": 0.5}),
            ["exercises[0].intensity.value: must be ≥ 1"],
        ),
        # missing required keys: the path names the key
        ({}, ["exercises: is required"]),
        (strength_prescription(exerciseId=MISSING), ["exercises[0].exerciseId: is required"]),
        (strength_prescription(sets=MISSING), ["exercises[0].sets: is required"]),
        (strength_prescription(reps=MISSING), ["exercises[0].reps: is required"]),
        (strength_prescription(intensity=MISSING), ["exercises[0].intensity: is required"]),
        (
            strength_prescription(intensity={"type": "percent_1rm"}),
            ["exercises[0].intensity.value: is required"],
        ),
        # without a type the RPE limit does not apply; only the missing type is reported
        (
            strength_prescription(intensity={"value": 50}),
            ["exercises[0].intensity.type: is required"],
        ),
        (
            strength_prescription(intensity={"value": 150}),
            [
                "exercises[0].intensity.type: is required",
                "exercises[0].intensity.value: must be ≤ 100",
            ],
        ),
        # enum
        (
            strength_prescription(intensity={"type": "kg", "value": 100}),
            ["exercises[0].intensity.type: must be one of percent_1rm, rpe"],
        ),
        # types
        ([], ["$: must be an object"]),
        ({"exercises": {}}, ["exercises: must be a list"]),
        ({"exercises": ["squat"]}, ["exercises[0]: must be an object"]),
        (strength_prescription(sets="4"), ["exercises[0].sets: must be a whole number"]),
        (strength_prescription(sets=2.5), ["exercises[0].sets: must be a whole number"]),
        (strength_prescription(sets=True), ["exercises[0].sets: must be a whole number"]),
        (strength_prescription(exerciseId=42), ["exercises[0].exerciseId: must be text"]),
        (strength_prescription(intensity="heavy"), ["exercises[0].intensity: must be an object"]),
        (
            strength_prescription(intensity={"type": "rpe", "value": "8"}),
            ["exercises[0].intensity.value: must be a number"],
        ),
        # tempo pattern, reported with the schema's description of it
        (strength_prescription(tempo="301"), [f"exercises[0].tempo: {TEMPO_FORMAT}"]),
        (strength_prescription(tempo="30X0"), [f"exercises[0].tempo: {TEMPO_FORMAT}"]),
        (strength_prescription(tempo="30100"), [f"exercises[0].tempo: {TEMPO_FORMAT}"]),
        (strength_prescription(tempo=3010), ["exercises[0].tempo: must be text"]),
    ],
)
def test_prescription_strength_rejects(document, messages):
    assert rejected(document, "training:prescription_strength") == messages


# `"format": "uuid"` is enforced: the validator uses FormatChecker(), which knows uuid.
@pytest.mark.parametrize(
    "exercise_id",
    ["not-a-uuid", "3f2504e0", "3f2504e04f8941d39a0c0305e82c3301", f"{{{UUID}}}", ""],
)
def test_prescription_strength_rejects_a_bad_exercise_uuid(exercise_id):
    assert rejected(
        strength_prescription(exerciseId=exercise_id), "training:prescription_strength"
    ) == ["exercises[0].exerciseId: must be a valid uuid"]


# --- training:prescription_endurance ---


@pytest.mark.parametrize(
    "document",
    [
        endurance_prescription(),
        endurance_prescription(distance=MISSING),
        endurance_prescription(
            modality="bike",
            duration={"value": 1.5, "unit": "hours"},
            distance=MISSING,
            intensity={"type": "ftp_percent", "value": 88},
        ),
        endurance_prescription(
            modality="swim",
            distance={"value": 2000, "unit": "meters"},
            intensity={"type": "pace_zone", "zone": 3},
        ),
        endurance_prescription(modality="row", distance={"value": 5, "unit": "miles"}),
        endurance_prescription(duration={"value": 1, "unit": "minutes"}),
        endurance_prescription(distance={"value": 0.1, "unit": "km"}),
        endurance_prescription(intensity={"type": "heart_rate_zone", "zone": 1}),
        endurance_prescription(intensity={"type": "heart_rate_zone", "zone": 5}),
        endurance_prescription(intensity={"type": "ftp_percent", "value": 1}),
        endurance_prescription(intensity={"type": "ftp_percent", "value": 200}),
    ],
)
def test_prescription_endurance_accepts(document):
    assert validate_document(document, schema="training:prescription_endurance") is None


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        # bounds
        (
            endurance_prescription(duration={"value": 0, "unit": "minutes"}),
            ["duration.value: must be ≥ 1"],
        ),
        (
            endurance_prescription(distance={"value": 0, "unit": "km"}),
            ["distance.value: must be ≥ 0.1"],
        ),
        (
            endurance_prescription(intensity={"type": "pace_zone", "zone": 0}),
            ["intensity.zone: must be ≥ 1"],
        ),
        (
            endurance_prescription(intensity={"type": "heart_rate_zone", "zone": 6}),
            ["intensity.zone: must be ≤ 5"],
        ),
        (
            endurance_prescription(intensity={"type": "ftp_percent", "value": 0.5}),
            ["intensity.value: must be ≥ 1"],
        ),
        (
            endurance_prescription(intensity={"type": "ftp_percent", "value": 201}),
            ["intensity.value: must be ≤ 200"],
        ),
        # conditional rules: zones need `zone`, %FTP needs `value`
        (
            endurance_prescription(intensity={"type": "heart_rate_zone"}),
            ["intensity.zone: is required"],
        ),
        (
            endurance_prescription(intensity={"type": "heart_rate_zone", "value": 150}),
            ["intensity.zone: is required"],
        ),
        (endurance_prescription(intensity={"type": "pace_zone"}), ["intensity.zone: is required"]),
        (
            endurance_prescription(intensity={"type": "ftp_percent"}),
            ["intensity.value: is required"],
        ),
        (
            endurance_prescription(intensity={"type": "ftp_percent", "zone": 3}),
            ["intensity.value: is required"],
        ),
        # without a type neither rule applies; only the missing type is reported
        (endurance_prescription(intensity={}), ["intensity.type: is required"]),
        (endurance_prescription(intensity={"zone": 2}), ["intensity.type: is required"]),
        (endurance_prescription(intensity={"value": 88}), ["intensity.type: is required"]),
        (
            endurance_prescription(intensity={"zone": 6}),
            ["intensity.type: is required", "intensity.zone: must be ≤ 5"],
        ),
        # missing required keys
        (endurance_prescription(modality=MISSING), ["modality: is required"]),
        (endurance_prescription(duration=MISSING), ["duration: is required"]),
        (endurance_prescription(intensity=MISSING), ["intensity: is required"]),
        (endurance_prescription(duration={"value": 45}), ["duration.unit: is required"]),
        (endurance_prescription(distance={"unit": "km"}), ["distance.value: is required"]),
        # enums
        (endurance_prescription(modality="ski"), ["modality: must be one of run, bike, row, swim"]),
        (
            endurance_prescription(duration={"value": 2, "unit": "days"}),
            ["duration.unit: must be one of minutes, hours"],
        ),
        (
            endurance_prescription(distance={"value": 8, "unit": "yards"}),
            ["distance.unit: must be one of km, miles, meters"],
        ),
        # types
        ("run", ["$: must be an object"]),
        (endurance_prescription(duration=45), ["duration: must be an object"]),
        (endurance_prescription(distance=None), ["distance: must be an object"]),
        (
            endurance_prescription(duration={"value": "45", "unit": "minutes"}),
            ["duration.value: must be a number"],
        ),
        (
            endurance_prescription(intensity={"type": "heart_rate_zone", "zone": 2.5}),
            ["intensity.zone: must be a whole number"],
        ),
    ],
)
def test_prescription_endurance_rejects(document, messages):
    assert rejected(document, "training:prescription_endurance") == messages


# --- training:muscle_groups ---


@pytest.mark.parametrize(
    "document",
    [
        ["quads"],
        ["chest", "triceps", "shoulders"],
        ["quads", "glutes", "hamstrings"],
        MUSCLE_GROUPS,
    ],
)
def test_muscle_groups_accepts(document):
    assert validate_document(document, schema="training:muscle_groups") is None


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        ([], ["$: must have at least 1 item(s)"]),
        (["quads", "glutes", "quads"], ["$: must not repeat a value"]),
        (["chest", "Quads"], ["[1]: must be one of " + ", ".join(MUSCLE_GROUPS)]),
        (["chest", None], ["[1]: must be one of " + ", ".join(MUSCLE_GROUPS)]),
        ("quads", ["$: must be a list"]),
        ({"quads": True}, ["$: must be a list"]),
    ],
)
def test_muscle_groups_rejects(document, messages):
    assert rejected(document, "training:muscle_groups") == messages


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


# --- insights:patterns ---


@pytest.mark.parametrize(
    "document",
    [
        [],
        [
            "Squat volume rose 8% while RPE stayed near 8.",
            "Two of three easy runs were logged in zone 3 instead of zone 2.",
        ],
        ["x"],
        ["x" * 500],
    ],
)
def test_patterns_accepts(document):
    assert validate_document(document, schema="insights:patterns") is None


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        ([""], ["[0]: must be at least 1 character(s)"]),
        (["fine", "x" * 501], ["[1]: must be at most 500 character(s)"]),
        ([42], ["[0]: must be text"]),
        (["fine", None], ["[1]: must be text"]),
        ("Squat volume rose.", ["$: must be a list"]),
        ({"0": "Squat volume rose."}, ["$: must be a list"]),
    ],
)
def test_patterns_rejects(document, messages):
    assert rejected(document, "insights:patterns") == messages


# --- insights:suggestions ---


@pytest.mark.parametrize(
    "document",
    [
        [],
        [
            {
                "suggestion": "Keep easy runs in zone 2.",
                "reasoning": "Average heart rate on easy days was 156 bpm, zone 3.",
            },
            {
                "suggestion": "Add one set of Romanian deadlifts.",
                "reasoning": "Hamstring volume was 6 sets against 14 for quads.",
            },
        ],
        [{"suggestion": "x", "reasoning": "y"}],
        [{"suggestion": "x" * 500, "reasoning": "y" * 2000}],
    ],
)
def test_suggestions_accepts(document):
    assert validate_document(document, schema="insights:suggestions") is None


GOOD_SUGGESTION = {"suggestion": "Deload next week.", "reasoning": "RPE climbed 1.5 in 3 weeks."}


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        ([{"suggestion": "Deload next week."}], ["[0].reasoning: is required"]),
        ([GOOD_SUGGESTION, {"reasoning": "Because."}], ["[1].suggestion: is required"]),
        (
            [{**GOOD_SUGGESTION, "suggestion": ""}],
            ["[0].suggestion: must be at least 1 character(s)"],
        ),
        (
            [{**GOOD_SUGGESTION, "reasoning": ""}],
            ["[0].reasoning: must be at least 1 character(s)"],
        ),
        (
            [{**GOOD_SUGGESTION, "suggestion": "x" * 501}],
            ["[0].suggestion: must be at most 500 character(s)"],
        ),
        (
            [{**GOOD_SUGGESTION, "reasoning": "x" * 2001}],
            ["[0].reasoning: must be at most 2000 character(s)"],
        ),
        ([{**GOOD_SUGGESTION, "reasoning": 3}], ["[0].reasoning: must be text"]),
        (
            [{**GOOD_SUGGESTION, "priority": "high"}],
            ["[0]: unknown key ('priority' was unexpected)"],
        ),
        (["Deload next week."], ["[0]: must be an object"]),
        (GOOD_SUGGESTION, ["$: must be a list"]),
    ],
)
def test_suggestions_rejects(document, messages):
    assert rejected(document, "insights:suggestions") == messages


# --- insights:total_volume ---


@pytest.mark.parametrize(
    "document",
    [
        total_volume(),
        total_volume(byModality=MISSING),
        total_volume(byModality={}),
        total_volume(strength="0kg", endurance="0min"),
        total_volume(strength="12450.5kg", endurance="185.25min"),
        total_volume(
            byModality={
                "run": {"minutes": 0, "distanceKm": 0},
                "bike": {"minutes": 90.5, "distanceKm": 45},
                "row": {"minutes": 20},
                "swim": {"minutes": 30, "distanceKm": 1.5},
            }
        ),
    ],
)
def test_total_volume_accepts(document):
    assert validate_document(document, schema="insights:total_volume") is None


STRENGTH_FORMAT = "must be a number of kilograms, such as 1200kg"
ENDURANCE_FORMAT = "must be a number of minutes, such as 240min"


@pytest.mark.parametrize(
    ("document", "messages"),
    [
        # display strings must match the pattern, reported with its description
        (total_volume(strength="12450"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(strength="12450 kg"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(strength="12,450kg"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(strength="-5kg"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(strength="12.kg"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(strength="12450lb"), [f"strength: {STRENGTH_FORMAT}"]),
        (total_volume(endurance="3h"), [f"endurance: {ENDURANCE_FORMAT}"]),
        (total_volume(endurance="185 min"), [f"endurance: {ENDURANCE_FORMAT}"]),
        (total_volume(endurance="185mins"), [f"endurance: {ENDURANCE_FORMAT}"]),
        (total_volume(strength=12450), ["strength: must be text"]),
        # missing required keys
        (total_volume(strength=MISSING), ["strength: is required"]),
        (total_volume(endurance=MISSING), ["endurance: is required"]),
        (
            total_volume(byModality={"run": {"distanceKm": 10}}),
            ["byModality.run.minutes: is required"],
        ),
        # byModality keys are the four modalities, and the message names the bad key
        (
            total_volume(byModality={"ski": {"minutes": 30}}),
            ["byModality: unknown key 'ski' (allowed: run, bike, row, swim)"],
        ),
        (
            total_volume(byModality={"ski": {"minutes": 30}, "bike": {"minutes": -1}}),
            [
                "byModality: unknown key 'ski' (allowed: run, bike, row, swim)",
                "byModality.bike.minutes: must be ≥ 0",
            ],
        ),
        # byModality values
        (
            total_volume(byModality={"run": {"minutes": -1}}),
            ["byModality.run.minutes: must be ≥ 0"],
        ),
        (
            total_volume(byModality={"swim": {"minutes": 30, "distanceKm": -0.5}}),
            ["byModality.swim.distanceKm: must be ≥ 0"],
        ),
        (
            total_volume(byModality={"run": {"minutes": 30, "pace": "5:00"}}),
            ["byModality.run: unknown key ('pace' was unexpected)"],
        ),
        (total_volume(byModality={"run": 30}), ["byModality.run: must be an object"]),
        (
            total_volume(byModality={"row": {"minutes": "20"}}),
            ["byModality.row.minutes: must be a number"],
        ),
        (total_volume(byModality=["run"]), ["byModality: must be an object"]),
        ("12450kg", ["$: must be an object"]),
    ],
)
def test_total_volume_rejects(document, messages):
    assert rejected(document, "insights:total_volume") == messages


# --- reporting: every error, in document order, keyed by field, root as "$" ---


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
        f"exercises[0].tempo: {TEMPO_FORMAT}",
        "exercises[1].intensity.type: must be one of percent_1rm, rpe",
        "exercises[1].restSeconds: must be ≥ 0",
        "exercises[1].sets: must be ≤ 20",
    ]


def test_list_indexes_sort_as_numbers_not_as_text():
    exercises = [strength_prescription()["exercises"][0] for _ in range(11)]
    exercises[10] = {**exercises[10], "sets": 0}
    exercises[2] = {**exercises[2], "sets": 0}
    assert rejected({"exercises": exercises}, "training:prescription_strength") == [
        "exercises[2].sets: must be ≥ 1",
        "exercises[10].sets: must be ≥ 1",
    ]


def test_a_missing_key_sorts_at_its_own_path():
    # A "required" error sorts where the missing key would be, so "…reps: is required"
    # falls between "…intensity.value" and "…sets", not ahead of the object's children.
    document = strength_prescription(reps=MISSING, sets=0, intensity={"type": "rpe", "value": 0})
    assert rejected(document, "training:prescription_strength") == [
        "exercises[0].intensity.value: must be ≥ 1",
        "exercises[0].reps: is required",
        "exercises[0].sets: must be ≥ 1",
    ]


def test_the_document_root_sorts_first():
    # "$" has an empty path, so its errors come before every key's.
    document = {**strength_log({"reps": -1}, tempo="3010"), "notes": "felt good"}
    assert rejected(document, "logging_app:actual_data_strength") == [
        "$: unknown key ('notes' was unexpected)",
        "exercises[0]: unknown key ('tempo' was unexpected)",
        "exercises[0].sets[0].reps: must be ≥ 0",
    ]


def test_errors_across_schemas_report_all_violations():
    document = endurance_log(modality="ski", completed=MISSING, avgHeartRate=300, extra=1)
    assert rejected(document, "logging_app:actual_data_endurance") == [
        "$: unknown key ('extra' was unexpected)",
        "avgHeartRate: must be ≤ 250",
        "completed: is required",
        "modality: must be one of run, bike, row, swim",
    ]


def test_field_keys_the_errors_by_that_field():
    document = strength_prescription(sets=0, reps=MISSING)
    with pytest.raises(ValidationError) as caught:
        validate_document(document, schema="training:prescription_strength", field="prescription")
    assert caught.value.message_dict == {
        "prescription": ["exercises[0].reps: is required", "exercises[0].sets: must be ≥ 1"]
    }
    assert caught.value.message_dict["prescription"] == caught.value.messages


def test_field_has_no_effect_on_a_good_document():
    assert (
        validate_document(
            strength_prescription(), schema="training:prescription_strength", field="prescription"
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
