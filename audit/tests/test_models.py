import pytest

from accounts.tests.factories import UserFactory
from audit.models import AppendOnlyError, AuditLog

pytestmark = pytest.mark.django_db


def make_entry(**fields):
    return AuditLog.objects.create(
        user=fields.pop("user", None) or UserFactory(),
        action="login",
        ip_address="203.0.113.9",
        user_agent="pytest",
        **fields,
    )


def test_entries_cannot_be_changed():
    entry = make_entry()
    entry.action = "logout"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditLog.objects.filter(pk=entry.pk).update(action="logout")
    assert AuditLog.objects.get(pk=entry.pk).action == "login"


def test_entries_cannot_be_deleted():
    entry = make_entry()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditLog.objects.all().delete()
    assert AuditLog.objects.filter(pk=entry.pk).exists()


def test_entries_outlive_their_user():
    user = UserFactory()
    user_id = user.pk
    entry = make_entry(user=user, entity_type="user", entity_id=user_id)
    user.delete()
    entry = AuditLog.objects.get(pk=entry.pk)
    assert entry.user_id == user_id


def test_entry_may_have_no_user_and_ipv6():
    entry = AuditLog.objects.create(action="login_failed", ip_address="2001:db8::1")
    assert entry.user is None
