"""Who may call the sync API, and on whose sessions and logs: JSON answers (401, 403, 404),
never the sign-in page."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import UserRole
from accounts.tests.factories import AthleteFactory, UserFactory
from logging_app.api import log_json
from logging_app.models import WorkoutLog
from logging_app.tests.api.calls import URL, post
from logging_app.tests.factories import WorkoutLogFactory, log_body
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


# --- Sessions and logs that are not the athlete's ---------------------------------------------


def test_another_athletes_session_is_a_404(athlete_client):
    theirs = TrainingSessionFactory()

    response = post(athlete_client, log_body(theirs))

    assert response.status_code == 404
    assert set(response.json()["errors"]) == {"sessionId"}
    assert not WorkoutLog.objects.exists()


def test_a_teammates_session_is_a_404(client):
    """Two athletes of one coach: neither reaches the other's sessions."""
    first = AthleteFactory()
    second = AthleteFactory(coach=first.coach)
    their_session = TrainingSessionFactory(plan=TrainingPlanFactory(athlete=second))
    client.force_login(first.user)

    assert post(client, log_body(their_session)).status_code == 404


def test_an_unknown_session_is_a_404(athlete_client, session):
    response = post(athlete_client, log_body(session, sessionId=str(uuid.uuid4())))

    assert response.status_code == 404
    assert not WorkoutLog.objects.exists()


def test_reading_back_a_stored_log(athlete_client, session):
    log = WorkoutLogFactory(session=session)

    response = athlete_client.get(reverse("api:workout_log", args=[log.pk]))

    assert response.status_code == 200
    assert response.json() == log_json(log)
    assert "no-store" in response["Cache-Control"]


def test_a_log_whose_session_was_deleted_reads_with_no_session(athlete_client, session):
    log = WorkoutLogFactory(session=session)
    session.delete()

    response = athlete_client.get(reverse("api:workout_log", args=[log.pk]))

    assert response.json()["sessionId"] is None


@pytest.mark.parametrize("whose", ["another athlete's", "nobody's"])
def test_reading_a_log_that_is_not_the_athletes_is_a_404(athlete_client, whose):
    pk = WorkoutLogFactory().pk if whose == "another athlete's" else uuid.uuid4()

    response = athlete_client.get(reverse("api:workout_log", args=[pk]))

    assert response.status_code == 404
    assert response.json()["errors"] == {"id": "No such log of yours."}


# --- Who may call: JSON answers, never the sign-in page ---------------------------------------


def _endpoints(session):
    log = WorkoutLogFactory(session=session)
    return [
        ("POST", URL, json.dumps(log_body(session))),
        ("GET", reverse("api:workout_log", args=[log.pk]), ""),
    ]


def test_signed_out_callers_get_a_401_in_json(client, session):
    for method, url, data in _endpoints(session):
        response = client.generic(method, url, data, content_type="application/json")

        assert response.status_code == 401, url
        assert response.json() == {"errors": {"auth": "Sign in first."}}
        assert "Location" not in response
    assert WorkoutLog.objects.count() == 1


@pytest.mark.parametrize("who", ["coach", "admin", "athlete without a profile"])
def test_anyone_but_an_athlete_gets_a_403_in_json(client, session, who):
    user = {
        "coach": lambda: session.plan.coach.user,
        "admin": lambda: UserFactory(is_staff=True, is_superuser=True, role=UserRole.COACH),
        "athlete without a profile": lambda: UserFactory(role=UserRole.ATHLETE),
    }[who]()
    client.force_login(user)
    for method, url, data in _endpoints(session):
        response = client.generic(method, url, data, content_type="application/json")

        assert response.status_code == 403, url
        assert response.json() == {"errors": {"auth": "Only athletes can use this."}}
    assert WorkoutLog.objects.count() == 1


def test_without_the_csrf_token_a_post_is_refused(session):
    client = Client(enforce_csrf_checks=True)
    client.force_login(session.plan.athlete.user)
    # A CSRF secret the client holds as its cookie; the header must repeat it.
    secret = "a" * 32
    client.cookies["csrftoken"] = secret

    refused = post(client, log_body(session))
    accepted = post(client, log_body(session), headers={"X-CSRFToken": secret})

    assert refused.status_code == 403
    assert accepted.status_code == 201
    assert WorkoutLog.objects.count() == 1


def test_only_post_and_get_are_answered(athlete_client, session):
    log = WorkoutLogFactory(session=session)

    # GET of the collection lists logs (hybridpeaks/api); other methods are refused.
    assert athlete_client.put(URL).status_code == 405
    assert athlete_client.delete(reverse("api:workout_log", args=[log.pk])).status_code == 405
