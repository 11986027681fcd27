"""Writing and pruning the audit trail."""

import json
import re
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from audit.client_ip import client_ip
from audit.models import AuditLog

MINIMUM_RETENTION_DAYS = 365
USER_AGENT_MAX = 500


def entity_type_of(entity) -> str:
    """`TrainingPlan` → "training_plan", the spec's naming for entity types."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(entity).__name__).lower()


def record_entry(action, user, *, entity=None, request=None, **metadata) -> AuditLog:
    """Append one audit entry. `user` may be None (a failed sign-in for an unknown email).

    Metadata is stored as JSON (dates and UUIDs become strings); the request gives the
    client's IP address and user agent.
    """
    if user is not None and not user.is_authenticated:
        user = None
    user_agent = request.headers.get("User-Agent", "")[:USER_AGENT_MAX] if request else ""
    return AuditLog.objects.create(
        action=action,
        user=user,
        entity_type=entity_type_of(entity) if entity is not None else None,
        entity_id=entity.pk if entity is not None else None,
        metadata=json.loads(json.dumps(metadata, cls=DjangoJSONEncoder)) if metadata else None,
        ip_address=client_ip(request) if request else None,
        user_agent=user_agent or None,
    )


def prune(*, retention_days: int | None = None) -> int:
    """Delete entries older than the retention period, never under the 365-day minimum.

    The one exception to append-only: on PostgreSQL the trigger lets a DELETE through only
    when the transaction declares itself a prune and the row is past the minimum.
    """
    days = max(retention_days or settings.AUDIT_RETENTION_DAYS, MINIMUM_RETENTION_DAYS)
    cutoff = timezone.now() - timedelta(days=days)
    with transaction.atomic():
        if connection.vendor != "postgresql":
            return AuditLog.objects.prune_before(cutoff)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL hybridpeaks.audit_prune = 'on'")
            deleted = AuditLog.objects.prune_before(cutoff)
            # SET LOCAL lasts until the outermost transaction ends: switch it off at once.
            cursor.execute("SET LOCAL hybridpeaks.audit_prune = 'off'")
        return deleted
