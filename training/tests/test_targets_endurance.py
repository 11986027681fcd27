"""Endurance targets: heart-rate zones as bpm, %FTP as watts, pace zones as min/km.

Every expected number is worked out by hand in a comment next to it.
"""

from decimal import Decimal

import pytest

from training.targets import Target, endurance_target, session_targets, threshold_pace
from training.tests.target_cases import MAR, Bench, endurance

# --- heart rate ------------------------------------------------------------------------------

# Upper bounds at 60/70/80/90/100 % of a maximum of 190 bpm, as in the demo data.
HR_ZONES = [Bench(f"HR_zone_{n}", Decimal(b)) for n, b in enumerate([114, 133, 152, 171, 190], 1)]


@pytest.mark.parametrize(
    ("zone", "low", "high"),
    [
        (1, 95, 114),  # 50 % of 190 = 95 … upper of zone 1
        (2, 115, 133),  # upper of zone 1 + 1 = 115 … upper of zone 2
        (5, 172, 190),  # 171 + 1 … 190
    ],
)
def test_heart_rate_zone_is_a_bpm_range(zone, low, high):
    target = endurance_target(endurance(type="heart_rate_zone", zone=zone), HR_ZONES)
    assert (target.low, target.high, target.unit) == (low, high, "bpm")
    assert target.text == f"{low}–{high} bpm"


def test_heart_rate_zone_1_floor_rounds_half_up():
    benchmarks = [Bench("HR_zone_1", Decimal(112)), Bench("HR_zone_5", Decimal(187))]
    # 50 % of 187 = 93.5 → 94.
    target = endurance_target(endurance(type="heart_rate_zone", zone=1), benchmarks)
    assert target.text == "94–112 bpm"


def test_heart_rate_zone_uses_the_newest_bounds():
    benchmarks = [*HR_ZONES, Bench("HR_zone_2", Decimal(138), established_at=MAR)]
    target = endurance_target(endurance(type="heart_rate_zone", zone=2), benchmarks)
    assert target.text == "115–138 bpm"


@pytest.mark.parametrize(
    ("zone", "present", "missing"),
    [
        (2, [2], "heart-rate zone 1 upper bound"),
        (2, [], "heart-rate zone 1 and 2 upper bounds"),
        (1, [1], "heart-rate zone 5 upper bound"),
        (1, [2, 3, 4], "heart-rate zone 1 and 5 upper bounds"),
    ],
)
def test_missing_heart_rate_bounds_are_named(zone, present, missing):
    benchmarks = [b for b in HR_ZONES if int(b.metric_type[-1]) in present]
    target = endurance_target(endurance(type="heart_rate_zone", zone=zone), benchmarks)
    assert (target.text, target.missing, target.low) == (f"Zone {zone}", missing, None)


# --- FTP ---------------------------------------------------------------------------------------


def test_ftp_percent_is_whole_watts():
    # 280 × 0.88 = 246.4 → 246 W.
    target = endurance_target(endurance(type="ftp_percent", value=88), [Bench("FTP", Decimal(280))])
    assert (target.text, target.watts, target.exact_watts) == ("246 W", 246, Decimal("246.4"))


def test_ftp_watts_round_half_up():
    # 250 × 0.902 = 225.5 → 226 W.
    target = endurance_target(
        endurance(type="ftp_percent", value=90.2), [Bench("FTP", Decimal(250))]
    )
    assert target.watts == 226


def test_missing_ftp():
    target = endurance_target(endurance(type="ftp_percent", value=88), HR_ZONES)
    assert (target.text, target.missing, target.watts) == ("88% FTP", "FTP", None)


# --- pace ----------------------------------------------------------------------------------------

PACE_10K = Bench("pace_10k", Decimal(270))  # 4:30 /km → threshold 270 + 7 = 277 s/km


def pace(zone, benchmarks):
    return endurance_target(endurance(type="pace_zone", zone=zone), benchmarks)


def test_pace_zone_range_faster_bound_first():
    # 277 × 1.06 = 293.62 → 294 = 4:54; 277 × 1.13 = 313.01 → 313 = 5:13.
    target = pace(3, [PACE_10K])
    assert (target.low, target.high, target.unit) == (294, 313, "s/km")
    assert target.text == "4:54–5:13 /km"


def test_pace_zone_1_is_open_towards_slower():
    # 277 × 1.29 = 357.33 → 357 = 5:57.
    target = pace(1, [PACE_10K])
    assert (target.low, target.high) == (357, None)
    assert target.text == "slower than 5:57 /km"


def test_pace_zone_5_is_open_towards_faster():
    # 277 × 0.99 = 274.23 → 274 = 4:34.
    target = pace(5, [PACE_10K])
    assert (target.low, target.high) == (None, 274)
    assert target.text == "faster than 4:34 /km"


def test_pace_from_5k_when_no_10k():
    # 260 + 15 = 275; 275 × 1.14 = 313.5 → 314 (half up) = 5:14; 275 × 1.29 = 354.75 → 355 = 5:55.
    target = pace(2, [Bench("pace_5k", Decimal(260))])
    assert target.text == "5:14–5:55 /km"


def test_pace_from_half_marathon_as_is():
    # 290; 290 × 0.99 = 287.1 → 287 = 4:47; 290 × 1.05 = 304.5 → 305 = 5:05.
    target = pace(4, [Bench("pace_half_marathon", Decimal(290))])
    assert target.text == "4:47–5:05 /km"


def test_10k_pace_comes_before_5k_pace():
    benchmarks = [PACE_10K, Bench("pace_5k", Decimal(250), established_at=MAR)]
    assert threshold_pace(benchmarks) == Decimal(277)


def test_missing_pace():
    target = pace(3, [Bench("FTP", Decimal(280))])
    assert (target.text, target.missing) == ("Pace zone 3", "10 km, 5 km or half-marathon pace")


@pytest.mark.parametrize(
    ("intensity", "text"),
    [
        ({"type": "power_zone", "zone": 2}, "power zone 2"),
        ({"type": "heart_rate_zone", "zone": 7}, "Zone 7"),
        ({"type": "pace_zone"}, "pace zone"),
        ({"type": "ftp_percent", "value": "lots"}, "ftp percent lots"),
    ],
)
def test_unknown_endurance_intensity_is_shown_as_written(intensity, text):
    target = endurance_target({"intensity": intensity}, [*HR_ZONES, PACE_10K])
    assert (target.text, target.missing) == (text, None)


def test_endurance_session_with_ftp_percent():
    # 300 × 0.75 = 225 W.
    targets = session_targets(
        "endurance", endurance(type="ftp_percent", value=75), [Bench("FTP", Decimal(300))]
    )
    assert targets == [Target("225 W", unit="W", watts=225, exact_watts=Decimal(225))]
