"""Coaches invite athletes by link: it signs one athlete up, within 7 days, unless revoked."""

import re
import time
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.invitations import SALT, token_for
from accounts.models import Athlete, Invitation, User, UserRole
from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

INVITATIONS = reverse("accounts:invitations")
TODAY = reverse("logging_app:today")


@pytest.fixture
def coach():
    return CoachFactory(name="Carla Coach")


@pytest.fixture
def coach_client(coach):
    client = Client()
    client.force_login(coach.user)
    return client


def invite(coach_client, email=""):
    """Create an invitation on the coach's page; return it and the link path shown there."""
    page = coach_client.post(INVITATIONS, {"email": email}, follow=True)
    assert page.status_code == 200
    match = re.search(r'id="new-link"[^>]*value="http://testserver([^"]+)"', page.content.decode())
    assert match, "the page shows no invitation link"
    return Invitation.objects.latest("created_at"), match.group(1)


def athlete_data(**overrides):
    data = {
        "name": "Ada Athlete",
        "email": "Ada@Example.com",
        "password1": "Trail-Runner-2025",
        "password2": "Trail-Runner-2025",
        "time_zone": "Europe/Berlin",
    }
    return {**data, **overrides}


def assert_unusable(response, text):
    assert response.status_code == 410
    assert text in response.content.decode()


# --- Creating and accepting ----------------------------------------------------------------


def test_coach_creates_an_invitation_and_sees_its_link(coach, coach_client):
    page = coach_client.post(INVITATIONS, {"email": "Ada@Example.com"}, follow=True)

    content = page.content.decode()
    assert "Invitation created. Send this link to your athlete:" in content
    invitation = Invitation.objects.get()
    assert invitation.coach == coach
    assert invitation.email == "ada@example.com"
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=7)) < timedelta(
        seconds=5
    )
    link = f"http://testserver{reverse('accounts:accept_invitation', args=[token_for(invitation)])}"
    assert f'value="{link}"' in content
    entry = AuditLog.objects.get(action="invite_create")
    assert entry.user_id == coach.user.pk
    assert entry.entity_type == "invitation"
    assert entry.entity_id == invitation.pk
    assert entry.metadata == {"email": "ada@example.com"}

    # The link is shown once, right after creating it.
    assert 'id="new-link"' not in coach_client.get(INVITATIONS).content.decode()


def test_invitation_without_email(coach_client):
    invitation, _ = invite(coach_client)
    assert invitation.email == ""
    assert AuditLog.objects.get(action="invite_create").metadata == {"email": None}


def test_invalid_invitation_email_is_refused(coach_client):
    response = coach_client.post(INVITATIONS, {"email": "not-an-email"})
    assert response.status_code == 422
    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_athlete_signs_up_through_the_link_and_gets_the_coach(coach, coach_client, client):
    invitation, link = invite(coach_client)

    page = client.get(link)
    assert page.status_code == 200
    assert "Join Carla Coach on HybridPeaks" in page.content.decode()

    response = client.post(link, athlete_data(), follow=True)

    assert response.redirect_chain[-1][0] == TODAY
    assert "Welcome, Ada Athlete. Carla Coach is your coach." in response.content.decode()
    user = User.objects.get(email="ada@example.com")
    assert user.role == UserRole.ATHLETE
    assert user.time_zone == "Europe/Berlin"
    assert Athlete.objects.get(user=user).coach == coach
    assert client.session["_auth_user_id"] == str(user.pk)
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None
    assert AuditLog.objects.get(action="register").user_id == user.pk
    accept = AuditLog.objects.get(action="invite_accept")
    assert accept.user_id == user.pk
    assert accept.entity_id == invitation.pk
    assert accept.metadata == {"coach_id": str(coach.pk)}


def test_bad_sign_up_through_the_link_keeps_the_link_usable(coach_client, client):
    invitation, link = invite(coach_client)

    response = client.post(link, athlete_data(password2="Something-Else-1"))

    assert response.status_code == 422
    assert "The two password fields didn’t match." in response.content.decode()
    assert not Athlete.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert client.post(link, athlete_data()).status_code == 302


def test_link_for_an_existing_email_is_refused(coach_client, client):
    AthleteFactory(user__email="ada@example.com")
    _, link = invite(coach_client)

    response = client.post(link, athlete_data(email="ADA@example.com"))

    assert response.status_code == 422
    assert "An account with this email already exists." in response.content.decode()
    assert User.objects.filter(email="ada@example.com").count() == 1


def test_signed_in_person_cannot_use_a_link(coach_client):
    _, link = invite(coach_client)

    response = coach_client.post(link, athlete_data())

    assert "You are signed in as" in response.content.decode()
    assert not Athlete.objects.exists()
    # Sign out there, and the same link opens as a sign-up form.
    response = coach_client.post(reverse("accounts:logout"), {"next": link}, follow=True)
    assert response.redirect_chain[-1][0] == link
    assert "You are signed in as" not in response.content.decode()


def test_athletes_cannot_create_invitations(client):
    client.force_login(AthleteFactory().user)

    assert client.get(INVITATIONS).status_code == 403
    assert client.post(INVITATIONS, {"email": "x@example.com"}).status_code == 403
    assert not Invitation.objects.exists()


def test_signed_out_person_is_sent_to_sign_in(client):
    response = client.get(INVITATIONS)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


# --- Links that no longer work -------------------------------------------------------------


def test_link_works_once(coach_client, client):
    _, link = invite(coach_client)
    assert client.post(link, athlete_data()).status_code == 302

    second = Client()
    assert_unusable(second.get(link), "already been used")
    response = second.post(link, athlete_data(name="Second", email="second@example.com"))
    assert_unusable(response, "already been used")
    assert not User.objects.filter(email="second@example.com").exists()
    assert Athlete.objects.count() == 1


def test_link_still_works_on_day_six(coach_client, client):
    invitation, link = invite(coach_client)
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=now - timedelta(days=6), expires_at=now + timedelta(days=1)
    )
    assert client.post(link, athlete_data()).status_code == 302


def test_link_expires_after_seven_days(coach_client, client):
    invitation, link = invite(coach_client)
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=now - timedelta(days=7, minutes=1), expires_at=now - timedelta(minutes=1)
    )

    assert_unusable(client.get(link), "expired")
    assert_unusable(client.post(link, athlete_data()), "expired")
    assert not Athlete.objects.exists()


def test_link_signed_more_than_seven_days_ago_has_expired(coach, client):
    """The signature carries its own age, so an old link dies even if the row says pending."""
    invitation = Invitation.objects.create(
        coach=coach, expires_at=timezone.now() + timedelta(days=1)
    )
    eight_days_ago = time.time() - timedelta(days=8).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = token_for(invitation)

    response = client.post(reverse("accounts:accept_invitation", args=[token]), athlete_data())

    assert_unusable(response, "expired")
    assert not Athlete.objects.exists()


def test_revoked_link_is_withdrawn(coach, coach_client, client):
    invitation, link = invite(coach_client)
    revoke = reverse("accounts:revoke_invitation", args=[invitation.pk])

    assert coach_client.get(revoke).status_code == 405
    response = coach_client.post(revoke, follow=True)

    assert "Invitation revoked: its link no longer works." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    entry = AuditLog.objects.get(action="invite_revoke")
    assert entry.user_id == coach.user.pk
    assert entry.entity_id == invitation.pk
    assert_unusable(client.get(link), "withdrawn")
    assert_unusable(client.post(link, athlete_data()), "withdrawn")
    assert not Athlete.objects.exists()


def test_coach_cannot_revoke_another_coachs_invitation(coach_client, client):
    invitation, link = invite(coach_client)
    other = Client()
    other.force_login(CoachFactory().user)

    response = other.post(reverse("accounts:revoke_invitation", args=[invitation.pk]))

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert not AuditLog.objects.filter(action="invite_revoke").exists()
    assert client.get(link).status_code == 200


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="tampered"),
        pytest.param(lambda token: token[: len(token) // 2], id="cut-short"),
        pytest.param(lambda token: "not-a-token", id="garbage"),
        pytest.param(
            lambda token: signing.dumps(str(uuid.uuid4()), salt=SALT), id="unknown-invitation"
        ),
        pytest.param(
            lambda token: signing.dumps(signing.loads(token, salt=SALT), salt="other"),
            id="other-salt",
        ),
    ],
)
def test_invalid_link_is_not_valid(coach_client, client, make_token):
    invitation, _ = invite(coach_client)
    link = reverse("accounts:accept_invitation", args=[make_token(token_for(invitation))])

    assert_unusable(client.get(link), "not valid")
    assert_unusable(client.post(link, athlete_data()), "not valid")
    assert not Athlete.objects.exists()


# --- Invitations bound to an email ---------------------------------------------------------


def test_invitation_for_an_email_fixes_the_email_field(coach_client, client):
    _, link = invite(coach_client, email="bound@example.com")

    page = client.get(link)

    form = page.context["form"]
    assert form.fields["email"].disabled
    assert form["email"].value() == "bound@example.com"
    assert "This invitation is for this address." in page.content.decode()


def test_forged_email_does_not_get_an_account(coach, coach_client, client):
    _, link = invite(coach_client, email="bound@example.com")

    client.post(link, athlete_data(email="intruder@example.com"))

    assert not User.objects.filter(email="intruder@example.com").exists()
    # The disabled field keeps the invited address: that person's account is created.
    athlete = Athlete.objects.get()
    assert athlete.user.email == "bound@example.com"
    assert athlete.coach == coach


# --- The coach's list ----------------------------------------------------------------------


def listed_statuses(page) -> dict:
    """{email or 'anyone with the link': status} from the invitations table."""
    row = (
        r"<tr>\s*<td>([^<]*)</td>\s*<td>[^<]*</td>"  # for, created
        r"\s*<td class=\"status-(\w+)\">\s*([^<]*?)\s*</td>"  # status
    )
    rows = re.findall(row, page.content.decode())
    return {email: (status, " ".join(text.split())) for email, status, text in rows}


def test_invitations_page_lists_each_status(coach, coach_client):
    now = timezone.now()
    pending, _ = invite(coach_client, "pending@example.com")
    _, link = invite(coach_client, "accepted@example.com")
    Client().post(link, athlete_data(name="Ann Accepted", email="accepted@example.com"))
    expired, _ = invite(coach_client, "expired@example.com")
    Invitation.objects.filter(pk=expired.pk).update(
        created_at=now - timedelta(days=8), expires_at=now - timedelta(days=1)
    )
    revoked, _ = invite(coach_client, "revoked@example.com")
    coach_client.post(reverse("accounts:revoke_invitation", args=[revoked.pk]))
    CoachFactory().invitations.create(email="someone-else@example.com", expires_at=now)

    statuses = listed_statuses(coach_client.get(INVITATIONS))

    assert statuses == {
        "pending@example.com": (
            "pending",
            f"pending, expires {pending.expires_at:%Y-%m-%d}",
        ),
        "accepted@example.com": ("accepted", "accepted by Ann Accepted"),
        "expired@example.com": ("expired", "expired"),
        "revoked@example.com": ("revoked", "revoked"),
    }


def test_invitation_stored_with_mixed_case_email_can_be_accepted(coach, client):
    """The admin's Invitation form stores the email as typed."""
    invitation = Invitation.objects.create(
        coach=coach, email="Ada@Example.com", expires_at=timezone.now() + timedelta(days=7)
    )
    link = reverse("accounts:accept_invitation", args=[token_for(invitation)])

    response = client.post(link, athlete_data())

    assert response.status_code == 302
    assert Athlete.objects.get().user.email == "ada@example.com"
