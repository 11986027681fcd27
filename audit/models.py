"""The audit trail: append-only records of security-relevant actions."""

import uuid

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def pseudonymise(self, **changes) -> int:
        """Erasure only (audit.services.pseudonymise): replace identifying fields in place."""
        return models.QuerySet.update(self, **changes)

    def prune_before(self, cutoff) -> int:
        """Retention only (audit.services.prune): remove entries created before `cutoff`."""
        deleted, _ = models.QuerySet.delete(self.filter(created_at__lt=cutoff))
        return deleted


class AuditLog(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No database constraint: entries must outlive the user they name (erasing a user must
    # not rewrite history), and a failed sign-in may have no user at all.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.DO_NOTHING,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=100)
    entity_type = models.CharField(max_length=50, null=True, blank=True)  # noqa: DJ001 (spec)
    entity_id = models.UUIDField(null=True, blank=True)
    metadata = models.JSONField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.TextField(null=True, blank=True)  # noqa: DJ001 (spec: nullable)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        db_table = "audit_logs"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "created_at"], name="idx_audit_user"),
            models.Index(fields=["entity_type", "entity_id"], name="idx_audit_entity"),
        ]

    def __str__(self):
        return f"{self.action} by {self.user_id or 'anonymous'} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")
