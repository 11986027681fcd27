"""The weekly analysis reads a stepped session's planned duration from its steps (issue 13):
the prescription's one rule (EndurancePrescription.minutes), not a second computation."""

import datetime as dt

from insights.engine.endurance import planned_minutes
from insights.engine.inputs import Planned
from insights.engine.planned import planned_session_minutes

MONDAY = dt.date(2026, 11, 30)
Z1 = {"type": "heart_rate_zone", "zone": 1}


def step(kind, value, unit="minutes", intensity=Z1):
    return {"kind": kind, "duration": {"value": value, "unit": unit}, "intensity": intensity}


BIKE = {
    "modality": "bike",
    "steps": [
        step("warmup", 15),
        {"repeat": 5, "steps": [
            step("work", 3, intensity={"type": "ftp_percent", "value": 105, "valueTo": 110}),
            step("recovery", 120, unit="seconds"),
        ]},
        step("cooldown", 0.25, unit="hours"),
    ],
}  # fmt: skip


def planned(prescription, estimated_duration=None) -> Planned:
    return Planned("s1", MONDAY, "endurance", prescription, estimated_duration)


def test_a_stepped_session_is_planned_for_its_steps_total():
    # 15 + 5 × (3 + 2) + 15 = 55 minutes, whatever the session's stale estimate says.
    assert planned_session_minutes(planned(BIKE, estimated_duration=30)) == 55


def test_a_stated_duration_still_wins():
    document = {**BIKE, "duration": {"value": 1, "unit": "hours"}}
    assert planned_session_minutes(planned(document)) == 60


def test_distance_steps_are_left_out_and_an_all_distance_session_falls_back_to_its_estimate():
    reps = {"repeat": 6, "steps": [{"kind": "work", "distance": {"value": 400, "unit": "meters"},
                                    "intensity": {"type": "race_pace", "race": "5k"}}]}  # fmt: skip
    track = {"modality": "run", "steps": [step("warmup", 15), reps]}
    assert planned_minutes(planned(track).plan) == 15
    only_reps = {"modality": "run", "steps": [reps]}
    assert planned_session_minutes(planned(only_reps, estimated_duration=40)) == 40
