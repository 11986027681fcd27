"""The audit trail's part of a personal data export: the entries about the person's actions.

Failed sign-ins with their email but no account (before sign-up) are theirs too.
"""

from django.db.models import Q

from audit.models import AuditLog


def export(user) -> dict:
    return {
        "auditEntries": [
            {
                "action": entry.action,
                "entityType": entry.entity_type,
                "entityId": str(entry.entity_id) if entry.entity_id else None,
                "metadata": entry.metadata,
                "ipAddress": entry.ip_address,
                "userAgent": entry.user_agent,
                "createdAt": entry.created_at.isoformat(),
            }
            for entry in AuditLog.objects.filter(
                Q(user_id=user.pk) | Q(user__isnull=True, metadata__email=user.email)
            ).order_by("created_at")
        ]
    }
