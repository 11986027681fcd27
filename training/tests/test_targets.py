"""Strength targets and the benchmark index: pure functions, so no database here.
Endurance targets are in test_targets_endurance.py.

Every expected number is worked out by hand in a comment next to it.
"""

import dataclasses
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from training.targets import (
    Benchmarks,
    Target,
    endurance_target,
    load_from_percent,
    newest_benchmarks,
    round_load,
    session_targets,
    strength_targets,
)
from training.tests.target_cases import (
    BENCH,
    JAN,
    MAR,
    NAMES,
    SQUAT,
    Bench,
    endurance,
    item,
    one_rm,
    only,
    strength,
)

# --- %1RM ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one_rep_max", "percent", "exact", "kg", "text"),
    [
        (140, 75, "105", "105", "105 kg"),  # 140 × 0.75 = 105 → 42 steps of 2.5 → 105
        (98, 75, "73.5", "72.5", "72.5 kg"),  # 73.5 / 2.5 = 29.4 → 29 → 72.5
        (101, 75, "75.75", "75", "75 kg"),  # 75.75 / 2.5 = 30.3 → 30 → 75
        (125, 75, "93.75", "95", "95 kg"),  # 93.75 / 2.5 = 37.5, half way → up to 38 → 95
        (100, 72.5, "72.5", "72.5", "72.5 kg"),  # 100 × 0.725 = 72.5 → 29 steps exactly
    ],
)
def test_percent_1rm_rounds_half_up_to_2_5_kg(one_rep_max, percent, exact, kg, text):
    target = only(strength_targets(strength(item("percent_1rm", percent)), [one_rm(one_rep_max)]))
    assert target.exact_kg == Decimal(exact)
    assert target.kg == Decimal(kg)
    assert target.text == text
    assert target.unit == "kg"
    assert target.percent_1rm == Decimal(str(percent))
    assert target.missing is None


def test_one_target_per_exercise_in_order():
    prescription = strength(
        item("percent_1rm", 80, exercise=BENCH), item("percent_1rm", 75, exercise=SQUAT)
    )
    benchmarks = [one_rm(140, SQUAT), one_rm(100, BENCH)]
    # Bench 100 × 0.8 = 80; squat 140 × 0.75 = 105.
    texts = [t.text for t in strength_targets(prescription, benchmarks, NAMES)]
    assert texts == ["80 kg", "105 kg"]


def test_missing_1rm_shows_the_prescription_and_names_the_exercise():
    prescription = strength(item("percent_1rm", 75), item("percent_1rm", 72.5, exercise=BENCH))
    squat, bench = strength_targets(prescription, [one_rm(150, exercise=uuid.uuid4())], NAMES)
    assert (squat.text, squat.missing, squat.kg) == ("75% 1RM", "1RM for Back Squat", None)
    assert (bench.text, bench.missing) == ("72.5% 1RM", "1RM for Bench Press")


def test_missing_1rm_without_names_falls_back():
    target = only(strength_targets(strength(item("percent_1rm", 75)), []))
    assert target.missing == "1RM for this exercise"


def test_names_keyed_by_string_ids_work_too():
    target = only(strength_targets(strength(item("percent_1rm", 75)), [], {str(SQUAT): "Squat"}))
    assert target.missing == "1RM for Squat"


# --- newest benchmark ------------------------------------------------------------------------


def test_newer_lower_1rm_beats_older_higher_one():
    benchmarks = [one_rm(140, established_at=MAR), one_rm(160, established_at=JAN)]
    # 140 × 0.75 = 105 (the older 160 would give 120).
    target = only(strength_targets(strength(item("percent_1rm", 75)), benchmarks))
    assert target.kg == Decimal(105)


def test_same_date_newest_created_at_wins():
    earlier = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    later = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    benchmarks = [
        one_rm(100, established_at=MAR, created_at=later),
        one_rm(160, established_at=MAR, created_at=earlier),
    ]
    # 100 × 0.75 = 75.
    target = only(strength_targets(strength(item("percent_1rm", 75)), benchmarks))
    assert target.kg == Decimal(75)


def test_newest_is_per_metric_and_exercise():
    newest = newest_benchmarks(
        [one_rm(100, SQUAT), one_rm(80, BENCH, established_at=MAR), Bench("FTP", Decimal(250))]
    )
    assert set(newest) == {("1RM", str(SQUAT)), ("1RM", str(BENCH)), ("FTP", None)}


def test_an_index_built_once_can_serve_many_sessions():
    index = Benchmarks([one_rm(140), Bench("FTP", Decimal(280))])
    assert Benchmarks.of(index) is index
    assert only(strength_targets(strength(item("percent_1rm", 75)), index)).text == "105 kg"
    assert endurance_target(endurance(type="ftp_percent", value=88), index).text == "246 W"
    # newest_benchmarks()' dict is accepted as it is.
    by_dict = strength_targets(strength(item("percent_1rm", 75)), newest_benchmarks([one_rm(140)]))
    assert only(by_dict).text == "105 kg"


# --- RPE ---------------------------------------------------------------------------------------


def test_rpe_with_a_1rm_adds_a_load_from_the_chart():
    # RPE 8 × 1 rep = 92.2 %; 100 × 0.922 = 92.2 → 36.88 steps → 37 → 92.5.
    target = only(strength_targets(strength(item("rpe", 8, reps=1)), [one_rm(100)]))
    assert target.text == "RPE 8 · ≈ 92.5 kg"
    assert target.percent_1rm == Decimal("92.2")
    assert target.exact_kg == Decimal("92.2")
    assert target.kg == Decimal("92.5")
    assert target.missing is None


def test_rpe_chart_lookup_by_reps():
    # RPE 8 × 5 reps = 81.1 %; 140 × 0.811 = 113.54 → 45.416 steps → 45 → 112.5.
    target = only(strength_targets(strength(item("rpe", 8, reps=5)), [one_rm(140)]))
    assert (target.percent_1rm, target.kg) == (Decimal("81.1"), Decimal("112.5"))


@pytest.mark.parametrize(
    ("rpe", "reps", "percent", "kg"),
    [
        # RPE 7.5 × 5: (78.6 + 81.1) / 2 = 79.85 %; 200 × 0.7985 = 159.7 → 63.88 → 64 → 160.
        (7.5, 5, "79.85", "160"),
        # RPE 9.5 × 3: (89.2 + 92.2) / 2 = 90.7 %; 200 × 0.907 = 181.4 → 72.56 → 73 → 182.5.
        (9.5, 3, "90.7", "182.5"),
        # RPE 6.5 × 10: (62.6 + 65.3) / 2 = 63.95 %; 200 × 0.6395 = 127.9 → 51.16 → 51 → 127.5.
        (6.5, 10, "63.95", "127.5"),
    ],
)
def test_rpe_half_points_sit_halfway_between_rows(rpe, reps, percent, kg):
    target = only(strength_targets(strength(item("rpe", rpe, reps=reps)), [one_rm(200)]))
    assert target.percent_1rm == Decimal(percent)
    assert target.kg == Decimal(kg)
    assert target.text == f"RPE {rpe} · ≈ {kg} kg"


@pytest.mark.parametrize(
    ("rpe", "reps", "percent"),
    [(10, 1, "100"), (10, 10, "73.9"), (6, 1, "86.3"), (6, 10, "62.6")],
)
def test_rpe_chart_corners(rpe, reps, percent):
    target = only(strength_targets(strength(item("rpe", rpe, reps=reps)), [one_rm(100)]))
    assert target.percent_1rm == Decimal(percent)


@pytest.mark.parametrize(
    ("rpe", "reps", "text"),
    [(8, 12, "RPE 8"), (5, 5, "RPE 5"), (5.5, 3, "RPE 5.5")],
)
def test_rpe_outside_the_chart_is_just_the_rpe(rpe, reps, text):
    target = only(strength_targets(strength(item("rpe", rpe, reps=reps)), [one_rm(140)]))
    assert (target.text, target.kg, target.missing) == (text, None, None)


def test_rpe_without_a_1rm_is_complete_as_written():
    target = only(strength_targets(strength(item("rpe", 8)), []))
    assert (target.text, target.kg, target.missing) == ("RPE 8", None, None)


# --- odd prescriptions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intensity", "text"),
    [
        ({"type": "tempo", "value": 3}, "tempo 3"),
        ({"type": "percent_1rm"}, "percent 1rm"),
        ({}, "—"),
        (None, "—"),
    ],
)
def test_unknown_strength_intensity_is_shown_as_written(intensity, text):
    prescription = {"exercises": [{"exerciseId": str(SQUAT), "sets": 3, "reps": 5}]}
    prescription["exercises"][0]["intensity"] = intensity
    target = only(strength_targets(prescription, [one_rm(140)]))
    assert (target.text, target.missing, target.kg) == (text, None, None)


def test_malformed_prescriptions_do_not_crash():
    assert strength_targets({}, []) == []
    assert strength_targets(None, []) == []
    assert endurance_target({}, []).text == "—"


# --- sessions ------------------------------------------------------------------------------------


def test_strength_session_dispatches_per_exercise():
    prescription = strength(item("percent_1rm", 75), item("rpe", 8, exercise=BENCH))
    targets = session_targets("strength", prescription, [one_rm(140)], NAMES)
    assert [t.text for t in targets] == ["105 kg", "RPE 8"]


def test_unknown_session_type_has_no_targets():
    assert session_targets("yoga", {}, []) == []


def test_targets_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Target("105 kg").text = "110 kg"


# --- the helpers the demo data uses --------------------------------------------------------------


def test_round_load_and_load_from_percent_keep_their_behaviour():
    assert round_load(93.75) == Decimal("95.0")
    assert round_load(Decimal("73.5")) == Decimal("72.5")
    assert load_from_percent(140, 75) == Decimal("105.0")
    assert load_from_percent("101", "75") == Decimal("75.0")
