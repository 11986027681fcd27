"""Interval steps in the endurance schema (issue 13): what a stepped session may hold, that
every session without steps is judged exactly as before, and the words of each refusal."""

import pytest

from hybridpeaks.core.json_validation import schema_problems, validate_document

SCHEMA = "training:prescription_endurance"


def step(kind="work", **fields) -> dict:
    fields.setdefault("duration", {"value": 3, "unit": "minutes"})
    fields.setdefault("intensity", {"type": "heart_rate_zone", "zone": 4})
    return {"kind": kind, **fields}


TRACK = {
    "modality": "run",
    "steps": [
        step("warmup", duration={"value": 15, "unit": "minutes"}),
        {
            "repeat": 6,
            "steps": [
                {
                    "kind": "work",
                    "distance": {"value": 400, "unit": "meters"},
                    "intensity": {"type": "race_pace", "race": "5k"},
                },
                step("recovery", duration={"value": 90, "unit": "seconds"}),
            ],
        },
        step("cooldown", intensity={"type": "ftp_percent", "value": 55, "valueTo": 65}),
    ],
}


def problems(document) -> list[str]:
    return [
        f"{'.'.join(map(str, path))}: {problem}"
        for path, problem in schema_problems(document, schema=SCHEMA)
    ]


@pytest.mark.parametrize(
    "document",
    [
        TRACK,
        {
            "modality": "bike",
            "steps": [step(intensity={"type": "pace_zone", "zone": 2, "zoneTo": 3})],
        },
        # Steps beside the spec's own keys: the total may be stated as well as derived.
        {
            **TRACK,
            "duration": {"value": 50, "unit": "minutes"},
            "intensity": {"type": "heart_rate_zone", "zone": 3},
        },
    ],
)
def test_stepped_sessions_are_accepted(document):
    validate_document(document, schema=SCHEMA)


def test_a_session_without_steps_still_needs_its_duration_and_intensity():
    assert problems({"modality": "run"}) == ["duration: is required", "intensity: is required"]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"modality": "run", "steps": [step(distance={"value": 1, "unit": "km"})]},
            ["steps.0: must be a step with either a duration or a distance, not both"],
        ),
        (
            {
                "modality": "run",
                "steps": [{"kind": "work", "intensity": {"type": "heart_rate_zone", "zone": 2}}],
            },
            ["steps.0: must be a step with either a duration or a distance, not both"],
        ),
        (
            {
                "modality": "run",
                "steps": [step(intensity={"type": "race_pace", "race": "5k", "zone": 2})],
            },
            ["steps.0.intensity: must be a race pace with `race` only"],
        ),
        (
            {"modality": "run", "steps": [step(intensity={"type": "ftp_percent", "zone": 2})]},
            [
                "steps.0.intensity: must be a %FTP with `value` (and `valueTo` for a range) only",
                "steps.0.intensity.value: is required",
            ],
        ),
        (
            {"modality": "run", "steps": [step(kind="sprint")]},
            ["steps.0.kind: must be one of warmup, work, recovery, cooldown"],
        ),
        (
            {"modality": "run", "steps": [step(duration={"value": 0, "unit": "seconds"})]},
            ["steps.0.duration.value: must be > 0"],
        ),
        (
            {"modality": "run", "steps": [step(duration={"value": 25, "unit": "hours"})]},
            ["steps.0.duration.value: must be ≤ 24"],
        ),
        ({"modality": "run", "steps": []}, ["steps: must have at least 1 item(s)"]),
        (
            {"modality": "run", "steps": [{"repeat": 1, "steps": [step()]}]},
            ["steps.0.repeat: must be ≥ 2"],
        ),
        # One level deep: a repeat holds steps, never another repeat.
        (
            {
                "modality": "run",
                "steps": [{"repeat": 2, "steps": [{"repeat": 2, "steps": [step()]}]}],
            },
            [
                "steps.0.steps.0: must be a step with either a duration or a distance, not both",
                "steps.0.steps.0: unknown key ('repeat', 'steps' were unexpected)",
                "steps.0.steps.0.intensity: is required",
                "steps.0.steps.0.kind: is required",
            ],
        ),
    ],
)
def test_bad_steps_are_refused_with_their_path_and_reason(document, expected):
    assert problems(document) == expected
