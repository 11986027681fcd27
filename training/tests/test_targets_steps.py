"""Interval steps' targets (issue 13): each step's intensity resolves from the athlete's
benchmarks as a session's does, ranges and race paces included; a missing benchmark leaves
the step as written and is named, as for any target. Numbers worked out by hand beside them."""

from decimal import Decimal

import pytest

from training.prescription import Intensity
from training.targets import (
    intensity_target,
    missing_benchmarks,
    session_targets,
    step_targets,
)
from training.tests.factories import TRACK_INTERVALS
from training.tests.target_cases import Bench

HR = [Bench(f"HR_zone_{n}", Decimal(b)) for n, b in enumerate([114, 133, 152, 171, 190], 1)]
FTP = [Bench("FTP", Decimal(250))]
PACES = [Bench("pace_5k", Decimal(275)), Bench("pace_10k", Decimal(287))]
ALL = HR + FTP + PACES


def hr(zone, zone_to=None):
    return Intensity("heart_rate_zone", zone=zone, zone_to=zone_to)


@pytest.mark.parametrize(
    ("intensity", "text"),
    [
        (hr(1), "95–114 bpm"),  # 50 % of 190 … zone 1's bound
        (hr(2, 3), "115–152 bpm"),  # zone 1's bound + 1 … zone 3's bound
        (hr(3, 2), "115–152 bpm"),  # a range written backwards reads the same
        (Intensity("ftp_percent", value=105, value_to=110), "263–275 W"),  # 262.5 → 263; 275
        (Intensity("ftp_percent", value=88), "220 W"),
        # threshold = 10 km pace 287 + 7 = 294 s/km; zone 4 is 99–105 % → 291–309 s/km
        (Intensity("pace_zone", zone=4), "4:51–5:09 /km"),
        # zones 3–4: the fast end is zone 4's 99 % (291), the slow end zone 3's 113 % (332)
        (Intensity("pace_zone", zone=3, zone_to=4), "4:51–5:32 /km"),
        (Intensity("race_pace", race="5k"), "4:35 /km"),  # the 5 km benchmark as it is
        (Intensity("race_pace", race="10k"), "4:47 /km"),
    ],
)
def test_a_step_intensity_resolves_from_the_benchmarks(intensity, text):
    target = intensity_target(intensity, ALL)
    assert (target.text, target.missing) == (text, None)


@pytest.mark.parametrize(
    ("intensity", "text", "missing"),
    [
        (hr(2, 3), "Zone 2–3", "heart-rate zone 1 and 3 upper bounds"),
        (Intensity("ftp_percent", value=105, value_to=110), "105–110% FTP", "FTP"),
        (Intensity("pace_zone", zone=2), "Pace zone 2", "10 km, 5 km or half-marathon pace"),
        (Intensity("race_pace", race="half_marathon"), "half-marathon pace", "half-marathon pace"),
    ],
)
def test_without_benchmarks_a_step_reads_as_written_and_names_what_is_missing(
    intensity, text, missing
):
    target = intensity_target(intensity, [])
    assert (target.text, target.missing) == (text, missing)


def test_one_target_per_step_a_repeat_s_steps_once_each():
    assert [t.text for t in step_targets(TRACK_INTERVALS, ALL)] == [
        "95–114 bpm",
        "4:35 /km",
        "95–114 bpm",
    ]


def test_a_stepped_session_without_its_own_intensity_has_an_empty_first_target():
    first, *steps = session_targets("endurance", TRACK_INTERVALS, ALL)
    assert (first.text, first.missing, len(steps)) == ("", None, 3)


def test_missing_benchmarks_include_the_steps():
    assert missing_benchmarks("endurance", TRACK_INTERVALS, set()) == {
        "heart-rate zone 1 and 5 upper bounds",
        "5 km pace",
    }
    has_all = {("HR_zone_1", None), ("HR_zone_5", None), ("pace_5k", None)}
    assert missing_benchmarks("endurance", TRACK_INTERVALS, has_all) == frozenset()
