"""On PostgreSQL the database itself keeps audit_logs append-only (migration 0002's trigger).

Raw SQL bypasses the model's guards, so these tests show the trigger is there and only lets
the retention prune delete rows past the 365-day minimum. SQLite has no such trigger.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.models import AuditLog
from audit.services import prune

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the append-only trigger exists only on PostgreSQL (audit migration 0002)",
    ),
]


def entry_aged(days: float, action: str = "login") -> AuditLog:
    """An entry created `days` ago (the clock is set back for the insert; see test_prune)."""
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() - timedelta(days=days)
    ):
        return AuditLog.objects.create(action=action)


def run_sql(sql, params=None):
    """Run one statement in a savepoint, so a refusal does not break the test's transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def assert_refused(sql, params=None):
    with pytest.raises(DatabaseError) as refused:
        run_sql(sql, params)
    assert "append-only" in str(refused.value)


def test_raw_update_is_refused():
    entry = entry_aged(0, "login")

    assert_refused("UPDATE audit_logs SET action = 'x'")

    assert AuditLog.objects.get(pk=entry.pk).action == "login"


def test_raw_delete_is_refused():
    entry = entry_aged(0)

    assert_refused("DELETE FROM audit_logs")

    assert AuditLog.objects.filter(pk=entry.pk).exists()


def test_raw_delete_of_an_old_row_is_refused_outside_a_prune():
    entry = entry_aged(800)

    assert_refused("DELETE FROM audit_logs WHERE id = %s", [entry.pk])

    assert AuditLog.objects.filter(pk=entry.pk).exists()


def test_even_a_prune_cannot_delete_rows_younger_than_a_year():
    """The trigger checks the age itself: a transaction claiming to prune is not enough."""
    entry = entry_aged(30)

    with (
        pytest.raises(DatabaseError) as refused,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL hybridpeaks.audit_prune = 'on'")
        cursor.execute("DELETE FROM audit_logs WHERE id = %s", [entry.pk])
    assert "append-only" in str(refused.value)

    assert AuditLog.objects.filter(pk=entry.pk).exists()


def test_inserting_still_works():
    run_sql(
        "INSERT INTO audit_logs (id, action, created_at) VALUES (gen_random_uuid(), 'raw', now())"
    )
    assert AuditLog.objects.filter(action="raw").exists()


def test_prune_command_deletes_old_rows_despite_the_trigger():
    entry_aged(400, "old")
    entry_aged(360, "last_year")
    entry_aged(0, "today")

    call_command("prune_audit_log", "--days", "30", verbosity=0)

    assert set(AuditLog.objects.values_list("action", flat=True)) == {"last_year", "today"}


def test_prune_service_returns_the_number_deleted():
    entry_aged(500)
    entry_aged(400)
    entry_aged(1)

    assert prune() == 2
    assert AuditLog.objects.count() == 1


def pseudonymising(sql):
    """Run one statement in a savepoint that declares itself a pseudonymisation."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL hybridpeaks.audit_pseudonymise = 'on'")
        cursor.execute(sql)


def test_a_pseudonymisation_may_only_remove():
    """Migration 0003: the pseudonymisation exception removes data, it cannot rewrite it."""
    entry = AuditLog.objects.create(
        action="login", ip_address="192.0.2.1", user_agent="Phone", metadata={"email": "a@b.c"}
    )

    for rewrite in (
        "UPDATE audit_logs SET action = 'logout'",
        "UPDATE audit_logs SET ip_address = '192.0.2.2'",
        """UPDATE audit_logs SET metadata = '{"email": "x@y.z"}'""",
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            pseudonymising(rewrite)
    assert_refused("UPDATE audit_logs SET ip_address = NULL, user_agent = NULL")

    pseudonymising("UPDATE audit_logs SET ip_address = NULL, user_agent = NULL, metadata = NULL")
    entry = AuditLog.objects.get(pk=entry.pk)
    assert (entry.ip_address, entry.user_agent, entry.metadata) == (None, None, None)
