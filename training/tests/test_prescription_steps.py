"""Interval steps in the typed prescription (issue 13): totals derived from the steps, each
step counted as often as its repeat says, in every unit the schema allows."""

import pytest

from training.prescription import EndurancePrescription, Prescription, Repeat, Step


def step(kind="work", zone=1, **amount) -> dict:
    return {"kind": kind, **amount, "intensity": {"type": "heart_rate_zone", "zone": zone}}


def minutes(value, unit="minutes") -> dict:
    return {"duration": {"value": value, "unit": unit}}


def distance(value, unit) -> dict:
    return {"distance": {"value": value, "unit": unit}}


BIKE = {
    "modality": "bike",
    "steps": [
        step("warmup", **minutes(15)),
        {"repeat": 5, "steps": [step(zone=4, **minutes(3)), step("recovery", **minutes(2))]},
        step("cooldown", **minutes(10)),
    ],
}
TRACK = {
    "modality": "run",
    "steps": [
        step("warmup", **minutes(15)),
        {
            "repeat": 6,
            "steps": [
                {**distance(400, "meters"), "kind": "work",
                 "intensity": {"type": "race_pace", "race": "5k"}},
                step("recovery", **minutes(90, "seconds")),
            ],
        },
        step("cooldown", **minutes(10)),
    ],
}  # fmt: skip


def plan(document) -> EndurancePrescription:
    return Prescription.of("endurance", document)


def test_steps_are_typed_and_repeats_hold_their_steps():
    bike = plan(BIKE)
    assert [type(part) for part in bike.steps] == [Step, Repeat, Step]
    assert bike.steps[1].count == 5
    assert [s.kind for s in bike.steps[1].steps] == ["work", "recovery"]
    assert bike.steps[1].steps[0].intensity.zone == 4


def test_totals_multiply_a_repeat_by_its_count():
    bike = plan(BIKE)
    assert bike.step_minutes == 15 + 5 * (3 + 2) + 10
    assert bike.minutes == 50 and bike.whole_minutes == 50
    assert bike.step_meters is None and not bike.untimed_steps


def test_seconds_and_hours_are_minutes_and_distance_steps_are_left_out_of_the_time():
    track = plan(TRACK)
    assert track.step_minutes == 15 + 6 * 1.5 + 10
    assert track.step_meters == 2400
    assert track.untimed_steps
    hours = plan({"modality": "bike", "steps": [step(**minutes(1.5, "hours"))]})
    assert hours.minutes == 90


@pytest.mark.parametrize(
    ("amount", "meters"),
    [(distance(400, "meters"), 400), (distance(1.5, "km"), 1500), (distance(1, "miles"), 1609.344)],
)
def test_distance_steps_in_every_unit(amount, meters):
    document = {"modality": "run", "steps": [{"repeat": 3, "steps": [step(**amount)]}]}
    assert plan(document).step_meters == pytest.approx(3 * meters)
    assert plan(document).minutes is None  # no timed step, no stated duration


def test_a_stated_duration_wins_over_the_steps():
    document = {**TRACK, "duration": {"value": 50, "unit": "minutes"}}
    assert plan(document).minutes == 50


def test_a_session_without_steps_is_as_before():
    document = {
        "modality": "run",
        "duration": {"value": 45, "unit": "minutes"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
    }
    assert plan(document).steps == () and plan(document).minutes == 45
    assert plan(document).to_json() == document


@pytest.mark.parametrize(
    "steps",
    [
        "many",
        [1, None, {"repeat": "x", "steps": "y"}],
        [{"kind": 3, "duration": {"value": "5", "unit": "minutes"}}],
        [{"repeat": True, "steps": [step(**minutes(5))]}],
    ],
)
def test_malformed_steps_read_without_failing(steps):
    stepped = plan({"modality": "run", "steps": steps})
    assert stepped.step_minutes in (None, 5)  # a malformed repeat count reads as once
    assert stepped.step_meters is None
