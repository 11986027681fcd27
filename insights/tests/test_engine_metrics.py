"""Each metric of insights/engine against values worked out by hand (arithmetic in comments).

No database: the engine is pure, so these are plain functions over plain dataclasses.
"""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from insights.engine import endurance, metrics, planned, strength
from insights.engine.analysis import analyse
from insights.engine.inputs import Benchmark, Logged, Planned, Week
from insights.engine.notes import pain_words

MONDAY = dt.date(2025, 3, 3)
SQUAT = "11111111-1111-4111-8111-111111111111"
BENCH = "22222222-2222-4222-8222-222222222222"
ROW = "33333333-3333-4333-8333-333333333333"


def on(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def lift(exercise_id, weight, reps, rpe=None, sets=1, **flags):
    return {
        "exerciseId": exercise_id,
        "sets": [{"weight": weight, "reps": reps, "rpe": rpe} for _ in range(sets)],
        **flags,
    }


def strength_log(offset=0, *exercises, rpe=7, duration=None, planned=60, rx=None, sid=None):
    data = {"exercises": list(exercises)}
    if duration is not None:
        data["duration"] = duration
    return Logged(sid, on(offset), "strength", data, rpe, None, planned, rx)


def endurance_log(offset=0, value=60, unit="minutes", rpe=5, modality="run", rx=None, **extra):
    data = {"modality": modality, "duration": {"value": value, "unit": unit}, "completed": True}
    data.update(extra)
    return Logged(None, on(offset), "endurance", data, rpe, None, None, rx)


def rx_lift(exercise_id, reps, kind, value, sets=3):
    return {
        "exerciseId": exercise_id,
        "sets": sets,
        "reps": reps,
        "intensity": {"type": kind, "value": value},
    }


def run_rx(minutes=60, **intensity):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "intensity": intensity,
    }


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


# --- Endurance -----------------------------------------------------------------------------


def test_volume_by_modality_converts_hours_miles_and_meters():
    logs = [
        endurance_log(0, 1.5, "hours", distance={"value": 10, "unit": "miles"}),
        endurance_log(2, 30, distance={"value": 5, "unit": "km"}),
        endurance_log(4, 45, modality="swim", distance={"value": 1500, "unit": "meters"}),
        endurance_log(5, 60, modality="bike"),
    ]
    # run: 90 + 30 = 120 min, 10 × 1.609344 + 5 = 21.09344 km; swim 45 min, 1.5 km.
    assert endurance.volume_by_modality(logs) == {
        "run": {"minutes": 120, "distanceKm": pytest.approx(21.09344)},
        "bike": {"minutes": 60},
        "swim": {"minutes": 45, "distanceKm": pytest.approx(1.5)},
    }
    assert endurance.endurance_minutes(logs) == 225


def test_coggan_levels_and_heart_rate_zones():
    assert [endurance.coggan_level(p) for p in (50, 55, 56, 75, 88, 105, 120, 121)] == [
        *(1, 1, 2, 2, 3, 4, 5, 6)
    ]
    bounds = {1: 120, 2: 140, 3: 155, 4: 170, 5: 185}
    assert [endurance.hr_zone(hr, bounds) for hr in (100, 140, 141, 186)] == [1, 2, 3, 5]
    assert endurance.hr_zone(150, {2: 140}) is None  # needs all five bounds


def test_tss_by_zone_power_and_swim():
    # 1 h at zone 2: 1 × 0.65² × 100 = 42.25.
    assert endurance.tss(endurance_log(rx=run_rx(type="heart_rate_zone", zone=2))) == (
        pytest.approx(42.25)
    )
    # Swim, 1 h at zone 3: 0.83³ × 100 = 57.18.
    swim = endurance_log(modality="swim", rx=run_rx(type="pace_zone", zone=3))
    assert endurance.tss(swim) == pytest.approx(57.1787)
    # Bike 90 min at 200 W, FTP 250: IF 0.8 → 1.5 × 0.64 × 100 = 96.
    ride = endurance_log(value=90, modality="bike", avgPower=200)
    assert endurance.tss(ride, ftp=250) == pytest.approx(96)
    # Logged heart rate 150 is zone 3 of these bounds: 0.5 h × 0.83² × 100 = 34.445.
    bounds = {1: 120, 2: 140, 3: 155, 4: 170, 5: 185}
    run = endurance_log(value=30, avgHeartRate=150, rx=run_rx(type="heart_rate_zone", zone=2))
    assert endurance.tss(run, bounds=bounds) == pytest.approx(34.445)
    # Planned at 88 % FTP, no power logged: IF 0.88 → 1 × 0.7744 × 100.
    assert endurance.tss(endurance_log(rx=run_rx(type="ftp_percent", value=88))) == (
        pytest.approx(77.44)
    )
    assert endurance.tss(endurance_log()) is None  # nothing to estimate an IF from


def test_ctl_atl_and_form():
    # Seeded at 60 (the first week's mean); a day of 102 adds 42/42 = 1 to CTL and 42/7 = 6
    # to ATL: CTL 61, ATL 66, TSB −5; CTL rose by 1 over the last 7 days.
    ctl, atl = endurance.fitness_and_fatigue([60.0] * 28 + [102.0])
    assert (ctl[-1], atl[-1]) == (pytest.approx(61), pytest.approx(66))
    assert endurance.form(ctl, atl) == pytest.approx(-5)
    assert endurance.ctl_ramp(ctl) == pytest.approx(1)


def test_cut_short():
    rx = run_rx(60, type="heart_rate_zone", zone=2)
    assert endurance.cut_short(endurance_log(value=50, rx=rx)) is True  # 50 < 0.9 × 60
    assert endurance.cut_short(endurance_log(value=55, rx=rx)) is False
    assert endurance.cut_short(endurance_log(value=55, rx=rx, completed=False)) is True
    assert endurance.cut_short(endurance_log(value=55)) is None  # no plan to compare


# --- Planned load --------------------------------------------------------------------------


def test_planned_load_per_day():
    sessions = [
        # 60 min × RPE 8 = 480
        Planned("a", on(0), "strength", {"exercises": [rx_lift(SQUAT, 5, "rpe", 8)]}, 60),
        # mean of 7.56 (80 % × 5) and 7 = 7.28; × 60 = 436.8
        Planned(
            "b",
            on(2),
            "strength",
            {"exercises": [rx_lift(SQUAT, 5, "percent_1rm", 80), rx_lift(BENCH, 5, "rpe", 7)]},
            60,
        ),
        # zone 2 → RPE 3; 60 min → 180
        Planned("c", on(2), "endurance", run_rx(60, type="heart_rate_zone", zone=2)),
        # 88 % FTP → Coggan level 3 → RPE 5; 1.5 h → 90 min × 5 = 450
        Planned(
            "d",
            on(5),
            "endurance",
            {
                "modality": "bike",
                "duration": {"value": 1.5, "unit": "hours"},
                "intensity": {"type": "ftp_percent", "value": 88},
            },
        ),
        Planned("e", on(6), "strength", {"exercises": []}, None),  # no minutes: no bar
    ]
    loads = planned.planned_daily_loads(sessions, MONDAY)
    assert loads == [480, 0, pytest.approx(616.8), 0, 0, 450, 0]


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
