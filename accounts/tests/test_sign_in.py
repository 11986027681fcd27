"""Sign-in and sign-out: where each role lands, what is audited, and where sign-out returns.

Everything goes through the pages, as a person would use them.
"""

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory
from accounts.tests.signing_in import LOGIN, LOGOUT, final_path, sign_in, signed_in_user_id
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

ROSTER = reverse("training:roster")
TODAY = reverse("logging_app:today")


def test_coach_signs_in_with_email_in_any_case_and_lands_on_roster(client):
    coach = CoachFactory(user__email="dana@example.com")

    response = client.post(
        LOGIN, {"username": "DaNa@Example.COM", "password": PASSWORD}, follow=True
    )

    assert final_path(response) == ROSTER
    assert response.status_code == 200
    assert signed_in_user_id(client) == str(coach.user.pk)


def test_athlete_signs_in_and_lands_on_today(client):
    athlete = AthleteFactory(user__email="eli@example.com")

    response = client.post(
        LOGIN, {"username": "ELI@example.com", "password": PASSWORD}, follow=True
    )

    assert final_path(response) == TODAY
    assert response.status_code == 200
    assert signed_in_user_id(client) == str(athlete.user.pk)


def test_sign_in_is_audited_with_ip_address_and_user_agent(client):
    coach = CoachFactory(user__email="dana@example.com")

    sign_in(
        client,
        "dana@example.com",
        PASSWORD,
        REMOTE_ADDR="198.51.100.7",
        HTTP_USER_AGENT="Mozilla/5.0 (pytest)",
    )

    entry = AuditLog.objects.get(action="login")
    assert entry.user_id == coach.user.pk
    assert entry.ip_address == "198.51.100.7"
    assert entry.user_agent == "Mozilla/5.0 (pytest)"


def test_wrong_password_says_email_and_password_do_not_match(client):
    user = CoachFactory(user__email="dana@example.com").user

    response = sign_in(client, "Dana@Example.com", "Wrong-Password-1")

    assert response.status_code == 200
    assert "That email and password do not match an account." in response.content.decode()
    assert signed_in_user_id(client) is None
    entry = AuditLog.objects.get(action="login_failed")
    assert entry.metadata == {"email": "dana@example.com"}
    assert entry.user_id == user.pk
    assert not AuditLog.objects.filter(action="login").exists()


def test_failed_sign_in_for_unknown_email_is_audited_without_user(client):
    sign_in(client, "Nobody@Example.com", "Wrong-Password-1")

    entry = AuditLog.objects.get(action="login_failed")
    assert entry.user_id is None
    assert entry.metadata == {"email": "nobody@example.com"}


def test_sign_out_needs_a_post_and_is_audited(client):
    user = CoachFactory().user
    client.force_login(user)

    response = client.get(LOGOUT)
    assert response.status_code == 405
    assert signed_in_user_id(client) == str(user.pk)
    assert not AuditLog.objects.filter(action="logout").exists()

    response = client.post(LOGOUT, follow=True)
    assert final_path(response) == LOGIN
    assert "You are signed out." in response.content.decode()
    assert signed_in_user_id(client) is None
    assert AuditLog.objects.get(action="logout").user_id == user.pk


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("/accounts/invite/abc/", "/accounts/invite/abc/"),  # back to the invitation
        ("https://evil.example.com/", LOGIN),  # never off-site
        ("//evil.example.com/", LOGIN),
        ("", LOGIN),
        ("nan", LOGIN),  # a bare word is no path (redirect() would take it for a view name)
    ],
)
def test_sign_out_returns_only_to_a_page_of_this_site(client, next_url, lands_on):
    client.force_login(CoachFactory().user)
    response = client.post(LOGOUT, {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == lands_on
    assert signed_in_user_id(client) is None
