"""Strength metrics of insights/engine against values worked out by hand (arithmetic in
comments): tonnage, estimated 1RM, ΔRPE against the plan, skipped and changed lifts."""

from decimal import Decimal

import pytest

from insights.engine import strength
from insights.tests.engine_cases import (
    BENCH,
    ROW,
    SQUAT,
    endurance_log,
    lift,
    rx_lift,
    strength_log,
)

# --- Strength ------------------------------------------------------------------------------


def test_tonnage_sums_weight_times_reps_of_exercises_done():
    # 2 × 100 × 5 + 60 × 10 = 1600; the skipped row counts nothing.
    log = strength_log(
        0, lift(SQUAT, 100, 5, sets=2), lift(ROW, 60, 10), lift(BENCH, 80, 5, skipped=True)
    )
    assert strength.tonnage([log, endurance_log()]) == 1600


def test_epley_and_brzycki():
    assert strength.epley(100, 5) == pytest.approx(116.667, abs=1e-3)  # 100 × (1 + 5/30)
    assert strength.brzycki(100, 5) == pytest.approx(112.5)  # 100 × 36/32
    assert strength.epley(100, 1) == strength.brzycki(100, 1) == 100
    assert strength.epley(90, 10) == pytest.approx(strength.brzycki(90, 10))  # both 120


def test_set_e1rm_uses_the_rpe_chart_when_trusted():
    assert strength.set_e1rm(100, 5) == pytest.approx(116.667, abs=1e-3)  # Epley
    assert strength.set_e1rm(100, 11) is None  # beyond 10 reps
    assert strength.set_e1rm(140, 3, 8) == pytest.approx(162.22, abs=0.01)  # 140 ÷ 0.863
    # RPE 8.5 × 3: halfway between 86.3 and 89.2 = 87.75 % → 140 ÷ 0.8775 = 159.54.
    assert strength.set_e1rm(140, 3, 8.5) == pytest.approx(159.54, abs=0.01)
    assert strength.set_e1rm(140, 3, 6) is None  # RPE under 7: not trusted
    assert strength.set_e1rm(100, 8, 9) is None  # over 6 reps with an RPE: not trusted


def test_session_best_e1rm_and_change_against_the_benchmark():
    logs = [
        strength_log(0, lift(SQUAT, 140, 3, 8), lift(SQUAT, 130, 3, 7)),  # 162.22 best
        strength_log(3, lift(SQUAT, 100, 5)),  # Epley 116.67
    ]
    bests = strength.session_best_e1rms(logs)
    assert [round(e, 2) for _, e in bests[SQUAT]] == [162.22, 116.67]
    # median (162.22 + 116.67)/2 = 139.44; ÷ 130 − 1 = 0.0726
    change = strength.e1rm_change(bests[SQUAT], Decimal(130))
    assert change == pytest.approx(0.0726, abs=1e-4)


def test_expected_rpe_reads_the_chart_backwards():
    # 80 % × 5: between RPE 8 (81.1) and 7 (78.6): 8 − 1.1/2.5 = 7.56.
    assert strength.expected_rpe(80, 5) == pytest.approx(7.56)
    assert strength.expected_rpe(81.1, 5) == pytest.approx(8.0)  # on the RPE 8 row
    assert strength.expected_rpe(86.3, 5) == pytest.approx(10.0)  # a 5-rep max
    # 75 % × 5 lies below the printed rows: along the chart's diagonal, 5 reps at RPE 5
    # is 9 + 1 reps possible = 73.9 %, at RPE 6 76.2 %: 6 − 1.2/2.3 = 5.478.
    assert strength.expected_rpe(75, 5) == pytest.approx(5.478, abs=1e-3)
    assert strength.expected_rpe(90, 5) is None  # heavier than RPE 10
    assert strength.expected_rpe(70, 12) is None  # off the chart's 10 reps


def test_rpe_deltas_against_percent_and_rpe_prescriptions():
    rx = {
        "exercises": [
            rx_lift(SQUAT, 5, "percent_1rm", 80),
            rx_lift(BENCH, 5, "rpe", 8),
            rx_lift(ROW, 10, "rpe", 7),
        ]
    }
    log = strength_log(
        0,
        {"exerciseId": SQUAT, "sets": [{"weight": 112, "reps": 5, "rpe": 9}]},
        lift(BENCH, 80, 5, 9),
        lift(ROW, 60, 10, 9, modified=True),  # changed: not compared
        rx=rx,
    )
    deltas = strength.rpe_deltas(log)
    # squat 9 − 7.56 = +1.44; bench 9 − 8 = +1.
    assert {d.exercise_id: d.delta for d in deltas} == {
        SQUAT: pytest.approx(1.44),
        BENCH: pytest.approx(1.0),
    }
    second = strength_log(3, lift(SQUAT, 112, 5, 7), lift(BENCH, 80, 5, 8), rx=rx)
    # squat: median of +1.44 and 7 − 7.56 = −0.56 → +0.44; bench: median of +1 and 0 → +0.5.
    by_lift = strength.delta_rpe_by_exercise([*deltas, *strength.rpe_deltas(second)])
    assert by_lift == {SQUAT: pytest.approx(0.44), BENCH: pytest.approx(0.5)}


def test_exercise_changes_include_prescribed_lifts_not_logged():
    rx = {"exercises": [rx_lift(SQUAT, 5, "rpe", 8), rx_lift(BENCH, 5, "rpe", 8)]}
    log = strength_log(0, lift(SQUAT, 100, 5, modified=True), rx=rx)
    changes = [(c.exercise_id, c.change) for c in strength.exercise_changes(log)]
    assert changes == [(SQUAT, "modified"), (BENCH, "skipped")]
