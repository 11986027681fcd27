"""Shared phones (issue 10, part 7): what a signed-in person's answers leave behind.

Sign-out clears the browser's caches and storage; signed-in pages and the export are never
kept by an HTTP cache and say whose they are; re-confirming a password is throttled as
signing in is.
"""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory

pytestmark = pytest.mark.django_db

WRONG = "Not-My-Password-1"


def test_sign_out_clears_the_sites_caches_and_storage(client):
    client.force_login(AthleteFactory().user)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "HP-User" not in response


@pytest.mark.parametrize(
    "name", ["logging_app:today", "accounts:account", "accounts:export_data", "home"]
)
def test_signed_in_answers_are_private_and_name_their_owner(client, name):
    athlete = AthleteFactory()
    client.force_login(athlete.user)

    response = client.get(reverse(name))

    assert set(response["Cache-Control"].split(", ")) >= {"private", "no-store"}
    assert response["HP-User"] == str(athlete.pk)


def test_anonymous_answers_name_no_owner(client):
    response = client.get(reverse("accounts:login"))

    assert "HP-User" not in response


def test_the_service_worker_keeps_its_own_cache_rule(client):
    client.force_login(AthleteFactory().user)

    assert client.get(reverse("service_worker"))["Cache-Control"] == "no-cache"


def fail_five_times(client, url, field, refused_status):
    """The fifth failure locks, as on the sign-in page (AXES_FAILURE_LIMIT = 5)."""
    statuses = [client.post(url, {field: WRONG}).status_code for _ in range(5)]
    assert statuses == [refused_status] * 4 + [429]


def test_delete_account_re_confirmation_is_throttled_like_sign_in(client):
    coach = CoachFactory()
    client.force_login(coach.user)
    url = reverse("accounts:delete_account")
    fail_five_times(client, url, "password", 422)

    response = client.post(url, {"password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed" in response.content.decode()
    assert User.objects.filter(pk=coach.pk).exists()


def test_password_change_re_confirmation_is_throttled_like_sign_in(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)
    url = reverse("accounts:password_change")
    fail_five_times(client, url, "old_password", 200)

    new = {
        "old_password": PASSWORD,
        "new_password1": "Brand-New-Pass-9",
        "new_password2": "Brand-New-Pass-9",
    }
    response = client.post(url, new)

    assert response.status_code == 429
    athlete.user.refresh_from_db()
    assert athlete.user.check_password(PASSWORD)


def test_a_right_password_still_works_under_the_limit(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)
    url = reverse("accounts:password_change")
    for _ in range(4):
        client.post(url, {"old_password": WRONG})

    new = {
        "old_password": PASSWORD,
        "new_password1": "Brand-New-Pass-9",
        "new_password2": "Brand-New-Pass-9",
    }
    response = client.post(url, new)

    assert response.status_code == 302
    athlete.user.refresh_from_db()
    assert athlete.user.check_password("Brand-New-Pass-9")
