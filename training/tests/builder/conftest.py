"""What every plan builder test starts from: an athlete, their coach signed in, a plan for
the week of MONDAY."""

import pytest

from accounts.tests.factories import AthleteFactory
from training.tests.builder.posts import MONDAY
from training.tests.factories import TrainingPlanFactory


@pytest.fixture
def athlete():
    return AthleteFactory(name="Alex Kim")


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.fixture
def plan(athlete):
    return TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
