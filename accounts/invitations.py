"""Invitation links: signed tokens that name an invitation, checked against its state."""

from datetime import timedelta

from django.core import signing
from django.utils import timezone

from accounts.models import Invitation

INVITATION_DAYS = 7
SALT = "accounts.invitation"


class InvitationUnusable(Exception):
    """The link cannot be used; `reason` is one of: invalid, expired, accepted, revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_for(invitation: Invitation) -> str:
    return signing.dumps(str(invitation.pk), salt=SALT)


def expiry_from(now):
    return now + timedelta(days=INVITATION_DAYS)


def invitation_from_token(token: str, *, for_update: bool = False) -> Invitation:
    """The pending invitation a link names, or InvitationUnusable saying why not.

    The signature proves we issued the link; expiry, single use and revocation are the
    invitation row's state, so a revoked or used link dies even though its signature holds.
    """
    try:
        invitation_id = signing.loads(token, salt=SALT, max_age=timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired:
        raise InvitationUnusable("expired") from None
    except signing.BadSignature:
        raise InvitationUnusable("invalid") from None
    queryset = Invitation.objects.select_related("coach")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    invitation = queryset.filter(pk=invitation_id).first()
    if invitation is None:
        raise InvitationUnusable("invalid")
    status = invitation.status(timezone.now())
    if status != "pending":
        raise InvitationUnusable(status)
    return invitation
