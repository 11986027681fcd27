"""The editor's forms and the stored prescription convert both ways in one place: what the
editor opens with (initial_from) saves back as the same JSON (prescription / item)."""

import uuid

import pytest

from training.forms import EnduranceForm, ExerciseRowForm, ExerciseRows
from training.prescription import Prescription

SQUAT = str(uuid.uuid4())


def _typed(initial: dict) -> dict:
    """Initial values as a browser posts them back: text, blank for nothing."""
    return {name: "" if value is None else str(value) for name, value in initial.items()}


@pytest.mark.parametrize(
    "item",
    [
        {
            "exerciseId": SQUAT,
            "sets": 5,
            "reps": 5,
            "intensity": {"type": "percent_1rm", "value": 75},
        },
        {
            "exerciseId": SQUAT,
            "sets": 3,
            "reps": 8,
            "intensity": {"type": "rpe", "value": 7.5},
            "restSeconds": 120,
            "tempo": "3010",
        },
    ],
)
def test_a_stored_strength_item_saves_back_unchanged(item):
    [row] = ExerciseRows.initial_from(Prescription.of("strength", {"exercises": [item]}))
    form = ExerciseRowForm(_typed(row))
    assert form.is_valid(), form.errors
    assert form.item().to_json() == item


@pytest.mark.parametrize(
    "document",
    [
        {
            "modality": "run",
            "duration": {"value": 45, "unit": "minutes"},
            "intensity": {"type": "heart_rate_zone", "zone": 2},
        },
        {
            "modality": "bike",
            "duration": {"value": 1.5, "unit": "hours"},
            "distance": {"value": 40, "unit": "km"},
            "intensity": {"type": "ftp_percent", "value": 88},
        },
        {
            "modality": "run",
            "duration": {"value": 80, "unit": "minutes"},
            "distance": {"value": 8.5, "unit": "miles"},
            "intensity": {"type": "pace_zone", "zone": 4},
        },
    ],
)
def test_a_stored_endurance_prescription_saves_back_unchanged(document):
    initial = EnduranceForm.initial_from(Prescription.of("endurance", document))
    form = EnduranceForm(_typed(initial))
    assert form.is_valid(), form.errors
    assert form.prescription().to_json() == document


def test_only_the_chosen_intensitys_amount_is_saved():
    data = {
        "modality": "run",
        "duration_value": "45",
        "duration_unit": "minutes",
        "distance_unit": "km",
        "intensity_type": "heart_rate_zone",
        "zone": "3",
        "ftp_percent": "88",
    }
    form = EnduranceForm(data)
    assert form.is_valid(), form.errors
    assert form.prescription().to_json()["intensity"] == {"type": "heart_rate_zone", "zone": 3}
