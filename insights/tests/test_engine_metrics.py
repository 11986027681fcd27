"""Load, adherence and whole-week metrics of insights/engine against values worked out by
hand (arithmetic in comments).

Strength and endurance metrics are in test_engine_strength.py and test_engine_endurance.py.
No database: the engine is pure, so these are plain functions over plain dataclasses.
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from insights.engine import metrics
from insights.engine.analysis import analyse
from insights.engine.inputs import Benchmark, Logged, Planned, Week
from insights.engine.notes import pain_words
from insights.tests.engine_cases import (
    MONDAY,
    SQUAT,
    endurance_log,
    lift,
    on,
    run_rx,
    rx_lift,
    strength_log,
)

# --- Adherence ---------------------------------------------------------------------------


def test_adherence_is_done_over_planned_to_three_places():
    # 2 of 3 → 0.6666… → 0.667; nothing planned → no ratio at all.
    assert metrics.adherence(2, 3) == Decimal("0.667")
    assert metrics.adherence(0, 0) is None
    assert metrics.adherence(4, 4) == Decimal("1.000")


def test_a_log_counts_as_done_even_when_cut_short():
    sessions = [
        Planned("a", on(0), "endurance", run_rx(zone=2)),
        Planned("b", on(2), "strength", {}),
    ]
    stopped = Logged("a", on(0), "endurance", {"modality": "run", "completed": False}, 6)
    assert metrics.done_sessions(sessions, [stopped]) == [sessions[0]]
    assert metrics.missed_sessions(sessions, [stopped]) == [sessions[1]]


def test_missed_sessions_by_type_and_weekday():
    missed = [
        Planned("a", on(1), "endurance", {}),
        Planned("b", on(3), "endurance", {}),
        Planned("c", on(1), "strength", {}),
    ]
    assert metrics.missed_by_type(missed) == {"endurance": 2, "strength": 1}
    assert metrics.missed_by_weekday(missed) == {"Tuesday": 2, "Thursday": 1}


# --- Session load ------------------------------------------------------------------------


def test_session_minutes_convert_hours_and_fall_back_to_the_plan():
    assert metrics.session_minutes(endurance_log(value=1.5, unit="hours")) == 90  # 1.5 × 60
    logged = strength_log(duration={"value": 50, "unit": "minutes"}, planned=60)
    assert metrics.session_minutes(logged) == 50
    assert metrics.session_minutes(strength_log(planned=60)) == 60
    assert metrics.session_minutes(strength_log(planned=None)) is None


def test_session_load_is_rpe_times_minutes():
    assert metrics.session_load(endurance_log(value=1.5, unit="hours", rpe=7)) == 630  # 7 × 90
    assert metrics.session_load(endurance_log(rpe=None)) is None
    assert metrics.session_load(strength_log(planned=None)) is None


def test_daily_and_weekly_load():
    logs = [
        strength_log(0, rpe=8, planned=60),  # Mon 480
        endurance_log(0, value=30, rpe=4),  # Mon 120 → 600
        endurance_log(2, value=45, rpe=6),  # Wed 270
        endurance_log(3, rpe=None),  # no RPE: left out
        endurance_log(7, rpe=9),  # next Monday: outside the week
    ]
    daily = metrics.daily_loads(logs, MONDAY)
    assert daily == [600, 0, 270, 0, 0, 0, 0]
    assert metrics.weekly_load(daily) == 870
    assert metrics.without_rpe(logs) == 1


def test_monotony_and_strain():
    # Four days of 100, three of 0: mean 400/7, population SD 100·√(4/7 · 3/7), so
    # mean ÷ SD = √(4/3) = 1.1547; strain = 400 × 1.1547 = 461.9.
    daily = [100, 0, 100, 0, 100, 0, 100]
    assert metrics.monotony(daily) == pytest.approx(1.154700, abs=1e-6)
    assert metrics.strain(400, metrics.monotony(daily)) == pytest.approx(461.88, abs=0.01)


@pytest.mark.parametrize("daily", [[50] * 7, [0] * 7, []])
def test_monotony_without_spread_is_none(daily):
    assert metrics.monotony(daily) is None
    assert metrics.strain(350, metrics.monotony(daily)) is None


# --- Acute:chronic ratio -------------------------------------------------------------------


def test_acwr_needs_28_days_of_history():
    assert metrics.acwr([100] * 34, history_days=27) is None
    assert metrics.chronic_weekly_load([100] * 34, history_days=27) is None


def test_acwr_of_a_constant_load_is_one():
    # 28 days of history + 7 of this week, all 100: both averages stay at their seed, 100.
    assert metrics.acwr([100.0] * 35, history_days=28) == pytest.approx(1.0)
    assert metrics.chronic_weekly_load([100.0] * 35, history_days=28) == pytest.approx(700)


def test_acwr_after_a_doubled_week():
    # From a seed s, k days of x give x + (s − x)(1 − λ)^k. With s = 100 and x = 200 on
    # days k = 1..7: acute_k = 200 − 100 × 0.75^k, chronic_k = 200 − 100 × (27/29)^k.
    # Day 1: 125 ÷ 106.90 = 1.169 … day 7: 186.65 ÷ 139.36 = 1.339; the mean of the seven
    # is 1.308: doubling one week is not yet a 1.5 jump.
    ratio = metrics.acwr([100.0] * 28 + [200.0] * 7, history_days=28)
    daily = [(200 - 100 * 0.75**k) / (200 - 100 * (27 / 29) ** k) for k in range(1, 8)]
    assert ratio == pytest.approx(sum(daily) / 7)
    assert daily[0] == pytest.approx(1.1694, abs=1e-4)
    assert daily[-1] == pytest.approx(1.3394, abs=1e-4)
    assert ratio == pytest.approx(1.308, abs=1e-3)


def test_percentile_and_strain_threshold():
    # 90th percentile of 1..5: position 0.9 × 4 = 3.6 → 4 + 0.6 × (5 − 4) = 4.6.
    assert metrics.percentile([5, 1, 4, 2, 3], 90) == pytest.approx(4.6)
    assert metrics.strain_threshold([1, 2, 3]) is None  # under 4 weeks
    assert metrics.strain_threshold([1, 2, 3, 4, 5]) == pytest.approx(4.6)


def test_history_strains_are_whole_weeks_before_monday():
    # 9 days of history: one whole week (the 7 days before Monday) and 2 days left over.
    week = [100, 0, 100, 0, 100, 0, 100]
    series = [999, 999, *week, *[0] * 7]
    assert metrics.history_strains(series, history_days=9) == [pytest.approx(461.88, abs=0.01)]


# --- Notes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("Left knee hurt on the last set", ("hurt",)),
        ("Felt sick, stopped early. Sore throat", ("sick", "sore")),
        ("No pain today, all good", ()),
        ("knee didn't hurt at all, pain-free", ()),
        ("no knee pain", ()),
        ("Still painted the fence after", ()),
        (None, ()),
    ],
)
def test_pain_words(note, words):
    assert pain_words(note) == words


# --- Whole weeks ---------------------------------------------------------------------------


def test_an_empty_week():
    result = analyse(Week(week_start=MONDAY))
    assert result.adherence == Decimal("0.000")
    assert (result.planned_count, result.done_count) == (0, 0)
    assert result.total_volume == {"strength": "0kg", "endurance": "0min"}
    assert result.daily_load == (0, 0, 0, 0, 0, 0, 0)
    assert (result.weekly_load, result.monotony, result.strain, result.acwr) == (
        0,
        None,
        None,
        None,
    )
    assert result.patterns == [] and result.suggestions == []
    assert "No sessions were logged" in result.fatigue_analysis


def test_a_partial_week_with_a_session_without_rpe():
    sessions = [
        Planned("a", on(0), "strength", {"exercises": [rx_lift(SQUAT, 5, "rpe", 8)]}, 60),
        Planned("b", on(2), "endurance", run_rx(45, type="heart_rate_zone", zone=2)),
        Planned("c", on(4), "endurance", run_rx(45, type="heart_rate_zone", zone=2)),
    ]
    logs = [
        strength_log(0, lift(SQUAT, 100, 5, 8, sets=3), rpe=7, planned=60, sid="a"),
        replace(endurance_log(2, 40, rpe=None, rx=sessions[1].prescription), session_id="b"),
    ]
    result = analyse(Week(MONDAY, sessions, logs, exercise_names={SQUAT: "Back squat"}))
    # 2 of 3 → 0.667; only the strength log has an RPE: 7 × 60 = 420 on Monday.
    assert result.adherence == Decimal("0.667")
    assert (result.planned_count, result.done_count) == (3, 2)
    assert result.daily_load == (420, 0, 0, 0, 0, 0, 0)
    assert result.sessions_without_rpe == 1
    # 3 × 100 × 5 = 1500 kg; 40 run minutes.
    assert result.total_volume == {
        "strength": "1500kg",
        "endurance": "40min",
        "byModality": {"run": {"minutes": 40.0}},
    }
    assert "1 session had no RPE" in result.fatigue_analysis
    assert "not enough history" in result.fatigue_analysis
    assert any("endurance on Friday" in pattern for pattern in result.patterns)


def test_benchmarks_after_the_week_are_ignored():
    later = Benchmark("1RM", Decimal(200), SQUAT, on(10))
    week = Week(MONDAY, benchmarks=[later])
    assert analyse(week).findings == ()


def test_week_must_start_on_a_monday():
    with pytest.raises(ValueError, match="Monday"):
        Week(week_start=on(1))
