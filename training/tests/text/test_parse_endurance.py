"""Endurance lines: units, intensities, steps, repeats, kinds read from their place, and the
summary before a colon."""

import pytest

from training.text import parse_steps, parse_week


def one(names, line):
    week = parse_week(f"Mon\n  {line}\n", names)
    assert week.errors == [], week.errors
    return week.sessions[0].prescription


def minutes(n):
    return {"value": n, "unit": "minutes"}


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("45min", ("duration", minutes(45))),
        ("45 min", ("duration", minutes(45))),
        ("1h30", ("duration", minutes(90))),
        ("1h05min", ("duration", minutes(65))),
        ("2h", ("duration", {"value": 2, "unit": "hours"})),
        ("1.5h", ("duration", {"value": 1.5, "unit": "hours"})),
        ("90s", ("duration", {"value": 90, "unit": "seconds"})),
        ("400m", ("distance", {"value": 400, "unit": "meters"})),
        ("5km", ("distance", {"value": 5, "unit": "km"})),
        ("3mi", ("distance", {"value": 3, "unit": "miles"})),
        ("3.1 miles", ("distance", {"value": 3.1, "unit": "miles"})),
    ],
)
def test_units_are_unambiguous(names, written, amount):
    [step] = parse_steps(f"work {written} Z2")[0]
    key, value = amount
    assert step[key] == value


@pytest.mark.parametrize(
    ("written", "intensity"),
    [
        ("Z2", {"type": "heart_rate_zone", "zone": 2}),
        ("HR Z2", {"type": "heart_rate_zone", "zone": 2}),
        ("Z2-Z3", {"type": "heart_rate_zone", "zone": 2, "zoneTo": 3}),
        ("z2-3", {"type": "heart_rate_zone", "zone": 2, "zoneTo": 3}),
        ("pace Z3", {"type": "pace_zone", "zone": 3}),
        ("pace Z3-Z4", {"type": "pace_zone", "zone": 3, "zoneTo": 4}),
        ("70% FTP", {"type": "ftp_percent", "value": 70}),
        ("70%FTP", {"type": "ftp_percent", "value": 70}),
        ("88-94% FTP", {"type": "ftp_percent", "value": 88, "valueTo": 94}),
        ("@5k pace", {"type": "race_pace", "race": "5k"}),
        ("10k pace", {"type": "race_pace", "race": "10k"}),
        ("@half", {"type": "race_pace", "race": "half_marathon"}),
    ],
)
def test_intensities(written, intensity):
    [step] = parse_steps(f"work 10min {written}")[0]
    assert step["intensity"] == intensity


def test_a_plain_session_may_state_a_distance_too(names):
    assert one(names, "Run 45min 8km Z2") == {
        "modality": "run",
        "duration": minutes(45),
        "distance": {"value": 8, "unit": "km"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
    }


def test_ride_reads_as_bike_and_a_lone_step_the_plain_form_cannot_hold_is_a_step(names):
    assert one(names, "Ride 10km Z2") == {
        "modality": "bike",
        "steps": [
            {"kind": "work", "distance": {"value": 10, "unit": "km"},
             "intensity": {"type": "heart_rate_zone", "zone": 2}},
        ],
    }  # fmt: skip
    assert "steps" in one(names, "Run 45min Z2-Z3")
    assert "steps" in one(names, "Swim work 45min Z2")


def test_easy_steps_read_as_warm_up_recovery_and_cool_down_around_hard_ones():
    steps, _ = parse_steps("10min Z2, 5min Z4, 3min Z1, 5min Z4, 10min 60% FTP")
    assert [s["kind"] for s in steps] == ["warmup", "work", "recovery", "work", "cooldown"]


def test_without_a_hard_step_every_step_is_work():
    steps, _ = parse_steps("30min Z2, 30min Z1")
    assert [s["kind"] for s in steps] == ["work", "work"]


def test_a_repeat_s_easy_steps_are_recoveries_only_beside_a_hard_step():
    steps, _ = parse_steps("5min Z1, 3x(5min Z2, 1min Z1), 4×(3min 105-110% FTP, 2min Z1)")
    assert [s["kind"] for s in steps[1]["steps"]] == ["work", "work"]
    assert [s["kind"] for s in steps[2]["steps"]] == ["work", "recovery"]
    assert (steps[1]["repeat"], steps[2]["repeat"]) == (3, 4)


def test_a_kind_word_overrides_the_rule():
    steps, _ = parse_steps("warm-up 10min Z3, wu 1min Z5, 5min Z4, recovery 2min Z3, cd 5min Z4")
    assert [s["kind"] for s in steps] == ["warmup", "warmup", "work", "recovery", "cooldown"]


def test_a_summary_before_a_colon_is_kept_beside_the_steps(names):
    assert one(names, "Bike 1h 12km Z2: 15min Z1, 5x(3min 105% FTP, 2min Z1), 10min Z1") | {
        "steps": None
    } == {
        "modality": "bike",
        "duration": {"value": 1, "unit": "hours"},
        "distance": {"value": 12, "unit": "km"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
        "steps": None,
    }


def test_the_issue_s_intervals_field():
    steps, errors = parse_steps("15min Z1, 5x(3min 105% FTP, 2min Z1), 10min Z1")
    assert errors == []
    assert [s.get("kind") for s in steps] == ["warmup", None, "cooldown"]
    assert steps[1]["steps"][0]["intensity"] == {"type": "ftp_percent", "value": 105}
