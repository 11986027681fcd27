"""Password change (signed in, old password asked) and reset (by an emailed link).

Everything goes through the pages, as a person would use them.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory
from accounts.tests.signing_in import LOGIN, LOGOUT, final_path, sign_in, signed_in_user_id
from audit.models import AuditLog

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Brand-New-Secret-77"
PASSWORD_CHANGE = reverse("accounts:password_change")
PASSWORD_RESET = reverse("accounts:password_reset")
RESET_SENT = reverse("accounts:password_reset_done")


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
