"""The weekly analysis reads a stepped session's planned duration from its steps (issue 13):
the prescription's one rule (EndurancePrescription.minutes), not a second computation; a
stepped session with no intensity of its own is classed by its hardest step (easy or not, the
session RPE it implies) and loaded at the duration-weighted IF of its timed steps."""

import datetime as dt

import pytest

from insights.engine.endurance import (
    ZONE_INTENSITY_FACTOR,
    is_easy,
    planned_intensity_factor,
    prescribed_zone,
)
from insights.engine.inputs import Planned
from insights.engine.planned import planned_session_minutes, planned_session_rpe
from training.prescription import planned_minutes

MONDAY = dt.date(2026, 11, 30)
Z1 = {"type": "heart_rate_zone", "zone": 1}
Z2_3 = {"type": "heart_rate_zone", "zone": 2, "zoneTo": 3}


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


def test_a_stepped_session_is_planned_at_its_hardest_step():
    # 105–110 % FTP is Coggan level 5: session RPE 9 (planned.LEVEL_SESSION_RPE).
    assert prescribed_zone(planned(BIKE).plan) == 5
    assert planned_session_rpe(planned(BIKE)) == 9
    easy = {"modality": "run", "steps": [step("warmup", 10), step("work", 30, intensity=Z2_3)]}
    assert prescribed_zone(planned(easy).plan) == 3 and not is_easy(planned(easy).plan)
    half = {"type": "race_pace", "race": "half_marathon"}
    rep = {"kind": "work", "distance": {"value": 400, "unit": "meters"}, "intensity": half}
    reps = {"repeat": 6, "steps": [rep]}
    assert prescribed_zone(planned({"modality": "run", "steps": [reps]}).plan) == 4


def test_an_all_easy_stepped_session_is_easy_and_its_own_intensity_still_wins():
    easy = {"modality": "run", "steps": [step("work", 40), step("cooldown", 5)]}
    assert is_easy(planned(easy).plan)
    stated = {**BIKE, "intensity": {"type": "ftp_percent", "value": 88}}
    assert prescribed_zone(planned(stated).plan) == 3  # 88 % FTP: Coggan level 3


def test_a_stepped_sessions_planned_intensity_factor_is_weighted_by_duration():
    """insights-reference.md, "Intervals": the duration-weighted IF of the steps (TSS), not
    the hardest step's: 15 min Z1 (0.50) + 5 × (3 min at 110 % FTP + 2 min Z1) + 15 min Z1."""
    plan = planned(BIKE).plan
    expected = (15 * 0.50 + 15 * 1.10 + 10 * 0.50 + 15 * 0.50) / 55
    assert planned_intensity_factor(plan) == pytest.approx(expected)
    assert prescribed_zone(plan) == 5  # the hardest step (Coggan level 5) says it is not easy


def test_an_all_distance_stepped_session_falls_back_to_its_hardest_step():
    reps = {"kind": "work", "distance": {"value": 400, "unit": "meters"}, "intensity": Z2_3}
    plan = planned({"modality": "run", "steps": [{"repeat": 6, "steps": [reps]}]}).plan
    assert planned_intensity_factor(plan) == ZONE_INTENSITY_FACTOR[3]
