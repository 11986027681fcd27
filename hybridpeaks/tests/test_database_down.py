"""The database down is a 503 "try again" (JSON with Retry-After on the API), never a 500.

SQLite cannot be unreachable, so most cases refuse queries through an execute wrapper; the
PostgreSQL case points Django at a port where nothing listens, as test_health.py does.
"""

import json
import uuid

import pytest
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from hybridpeaks.core.middleware import RETRY_AFTER_SECONDS

TODAY = "/today/"
API = "/api/v1/workout-logs/"


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def refuse_the_views_queries(execute, sql, params, many, context):
    """The session and the user load; the first query of the view itself fails."""
    if "django_session" in sql or '"users"' in sql:
        return execute(sql, params, many, context)
    raise OperationalError("could not receive data from server")


@pytest.fixture
def athlete_client():
    """Signed in, and not re-raising what Django's 500 handler answers (a server would not)."""
    client = Client(raise_request_exception=False)
    client.force_login(AthleteFactory().user)
    return client


def post_log(client):
    body = {"id": str(uuid.uuid4()), "sessionId": str(uuid.uuid4()), "rpe": 5}
    return client.post(API, json.dumps(body), content_type="application/json")


def assert_try_again_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "<h1>Try again in a moment</h1>" in page
    assert "go back" in page
    assert "Content-Security-Policy" in response.headers  # the usual headers still apply
    # A WSGI server refuses anything but str (the CSP header's name is an enum in Django).
    assert all(type(name) is str for name, _ in response.items())


def assert_api_waits(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"] == {"server": "unavailable"}
    assert "database" in response.json()["messages"]["server"]


@pytest.mark.django_db
def test_a_page_whose_session_cannot_load_is_a_503_page(athlete_client):
    with connection.execute_wrapper(refuse_every_query):
        response = athlete_client.get(TODAY)
    assert_try_again_page(response)


@pytest.mark.django_db
def test_a_page_whose_view_meets_the_database_down_is_a_503_page(client):
    client.force_login(AthleteFactory().user)
    # The default test client re-raises what reaches the 500 handler: the middleware answers.
    with connection.execute_wrapper(refuse_the_views_queries):
        response = client.get(TODAY)
    assert_try_again_page(response)


@pytest.mark.django_db
def test_a_plain_form_post_that_meets_the_database_down_says_to_go_back(athlete_client):
    with connection.execute_wrapper(refuse_every_query):
        response = athlete_client.post(reverse("accounts:change_time_zone"), {"time_zone": "UTC"})
    assert_try_again_page(response)


@pytest.mark.django_db
def test_the_api_answers_503_json_with_retry_after(athlete_client):
    with connection.execute_wrapper(refuse_every_query):
        assert_api_waits(post_log(athlete_client))
    with connection.execute_wrapper(refuse_the_views_queries):
        assert_api_waits(athlete_client.get(f"{API}{uuid.uuid4()}/"))


@pytest.mark.django_db
def test_the_anonymous_sign_in_page_is_a_503_when_signing_in_meets_the_database_down():
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_every_query):
        response = client.post(
            reverse("accounts:login"), {"username": "a@example.com", "password": "x"}
        )
    assert_try_again_page(response)


@pytest.mark.django_db
def test_a_programming_error_stays_a_500(athlete_client):
    def broken_sql(execute, sql, params, many, context):
        raise ProgrammingError("column does not exist")

    with connection.execute_wrapper(broken_sql):
        response = athlete_client.get(TODAY)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_pages_and_the_api_answer_503_when_postgresql_is_unreachable(
    athlete_client, unreachable_database
):
    page = athlete_client.get(TODAY)
    api = post_log(athlete_client)
    assert_try_again_page(page)
    assert_api_waits(api)
