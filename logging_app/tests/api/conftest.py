"""What every test of the sync API (logging_app/api.py) starts from: a session to log, a
strength session, and its athlete signed in."""

import pytest

from training.models import SessionType
from training.tests.factories import ExerciseFactory, TrainingSessionFactory, strength_prescription


@pytest.fixture
def session():
    return TrainingSessionFactory()


@pytest.fixture
def strength_session():
    exercise = ExerciseFactory()
    return TrainingSessionFactory(
        type=SessionType.STRENGTH, prescription=strength_prescription(exercise.pk)
    )


@pytest.fixture
def athlete_client(client, session):
    client.force_login(session.plan.athlete.user)
    return client
