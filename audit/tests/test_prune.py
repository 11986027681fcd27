"""`manage.py prune_audit_log`: entries older than the retention period (at least 365 days) go.

Runs on SQLite and PostgreSQL; on PostgreSQL the append-only trigger must let the prune through.
"""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditLog

pytestmark = pytest.mark.django_db


def entry_aged(days: float, action: str = "login") -> AuditLog:
    """An entry created `days` ago.

    created_at is auto_now_add (set from timezone.now() on insert, even by bulk_create), and
    entries cannot be updated (on PostgreSQL not even by SQL), so the clock is set back for
    the insert instead.
    """
    when = timezone.now() - timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=when):
        entry = AuditLog.objects.create(action=action, ip_address="192.0.2.1")
    assert AuditLog.objects.get(pk=entry.pk).created_at == when
    return entry


def prune(*args):
    out, err = StringIO(), StringIO()
    call_command("prune_audit_log", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def remaining() -> set:
    return set(AuditLog.objects.values_list("action", flat=True))


@pytest.fixture
def entries():
    entry_aged(800, "ancient")
    entry_aged(400, "old")
    entry_aged(360, "last_year")
    entry_aged(30, "last_month")
    entry_aged(0, "today")


def test_entries_older_than_365_days_are_deleted(entries):
    out, err = prune()

    assert remaining() == {"last_year", "last_month", "today"}
    assert "Deleted 2 audit entries older than 365 days." in out
    assert err == ""


def test_fewer_days_than_the_minimum_still_keeps_a_year(entries):
    out, err = prune("--days", "30")

    assert remaining() == {"last_year", "last_month", "today"}
    assert "Keeping the minimum of 365 days." in err
    assert "older than 365 days" in out


def test_a_longer_retention_keeps_more(entries):
    out, _ = prune("--days", "500")

    assert remaining() == {"old", "last_year", "last_month", "today"}
    assert "Deleted 1 audit entries older than 500 days." in out


def test_the_setting_decides_the_default_retention(entries, settings):
    settings.AUDIT_RETENTION_DAYS = 1000

    out, _ = prune()

    assert remaining() == {"ancient", "old", "last_year", "last_month", "today"}
    assert "Deleted 0 audit entries older than 1000 days." in out


def test_pruning_twice_deletes_nothing_more(entries):
    prune()
    out, _ = prune()
    assert "Deleted 0 audit entries" in out
    assert remaining() == {"last_year", "last_month", "today"}


def test_nothing_to_prune_is_fine():
    out, _ = prune()
    assert "Deleted 0 audit entries older than 365 days." in out
