"""The page benchmark's ceilings: absent unless switched on, and exactly as costly as said."""

import pytest

from accounts.tests.factories import CoachFactory
from insights.benchmark_server import switched
from training.tests.factories import ExerciseFactory

C0, C3 = "/benchmark/c0/", "/benchmark/c3/"


@pytest.fixture
def ceilings_on():
    """The URLconf as `manage.py benchmark_pages` serves it (BENCHMARK_CEILINGS=true)."""
    with switched(on=True):
        yield


@pytest.fixture
def coach_client(client):
    client.force_login(CoachFactory().user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("path", [C0, C3])
def test_ceilings_are_404_in_a_normal_deployment(coach_client, path):
    with switched(on=False):  # the default
        assert coach_client.get(path).status_code == 404


@pytest.mark.django_db
def test_c0_is_a_2_kb_page_for_anyone_without_a_query(
    client, ceilings_on, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(C0)
    assert response.status_code == 200
    assert 1800 <= len(response.content) <= 2600


@pytest.mark.django_db
def test_c3_reads_the_session_and_the_user_then_runs_exactly_3_queries(
    coach_client, ceilings_on, django_assert_num_queries
):
    ExerciseFactory.create_batch(6)  # a system catalog, as the benchmark's database has
    # The session, the user (both by the middleware), then the view's 3: the first catalog
    # names, the catalog count, whether the coach has exercises of their own.
    with django_assert_num_queries(2 + 3):
        response = coach_client.get(C3)
    assert response.status_code == 200
    assert 1800 <= len(response.content) <= 2600


@pytest.mark.django_db
def test_c3_asks_a_stranger_to_sign_in(client, ceilings_on):
    response = client.get(C3)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
