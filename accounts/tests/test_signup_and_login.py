"""Coach sign-up, sign-in and sign-out, lockout after failed sign-ins, password change/reset.

Everything goes through the pages, as a person would use them.
"""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Coach, User, UserRole
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory, UserFactory
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
ROSTER = reverse("training:roster")
TODAY = reverse("logging_app:today")
NEW_PASSWORD = "Brand-New-Secret-77"


def signup_data(**overrides):
    data = {
        "name": "Carla Coach",
        "email": "Carla.Coach@Example.COM",
        "password1": "Summit-Plan-2025",
        "password2": "Summit-Plan-2025",
        "time_zone": "Europe/Paris",
    }
    return {**data, **overrides}


def sign_in(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def final_path(response):
    """Where a followed response ended up."""
    return (
        response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    )


# --- Sign-up -------------------------------------------------------------------------------


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


# --- Sign-in and sign-out ------------------------------------------------------------------


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


# --- Lockout (django-axes) -----------------------------------------------------------------


def fail_from_addresses(client, email, count, *, addresses=None):
    """`count` failed sign-ins for `email`, each from its own address unless given."""
    for i in range(count):
        address = addresses[i] if addresses else f"198.51.100.{i + 1}"
        sign_in(client, email, f"Wrong-Password-{i}", REMOTE_ADDR=address)


def assert_locked_out(response):
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()


def test_five_failures_for_one_email_lock_it_even_with_the_right_password(client):
    user = CoachFactory(user__email="dana@example.com").user
    # Different addresses, so only the per-email count reaches the limit.
    fail_from_addresses(client, "dana@example.com", 4)
    fifth = sign_in(client, "dana@example.com", "Wrong-Password-5", REMOTE_ADDR="198.51.100.5")
    assert_locked_out(fifth)  # the failure that reaches the limit already shows the page

    response = sign_in(client, "DANA@example.com", PASSWORD, REMOTE_ADDR="198.51.100.99")

    assert_locked_out(response)
    assert signed_in_user_id(client) is None
    lockout = AuditLog.objects.filter(action="lockout").first()
    assert lockout is not None
    assert lockout.user_id == user.pk
    assert lockout.metadata["email"] == "dana@example.com"
    assert not AuditLog.objects.filter(action="login").exists()


def test_lockout_page_says_how_long_in_words(client):
    fail_from_addresses(client, "dana@example.com", 5)

    content = sign_in(client, "dana@example.com", PASSWORD).content.decode()

    assert "for 15 minutes" in content
    assert "PT15M" not in content


def test_four_failures_do_not_lock(client):
    user = CoachFactory(user__email="dana@example.com").user
    fail_from_addresses(client, "dana@example.com", 4)

    response = sign_in(client, "dana@example.com", PASSWORD, REMOTE_ADDR="198.51.100.99")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)
    assert not AuditLog.objects.filter(action="lockout").exists()


def test_five_failures_from_one_address_lock_it_for_other_emails(client):
    other = CoachFactory(user__email="fred@example.com").user
    attacker = "203.0.113.66"
    for i in range(5):
        sign_in(client, f"guess{i}@example.com", "Wrong-Password-1", REMOTE_ADDR=attacker)

    response = sign_in(client, "fred@example.com", PASSWORD, REMOTE_ADDR=attacker)
    assert_locked_out(response)
    assert signed_in_user_id(client) is None
    assert AuditLog.objects.filter(action="lockout").exists()

    # The same person from another network is not affected.
    response = sign_in(client, "fred@example.com", PASSWORD, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(other.pk)


def test_lockout_ends_after_the_cool_off_time(client, settings):
    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off == timedelta(minutes=15)
    user = CoachFactory(user__email="dana@example.com").user
    fail_from_addresses(client, "dana@example.com", 5, addresses=["198.51.100.1"] * 5)

    # 14 minutes later: still locked (and the refused attempt restarts the clock).
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off + timedelta(minutes=1))
    assert_locked_out(sign_in(client, "dana@example.com", PASSWORD, REMOTE_ADDR="198.51.100.1"))

    # 16 minutes after the last attempt: the lockout is over.
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - timedelta(minutes=1))
    response = sign_in(client, "dana@example.com", PASSWORD, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_successful_sign_in_resets_the_failure_count(client):
    CoachFactory(user__email="dana@example.com")
    address = {"REMOTE_ADDR": "198.51.100.1"}
    for _ in range(4):
        sign_in(client, "dana@example.com", "Wrong-Password-1", **address)
    assert sign_in(client, "dana@example.com", PASSWORD, **address).status_code == 302
    client.post(LOGOUT)

    for _ in range(4):
        sign_in(client, "dana@example.com", "Wrong-Password-1", **address)
    assert sign_in(client, "dana@example.com", PASSWORD, **address).status_code == 302


# --- Password change -----------------------------------------------------------------------

PASSWORD_CHANGE = reverse("accounts:password_change")


def test_password_change_needs_a_signed_in_user(client):
    response = client.get(PASSWORD_CHANGE)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_password_change_requires_the_old_password(client):
    user = CoachFactory().user
    client.force_login(user)

    response = client.post(
        PASSWORD_CHANGE,
        {
            "old_password": "Not-My-Password-1",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "Your old password was entered incorrectly." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not AuditLog.objects.filter(action="password_change").exists()


def test_password_change_applies_the_password_rules(client):
    user = CoachFactory().user
    client.force_login(user)

    response = client.post(
        PASSWORD_CHANGE,
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )

    assert "This password is too short." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_works_and_is_audited(client):
    user = CoachFactory(user__email="dana@example.com").user
    client.force_login(user)

    response = client.post(
        PASSWORD_CHANGE,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert final_path(response) == reverse("accounts:account")
    assert "Your password has been changed." in response.content.decode()
    assert signed_in_user_id(client) == str(user.pk)  # still signed in
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert AuditLog.objects.get(action="password_change").user_id == user.pk

    client.post(LOGOUT)
    assert sign_in(client, "dana@example.com", PASSWORD).status_code == 200  # old one refused
    assert sign_in(client, "dana@example.com", NEW_PASSWORD).status_code == 302


# --- Password reset ------------------------------------------------------------------------

PASSWORD_RESET = reverse("accounts:password_reset")
RESET_SENT = reverse("accounts:password_reset_done")


def reset_link_in(message) -> str:
    match = re.search(r"http://testserver(/accounts/password/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_by_email_link(client):
    user = AthleteFactory(user__email="gina@example.com").user

    response = client.post(PASSWORD_RESET, {"email": "Gina@Example.com"}, follow=True)

    assert final_path(response) == RESET_SENT
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gina@example.com"]
    assert message.subject == "Reset your HybridPeaks password"
    link = reset_link_in(message)

    # Django swaps the token in the address for a session value, then shows the form.
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert "Choose a new password" in page.content.decode()
    form_url = final_path(page)
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )

    assert final_path(response) == LOGIN
    assert "Your password is set. Sign in with it." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    entry = AuditLog.objects.get(action="password_reset")
    assert entry.user_id == user.pk

    # The link works once.
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()
    assert sign_in(client, "gina@example.com", NEW_PASSWORD).status_code == 302


def test_password_reset_for_unknown_email_sends_nothing_but_looks_the_same(client):
    response = client.post(PASSWORD_RESET, {"email": "nobody@example.com"}, follow=True)

    assert final_path(response) == RESET_SENT
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_tampered_reset_link_does_not_work(client):
    user = AthleteFactory(user__email="gina@example.com").user
    client.post(PASSWORD_RESET, {"email": "gina@example.com"})
    link = reset_link_in(mail.outbox[0])
    token_end = link.rstrip("/")
    broken = token_end[:-1] + ("0" if token_end[-1] != "0" else "1") + "/"

    response = client.get(broken, follow=True)

    assert "This link no longer works" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
