"""A coach's programs are in their data export, and nobody else's."""

import pytest

from accounts.export import personal_data
from accounts.tests.factories import CoachFactory
from training.tests.programs.conftest import make_program

pytestmark = pytest.mark.django_db


def test_the_coach_s_programs_are_exported_with_their_sessions(program, coach):
    make_program(CoachFactory(), "Week 1\nMon\n  Run 30min Z2\n", name="Not mine")
    (exported,) = personal_data(coach.user)["programs"]
    assert (exported["name"], exported["weeks"], len(exported["sessions"])) == ("Base block", 3, 5)
    assert exported["sessions"][0]["week"] == 1 and "prescription" in exported["sessions"][0]


def test_an_athlete_has_no_programs(athlete):
    assert personal_data(athlete.user)["programs"] == []
