"""The availability rule the builder, calendar and program application share: a day the
athlete cannot train, more minutes than they have, loaded lifts without a gym."""

from datetime import date, timedelta

from accounts.models import Availability
from training.availability import clashes, describe
from training.models import TrainingSession
from training.tests.factories import endurance_prescription, strength_prescription

MONDAY = date(2026, 11, 30)
EXERCISE = "3f1c1a52-8e0a-4ab3-9d47-0d5b3c3a1e10"


def stated(minutes=(60, 0, 45, 0, 60, 120, 0), gym=True) -> Availability:
    return Availability(minutes_by_weekday=list(minutes), has_gym=gym)


def run(day, minutes, focus="Run") -> TrainingSession:
    duration = {"value": minutes, "unit": "minutes"}
    return TrainingSession(
        date=day,
        type="endurance",
        focus=focus,
        prescription=endurance_prescription(duration=duration),
    )


def lift(day, intensity, minutes=50, focus="Squats") -> TrainingSession:
    prescription = strength_prescription(EXERCISE, intensity=intensity)
    return TrainingSession(
        date=day,
        type="strength",
        focus=focus,
        prescription=prescription,
        estimated_duration=minutes,
    )


def texts(found) -> list[str]:
    return [clash.text for clash in found]


def test_a_week_inside_the_availability_has_no_clash():
    week = [run(MONDAY, 45), lift(MONDAY + timedelta(days=2), {"type": "rpe", "value": 8}, 45)]
    assert clashes(stated(), week, "Alex") == []


def test_a_day_off_and_a_day_too_long_are_named_with_their_dates():
    week = [
        run(MONDAY + timedelta(days=1), 30),  # Tuesday: 0 minutes
        run(MONDAY + timedelta(days=2), 30),
        lift(MONDAY + timedelta(days=2), {"type": "rpe", "value": 8}, 30),  # 60 > 45
    ]
    assert texts(clashes(stated(), week, "Alex")) == [
        "Tuesday 1 Dec: Alex cannot train on Tuesdays.",
        "Wednesday 2 Dec: 60 min planned, Alex has 45 min that day.",
    ]


def test_without_a_gym_only_lifts_at_percent_1rm_clash():
    week = [
        lift(MONDAY, {"type": "percent_1rm", "value": 75}, 40, focus="Lower body"),
        lift(MONDAY + timedelta(days=4), {"type": "rpe", "value": 8}, 40, focus="Pull-ups"),
    ]
    assert texts(clashes(stated(gym=False), week, "Alex")) == [
        "Monday 30 Nov: Lower body has lifts at %1RM, and Alex has no gym."
    ]


def test_nothing_stated_means_no_warning():
    assert clashes(None, [run(MONDAY + timedelta(days=1), 600)], "Alex") == []


def test_the_coach_reads_it_in_one_line():
    assert describe(stated(gym=False)) == "Mon 60 min, Wed 45 min, Fri 60 min, Sat 120 min; no gym."
    assert describe(stated(minutes=(0,) * 7)) == "No day; a gym."
    assert describe(None) == "Not stated yet."
