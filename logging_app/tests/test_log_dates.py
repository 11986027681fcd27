"""A log's time at the ends of the calendar: refused in words on the form and by the API.

Year 1 and year 9999 are valid ISO times, but moving them to UTC (a +05:00 offset, a profile
zone) leaves Python's date range: they must be refused as input, not overflow later.
"""

import json
import uuid

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import endurance_actual
from logging_app.tests.test_foreign_ids import run_post, session_of

pytestmark = pytest.mark.django_db
EDGES = [
    "0001-01-01T00:00",
    "0001-01-01T00:00+05:00",
    "9999-12-31T23:59",
    "9999-12-31T23:59-05:00",
    "1999-12-31T23:59+00:00",
]


@pytest.fixture
def athlete():
    return AthleteFactory(user__time_zone="Asia/Kolkata")


@pytest.mark.parametrize("when", EDGES)
def test_the_form_refuses_a_time_out_of_range_in_words(client, athlete, when):
    session = session_of(athlete)
    client.force_login(athlete.user)

    response = client.post(
        reverse("logging_app:log_session", args=[session.pk]), run_post(completedAt=when)
    )

    assert response.status_code == 422
    assert "Finished at: must be a date and time between 2000 and 2099" in response.content.decode()
    assert not WorkoutLog.objects.exists()


@pytest.mark.parametrize("when", EDGES)
def test_the_api_refuses_a_time_out_of_range_naming_the_field(client, athlete, when):
    session = session_of(athlete)
    client.force_login(athlete.user)
    body = {
        "id": str(uuid.uuid4()),
        "sessionId": str(session.pk),
        "completedAt": when,
        "actualData": endurance_actual(),
    }

    response = client.post(
        reverse("api:workout_logs"), json.dumps(body), content_type="application/json"
    )

    assert response.status_code in (400, 422)
    assert "completedAt" in response.content.decode()
    assert not WorkoutLog.objects.exists()
