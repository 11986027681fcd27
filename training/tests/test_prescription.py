"""The typed prescription: it reads every document the schemas accept and gives it back
exactly, tolerates malformed legacy JSON, and derives the facts other modules share."""

import dataclasses
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hybridpeaks.core.json_validation import schema_problems
from training.prescription import (
    EndurancePrescription,
    Intensity,
    Prescription,
    StrengthPrescription,
)


def _optional(**strategies):
    """A dict strategy whose keys may each be absent, as the schemas' optional keys are."""
    return st.fixed_dictionaries({}, optional=strategies)


def _number(low, high):
    return st.one_of(
        st.integers(int(low) if low == int(low) else int(low) + 1, int(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
    )


_percent_1rm = st.fixed_dictionaries({"type": st.just("percent_1rm"), "value": _number(0, 100)})
_rpe = st.fixed_dictionaries({"type": st.just("rpe"), "value": _number(1, 10)})

strength_items = st.fixed_dictionaries(
    {
        "exerciseId": st.uuids().map(str),
        "sets": st.integers(1, 20),
        "reps": st.integers(1, 50),
        "intensity": _percent_1rm | _rpe,
    },
    optional={
        "restSeconds": st.integers(0, 600),
        "tempo": st.from_regex(r"\A[0-9]{4}\Z"),
        "repsMax": st.integers(2, 50),
    },
).filter(lambda item: item.get("repsMax", 51) > item["reps"])  # a rep range goes up
strength_documents = st.fixed_dictionaries({"exercises": st.lists(strength_items, max_size=30)})

_durations = st.fixed_dictionaries(
    {"value": _number(1, 1440), "unit": st.just("minutes")}
) | st.fixed_dictionaries({"value": _number(1, 24), "unit": st.just("hours")})
_distances = st.one_of(
    st.fixed_dictionaries({"value": _number(0.1, limit), "unit": st.just(unit)})
    for unit, limit in (("km", 1000), ("miles", 621), ("meters", 1_000_000))
)
_zones = st.fixed_dictionaries(
    {"type": st.sampled_from(["heart_rate_zone", "pace_zone"]), "zone": st.integers(1, 5)},
    optional={"value": _number(1, 200)},
)
_ftp = st.fixed_dictionaries(
    {"type": st.just("ftp_percent"), "value": _number(1, 200)},
    optional={"zone": st.integers(1, 5)},
)
_modalities = st.sampled_from(["run", "bike", "row", "swim"])
plain_endurance_documents = st.fixed_dictionaries(
    {"modality": _modalities, "duration": _durations, "intensity": _zones | _ftp},
    optional={"distance": _distances},
)
_step_durations = st.one_of(
    st.fixed_dictionaries({"value": _number(0.5, limit), "unit": st.just(unit)})
    for unit, limit in (("seconds", 86400), ("minutes", 1440), ("hours", 24))
)
_step_intensities = st.one_of(
    st.fixed_dictionaries(
        {"type": st.sampled_from(["heart_rate_zone", "pace_zone"]), "zone": st.integers(1, 5)},
        optional={"zoneTo": st.integers(1, 5)},
    ),
    st.fixed_dictionaries(
        {"type": st.just("ftp_percent"), "value": _number(1, 200)},
        optional={"valueTo": _number(1, 200)},
    ),
    st.fixed_dictionaries(
        {"type": st.just("race_pace"), "race": st.sampled_from(["5k", "10k", "half_marathon"])}
    ),
)
_steps = st.builds(
    lambda kind, amount, intensity: {"kind": kind, **amount, "intensity": intensity},
    st.sampled_from(["warmup", "work", "recovery", "cooldown"]),
    _step_durations.map(lambda d: {"duration": d}) | _distances.map(lambda d: {"distance": d}),
    _step_intensities,
)
_repeats = st.fixed_dictionaries(
    {"repeat": st.integers(2, 50), "steps": st.lists(_steps, min_size=1, max_size=10)}
)
stepped_endurance_documents = st.fixed_dictionaries(
    {"modality": _modalities, "steps": st.lists(_steps | _repeats, min_size=1, max_size=8)},
    optional={"duration": _durations, "intensity": _zones | _ftp, "distance": _distances},
)
endurance_documents = plain_endurance_documents | stepped_endurance_documents


@given(strength_documents)
def test_strength_documents_round_trip_exactly(document):
    assert schema_problems(document, schema="training:prescription_strength") == []
    plan = Prescription.of("strength", document)
    assert isinstance(plan, StrengthPrescription)
    assert plan.to_json() == document
    assert plan.exercise_ids == [item["exerciseId"] for item in document["exercises"]]


@given(endurance_documents)
def test_endurance_documents_round_trip_exactly(document):
    assert schema_problems(document, schema="training:prescription_endurance") == []
    plan = Prescription.of("endurance", document)
    assert isinstance(plan, EndurancePrescription)
    assert plan.to_json() == document


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [
        ({"value": 80, "unit": "minutes"}, 80),
        ({"value": 1.5, "unit": "hours"}, 90),
        ({"value": 1.25, "unit": "hours"}, 75),
        ({"value": 45.5, "unit": "minutes"}, 46),  # half a minute rounds up, not to the even
        (None, None),
        ({"value": "80", "unit": "minutes"}, None),
        ({"value": 80, "unit": "laps"}, None),
        ({"value": 80, "unit": ["minutes"]}, None),
    ],
)
def test_whole_minutes(duration, minutes):
    document = {"modality": "run", **({"duration": duration} if duration else {})}
    assert Prescription.of("endurance", document).whole_minutes == minutes


@pytest.mark.parametrize(
    ("intensity", "zone"),
    [
        ({"type": "heart_rate_zone", "zone": 2}, 2),
        ({"type": "pace_zone", "zone": 5}, 5),
        ({"type": "heart_rate_zone", "zone": 7}, None),
        ({"type": "ftp_percent", "value": 88}, None),
    ],
)
def test_zone_is_a_stated_heart_rate_or_pace_zone(intensity, zone):
    assert Prescription.of("endurance", {"intensity": intensity}).zone == zone


def test_intensity_reads_rpe_and_ftp_only_for_their_type():
    assert Intensity.from_json({"type": "rpe", "value": 8}).rpe == 8
    assert Intensity.from_json({"type": "percent_1rm", "value": 75}).rpe is None
    assert Intensity.from_json({"type": "ftp_percent", "value": 88}).ftp_percent == 88.0
    assert Intensity.from_json({"type": "ftp_percent", "value": True}).ftp_percent is None


def test_distance_unit_defaults_to_km():
    assert EndurancePrescription().distance_unit == "km"
    document = {"distance": {"value": 10, "unit": "miles"}}
    assert Prescription.of("endurance", document).distance_unit == "miles"


@pytest.mark.parametrize(
    "document",
    [None, {}, [], "text", {"exercises": "many"}, {"exercises": [1, None, "x"]}],
)
def test_malformed_strength_json_reads_as_no_exercises(document):
    assert Prescription.of("strength", document).items == ()


@pytest.mark.parametrize(
    "document",
    [None, {}, {"duration": 45, "intensity": "hard", "modality": 3, "distance": []}],
)
def test_malformed_endurance_json_reads_as_empty_parts(document):
    plan = Prescription.of("endurance", document)
    assert (plan.modality, plan.duration, plan.distance, plan.minutes) == (None,) * 4
    assert plan.intensity == Intensity()


def test_an_item_that_is_not_an_object_is_dropped_and_the_rest_kept():
    item = {"exerciseId": str(uuid.uuid4()), "sets": 3, "reps": 5}
    plan = Prescription.of("strength", {"exercises": ["junk", item]})
    assert [i.exercise_id for i in plan.items] == [item["exerciseId"]]


def test_a_typed_prescription_passes_through_and_unknown_types_are_refused():
    plan = StrengthPrescription()
    assert Prescription.of("strength", plan) is plan
    with pytest.raises(ValueError, match="yoga"):
        Prescription.of("yoga", {})


def test_prescriptions_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        EndurancePrescription().modality = "bike"
