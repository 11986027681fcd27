"""The engine refuses numbers it cannot compute with, before any arithmetic, by name."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from insights.engine.analysis import analyse
from insights.engine.bounds import MAX_MAGNITUDE, UnusableNumber
from insights.engine.inputs import Benchmark, Logged, Planned, Week

MONDAY = dt.date(2025, 3, 3)
SQUAT = "11111111-1111-4111-8111-111111111111"


def run_log(distance, *, on=MONDAY, history=False) -> Logged:
    actual = {
        "modality": "run",
        "duration": {"value": 40, "unit": "minutes"},
        "distance": {"value": distance, "unit": "km"},
        "completed": True,
    }
    return Logged(session_id=None, completed_on=on, type="endurance", actual_data=actual, rpe=5)


def lift_log(weight) -> Logged:
    actual = {"exercises": [{"exerciseId": SQUAT, "sets": [{"weight": weight, "reps": 5}]}]}
    return Logged(session_id=None, completed_on=MONDAY, type="strength", actual_data=actual, rpe=7)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1e308, "1e+308"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        (float("-inf"), "-inf"),
        (10**400, "1e+400"),  # an integer too large for a float: compared, never converted
        (MAX_MAGNITUDE + 1, "10000001"),
    ],
)
def test_a_logged_number_the_analysis_cannot_use_is_refused_by_name(value, shown):
    week = Week(week_start=MONDAY, logs=[run_log(8.0), run_log(value, on=MONDAY)])

    with pytest.raises(UnusableNumber) as refused:
        analyse(week)

    assert str(refused.value).startswith(f"log of {MONDAY}: actualData.distance.value is {shown}")


def test_numbers_in_lists_history_prescriptions_and_benchmarks_are_checked_too():
    earlier = MONDAY - dt.timedelta(days=3)
    cases = {
        "actualData.exercises[0].sets[0].weight is inf": Week(
            week_start=MONDAY, logs=[lift_log(float("inf"))]
        ),
        f"log of {earlier}: actualData.distance.value is nan": Week(
            week_start=MONDAY, logs=[run_log(5.0)], history=[run_log(float("nan"), on=earlier)]
        ),
        f"plan of {MONDAY}: prescription.duration.value is 1e+300": Week(
            week_start=MONDAY,
            planned=[
                Planned("s1", MONDAY, "endurance", {"duration": {"value": 1e300}}),
            ],
            logs=[run_log(5.0)],
        ),
        f"benchmark 1RM of {MONDAY} is NaN": Week(
            week_start=MONDAY,
            logs=[lift_log(100)],
            benchmarks=[Benchmark("1RM", Decimal("NaN"), SQUAT, MONDAY)],
        ),
    }
    for message, week in cases.items():
        with pytest.raises(UnusableNumber, match=re.escape(message)):
            analyse(week)


def test_realistic_extremes_still_analyse():
    week = Week(week_start=MONDAY, logs=[run_log(1000.0), lift_log(600)])

    assert analyse(week).total_volume["strength"] == "3000kg"


def test_a_bad_number_behind_the_quick_check_is_still_named_by_its_path():
    # The check of every number takes a short cut for dicts, lists, ints and floats; other
    # shapes (a tuple, a Decimal, a bool beside them) go the long way and are judged alike.
    actual = {
        "modality": "run",
        "completed": True,
        "splits": [{"laps": (1, 2, Decimal("Infinity"))}],
    }
    week = Week(
        week_start=MONDAY,
        logs=[Logged(session_id=None, completed_on=MONDAY, type="endurance", actual_data=actual)],
    )

    with pytest.raises(UnusableNumber) as refused:
        analyse(week)

    assert str(refused.value).startswith(
        f"log of {MONDAY}: actualData.splits[0].laps[2] is Infinity"
    )


def test_a_week_of_usable_numbers_of_every_shape_is_not_refused():
    actual = {
        "modality": "run",
        "completed": True,
        "duration": {"value": 40, "unit": "minutes"},
        "splits": [{"laps": (1, 2.5, Decimal("3.5"))}, None, "text", -MAX_MAGNITUDE],
    }
    week = Week(
        week_start=MONDAY,
        logs=[Logged(session_id=None, completed_on=MONDAY, type="endurance", actual_data=actual)],
    )

    assert analyse(week).total_volume["endurance"] == "40min"
