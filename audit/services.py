"""Writing and pruning the audit trail."""

import json
import re
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

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


# Metadata keys that identify a person (a sign-in's email, a lockout's IP address).
IDENTIFYING_METADATA = ("email", "ip")


def pseudonym_for(user_id) -> uuid.UUID:
    """A stable stand-in for a deleted person's id: an HMAC of the id with SECRET_KEY.

    The same person always gets the same pseudonym, so their entries still group together,
    but without the key nobody can tell whose they were.
    """
    digest = salted_hmac("audit.pseudonym", str(user_id), algorithm="sha256").digest()
    return uuid.UUID(bytes=digest[:16])


def pseudonymise(*, user_id, email: str) -> int:
    """Erase a deleted person from the audit trail, keeping what happened and when.

    Their own entries (and sign-in failures that name their email without an account) get the
    pseudonym for a user, and lose IP address, user agent and identifying metadata. Entries
    about them by someone else (an admin's hand-over, a coach's invitation) keep the actor,
    but point at the pseudonym and lose the email. Returns how many entries changed.

    The second exception to append-only: on PostgreSQL the trigger lets an UPDATE through
    only in a transaction that declares itself a pseudonymisation, and only one that removes.
    """
    pseudonym = pseudonym_for(user_id)
    theirs = Q(user_id=user_id) | Q(user__isnull=True, metadata__email=email)
    about_them = Q(entity_id=user_id) | Q(metadata__email=email)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL hybridpeaks.audit_pseudonymise = 'on'")
        changed = 0
        for entry in AuditLog.objects.filter(theirs | about_them).only(
            "user_id", "entity_id", "metadata", "ip_address", "user_agent"
        ):
            changes = {"metadata": _without_identifying(entry.metadata)}
            if entry.entity_id == user_id:
                changes["entity_id"] = pseudonym
            # Another actor's IP address and user agent are theirs, not the deleted person's.
            if entry.user_id in (None, user_id):
                changes.update(user_id=pseudonym, ip_address=None, user_agent=None)
            changed += AuditLog.objects.filter(pk=entry.pk).pseudonymise(**changes)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL hybridpeaks.audit_pseudonymise = 'off'")
        return changed


def _without_identifying(metadata):
    if not metadata:
        return metadata
    kept = {key: value for key, value in metadata.items() if key not in IDENTIFYING_METADATA}
    return kept or None
