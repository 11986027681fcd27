"""The weekly analysis reads a stepped session's planned duration from its steps (issue 13):
the prescription's one rule (EndurancePrescription.minutes), not a second computation; a
stepped session with no intensity of its own is planned at its hardest step."""

import datetime as dt

from insights.engine.endurance import is_easy, planned_minutes, prescribed_zone
from insights.engine.inputs import Planned
from insights.engine.planned import planned_session_minutes, planned_session_rpe

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
