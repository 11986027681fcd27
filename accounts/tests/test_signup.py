"""Coach sign-up: the account, its coach profile and audit entry, and every refusal.

Everything goes through the pages, as a person would use them.
"""

import pytest
from django.urls import reverse

from accounts.models import Coach, User, UserRole
from accounts.tests.factories import CoachFactory, UserFactory
from accounts.tests.signing_in import final_path, signed_in_user_id
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
ROSTER = reverse("training:roster")


def signup_data(**overrides):
    data = {
        "name": "Carla Coach",
        "email": "Carla.Coach@Example.COM",
        "password1": "Summit-Plan-2025",
        "password2": "Summit-Plan-2025",
        "time_zone": "Europe/Paris",
    }
    return {**data, **overrides}


def test_coach_signs_up_and_lands_on_the_roster(client):
    response = client.post(SIGNUP, signup_data(), follow=True)

    assert final_path(response) == ROSTER
    assert response.status_code == 200
    assert "Welcome, Carla Coach." in response.content.decode()
    user = User.objects.get()
    assert user.email == "carla.coach@example.com"
    assert user.role == UserRole.COACH
    assert user.time_zone == "Europe/Paris"
    assert user.check_password("Summit-Plan-2025")
    assert Coach.objects.get(user=user).name == "Carla Coach"
    assert signed_in_user_id(client) == str(user.pk)
    entry = AuditLog.objects.get(action="register")
    assert entry.user_id == user.pk
    assert entry.entity_type == "user"
    assert entry.metadata == {"role": "coach"}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"password1": "Short-Pw1", "password2": "Short-Pw1"},
            "password2",
            "This password is too short. It must contain at least 12 characters.",
        ),
        (
            {"password1": "lowercase-only-42", "password2": "lowercase-only-42"},
            "password2",
            "Your password needs an upper-case letter.",
        ),
        (
            {"password1": "UPPERCASE-ONLY-42", "password2": "UPPERCASE-ONLY-42"},
            "password2",
            "Your password needs a lower-case letter.",
        ),
        (
            {"password1": "No-Digits-Here-At-All", "password2": "No-Digits-Here-At-All"},
            "password2",
            "Your password needs a digit.",
        ),
        (
            # "password1234" is on Django's list of common passwords (checked lower-cased).
            {"password1": "Password1234", "password2": "Password1234"},
            "password2",
            "This password is too common.",
        ),
        (
            {
                "email": "Marathonwinner@example.com",
                "password1": "Marathonwinner9",
                "password2": "Marathonwinner9",
            },
            "password2",
            "The password is too similar to the email.",
        ),
        (
            {"password1": "Summit-Plan-2025", "password2": "Summit-Plan-2026"},
            "password2",
            "The two password fields didn’t match.",
        ),
        (
            {"time_zone": "Mars/Olympus"},
            "time_zone",
            "Select a valid choice. Mars/Olympus is not one of the available choices.",
        ),
        ({"name": "C"}, "name", "Ensure this value has at least 2 characters (it has 1)."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
    ],
    ids=[
        "too-short",
        "no-upper-case",
        "no-lower-case",
        "no-digit",
        "common",
        "similar-to-email",
        "mismatch",
        "bad-time-zone",
        "one-character-name",
        "bad-email",
    ],
)
def test_bad_sign_up_is_shown_again_and_stores_nothing(client, overrides, field, message):
    response = client.post(SIGNUP, signup_data(**overrides))

    assert response.status_code == 422
    assert message in response.content.decode()
    assert message in response.context["form"].errors[field]
    assert not User.objects.exists()
    assert not Coach.objects.exists()
    assert not AuditLog.objects.filter(action="register").exists()
    assert signed_in_user_id(client) is None


def test_email_taken_in_another_case_is_refused(client):
    existing = UserFactory(email="carla.coach@example.com", role=UserRole.COACH)

    response = client.post(SIGNUP, signup_data(email="CARLA.Coach@example.com"))

    assert response.status_code == 422
    assert "An account with this email already exists." in response.content.decode()
    assert "email" in response.context["form"].errors
    assert list(User.objects.all()) == [existing]
    assert not Coach.objects.exists()


def test_signed_in_person_is_sent_home_from_sign_up(client):
    coach = CoachFactory()
    client.force_login(coach.user)

    response = client.post(SIGNUP, signup_data(email="other@example.com"))

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not User.objects.filter(email="other@example.com").exists()
