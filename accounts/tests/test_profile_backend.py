"""The sign-in backend loads the user's profile with the user: no query to ask the role."""

import pytest
from django.contrib.auth import get_user
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.auth import PROFILE_BACKEND
from accounts.permissions import is_athlete, is_coach
from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory

pytestmark = pytest.mark.django_db

DJANGO_BACKEND = "django.contrib.auth.backends.ModelBackend"


def signed_in(client, user):
    client.force_login(user, backend=PROFILE_BACKEND)
    request = RequestFactory().get("/")
    request.session = client.session
    return get_user(request)


@pytest.mark.parametrize(
    ("factory", "check"), [(AthleteFactory, is_athlete), (CoachFactory, is_coach)]
)
def test_the_profile_comes_with_the_user(client, django_assert_num_queries, factory, check):
    profile = factory()
    user = signed_in(client, profile.user)
    with django_assert_num_queries(0):
        assert check(user)


def test_a_user_without_a_profile_is_still_signed_in_and_has_neither_role(client):
    user = signed_in(client, UserFactory())
    assert user.is_authenticated
    assert not is_athlete(user) and not is_coach(user)


def test_an_athlete_page_costs_one_query_less_than_with_django_s_backend(client, settings):
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, DJANGO_BACKEND]
    athlete = AthleteFactory()
    counts = []
    for backend in (DJANGO_BACKEND, PROFILE_BACKEND):
        client.force_login(athlete.user, backend=backend)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("logging_app:history")).status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[0] - 1
