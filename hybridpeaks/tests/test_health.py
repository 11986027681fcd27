import pytest
from django.db import OperationalError, connection
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_200_after_a_database_round_trip(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_refuses_queries(client):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_server_is_unreachable(client, unreachable_database):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503


def test_healthz_refuses_other_methods(client):
    assert client.post(reverse("healthz")).status_code == 405


def test_favicon_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert client.get(response["Location"]).status_code == 200
