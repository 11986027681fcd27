"""The plain log form posted with ids that are not the athlete's: refused, nothing touched."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def session_of(athlete):
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    return TrainingSessionFactory(plan=plan, date=today)


def run_post(**overrides):
    return {
        "completedAt": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "rpe": "6",
        "actualData.modality": "run",
        "actualData.duration.value": "30",
        "actualData.duration.unit": "minutes",
        "actualData.completed": "true",
        **overrides,
    }


def test_another_athletes_log_id_is_refused_and_left_alone(client):
    mine, theirs = AthleteFactory(user__time_zone="UTC"), AthleteFactory(user__time_zone="UTC")
    session = session_of(mine)
    foreign = WorkoutLogFactory(session=session_of(theirs), athlete=theirs, rpe=3)
    client.force_login(mine.user)

    response = client.post(
        reverse("logging_app:log_session", args=[session.pk]), run_post(id=str(foreign.pk))
    )

    assert response.status_code == 422
    assert "Log id: already used by another log; save again." in response.content.decode()
    assert str(foreign.pk) not in response.content.decode()  # a fresh id for the next try
    foreign.refresh_from_db()
    assert (foreign.athlete, foreign.rpe) == (theirs, 3)
    assert not WorkoutLog.objects.filter(athlete=mine).exists()
