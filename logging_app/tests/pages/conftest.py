"""What every athlete page test starts from: an athlete (in UTC) signed in, this week's plan,
and a strength session today."""

import pytest
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from training.selectors import monday_of
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)


@pytest.fixture
def athlete():
    return AthleteFactory(user__time_zone="UTC")


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def plan(athlete, today):
    return TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))


@pytest.fixture
def squat():
    return ExerciseFactory(name="Back Squat")


@pytest.fixture
def strength_today(plan, today, squat):
    return TrainingSessionFactory(
        plan=plan,
        date=today,
        type="strength",
        focus="Heavy legs",
        prescription=strength_prescription(squat.pk, sets=3, reps=5),
    )


@pytest.fixture
def athlete_client(client, athlete):
    client.force_login(athlete.user)
    return client
