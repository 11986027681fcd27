"""Lockout after failed sign-ins (django-axes): by email, by address, and its cool-off.

Everything goes through the pages, as a person would use them.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from accounts.tests.factories import PASSWORD, CoachFactory
from accounts.tests.signing_in import LOGOUT, sign_in, signed_in_user_id
from audit.models import AuditLog

pytestmark = pytest.mark.django_db


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
