"""The training app's schemas (prescriptions, muscle groups) as the shared validator applies
them: what each accepts, and every rejection with its full message list (path and wording).

None of these tests touch the database.
"""

import pytest

from hybridpeaks.core.json_validation import schema_validator, validate_document
from hybridpeaks.core.tests.schema_testing import MISSING, OTHER_UUID, UUID, merged, rejected

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
    return {"exercises": [merged(exercise, changes)]}


def endurance_prescription(**changes) -> dict:
    prescription = {
        "modality": "run",
        "duration": {"value": 45, "unit": "minutes"},
        "distance": {"value": 8, "unit": "km"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
    }
    return merged(prescription, changes)


@pytest.mark.parametrize(
    "schema",
    [
        "training:prescription_strength",
        "training:prescription_endurance",
        "training:muscle_groups",
    ],
)
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
