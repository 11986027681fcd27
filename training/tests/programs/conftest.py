"""A coach's catalog, an athlete with benchmarks, and a 3-week program holding the issue's
5-session week (week 2 a rest week), for the programs' service, view and model tests."""

from datetime import timedelta

import pytest

from accounts.tests.factories import AthleteFactory
from training.programs import services
from training.programs.text import parse_program
from training.tests.factories import this_monday
from training.tests.text.conftest import athlete, catalog  # noqa: F401 (fixtures)
from training.tests.text.test_parse_week import ISSUE_WEEK
from training.text import ExerciseNames

PROGRAM_TEXT = f"Week 1\n{ISSUE_WEEK}Week 2\nWeek 3\nWed Easy\n  Run 30min Z2\n"


def next_monday():
    return this_monday() + timedelta(weeks=1)


def make_program(coach, text=PROGRAM_TEXT, name="Base block"):
    read = parse_program(text, ExerciseNames.for_coach(coach))
    assert read.ok, read.errors
    return services.save_program(coach=coach, program=None, name=name, description="", read=read)


@pytest.fixture
def coach(athlete):  # noqa: F811 (the imported fixture)
    return athlete.coach


@pytest.fixture
def program(coach):
    return make_program(coach)


@pytest.fixture
def second_athlete(coach):
    return AthleteFactory(name="Blake Chen", coach=coach)


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach.user)
    return client
