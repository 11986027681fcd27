"""What every benchmark page test starts from: an athlete, their coach signed in, an exercise."""

import pytest

from accounts.tests.factories import AthleteFactory
from training.tests.factories import ExerciseFactory


@pytest.fixture
def athlete():
    return AthleteFactory()


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.fixture
def squat():
    return ExerciseFactory(name="Back Squat")
