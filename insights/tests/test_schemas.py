"""The insights app's schemas (a summary's patterns, suggestions and total volume) as the
shared validator applies them: what each accepts, and every rejection with its full messages.

None of these tests touch the database.
"""

import pytest

from hybridpeaks.core.json_validation import schema_validator, validate_document
from hybridpeaks.core.tests.schema_testing import MISSING, merged, rejected


def total_volume(**changes) -> dict:
    """One realistic total-volume document, with some keys changed or left out (MISSING)."""
    volume = {
        "strength": "12450kg",
        "endurance": "185min",
        "byModality": {"run": {"minutes": 125, "distanceKm": 22.4}, "bike": {"minutes": 60}},
    }
    return merged(volume, changes)


@pytest.mark.parametrize(
    "schema",
    [
        "insights:patterns",
        "insights:suggestions",
        "insights:total_volume",
    ],
)
def test_schema_file_loads_and_is_a_valid_draft7_schema(schema):
    assert schema_validator(schema).schema["$schema"].startswith("http://json-schema.org/draft-07")


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
