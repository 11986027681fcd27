"""Endurance and planned-load metrics of insights/engine against values worked out by hand
(arithmetic in comments): volume, zones, TSS, CTL/ATL/TSB, cut short, planned load per day."""

import pytest

from insights.engine import endurance, planned
from insights.engine.inputs import Planned
from insights.tests.engine_cases import BENCH, MONDAY, SQUAT, endurance_log, on, run_rx, rx_lift

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


def test_sessions_and_logs_read_their_prescription_typed():
    session = Planned("a", on(0), "endurance", run_rx(45, type="pace_zone", zone=3))
    assert (session.plan.minutes, session.plan.zone) == (45.0, 3)
    assert endurance_log(0).plan.minutes is None  # a log without a planned session
