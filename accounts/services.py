"""Account writes: registration, invitations, account deletion, handing athletes over.

Each runs in a transaction, validates, and leaves an audit entry.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

import audit
from accounts.invitations import expiry_from, invitation_from_token
from accounts.models import Athlete, Coach, Invitation, User, UserRole, normalize_email


def _create_user(*, email, password, role, time_zone) -> User:
    user = User(email=email, role=role, time_zone=time_zone)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def register_coach(*, name, email, password, time_zone, request=None) -> Coach:
    user = _create_user(email=email, password=password, role=UserRole.COACH, time_zone=time_zone)
    coach = Coach(user=user, name=name)
    coach.full_clean()
    coach.save()
    audit.record("register", user, entity=user, request=request, role=UserRole.COACH)
    return coach


@transaction.atomic
def create_invitation(*, coach: Coach, email: str = "", request=None) -> Invitation:
    invitation = Invitation(coach=coach, email=email, expires_at=expiry_from(timezone.now()))
    invitation.full_clean()
    invitation.save()
    audit.record(
        "invite_create", coach.user, entity=invitation, request=request, email=email or None
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, request=None) -> Invitation:
    if invitation.status(timezone.now()) == "pending":
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record("invite_revoke", invitation.coach.user, entity=invitation, request=request)
    return invitation


@transaction.atomic
def accept_invitation(*, token, name, email, password, time_zone, request=None) -> Athlete:
    """Sign up an athlete through a coach's link; the link works once.

    The invitation row is locked, so two people using one link at the same moment cannot
    both get in: the second finds it accepted.
    """
    invitation = invitation_from_token(token, for_update=True)
    if invitation.email and normalize_email(invitation.email) != email:
        raise ValidationError({"email": "This invitation is for another email address."})
    user = _create_user(email=email, password=password, role=UserRole.ATHLETE, time_zone=time_zone)
    athlete = Athlete(user=user, name=name, coach=invitation.coach)
    athlete.full_clean()
    athlete.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.record("register", user, entity=user, request=request, role=UserRole.ATHLETE)
    audit.record(
        "invite_accept", user, entity=invitation, request=request, coach_id=invitation.coach_id
    )
    return athlete


@transaction.atomic
def change_time_zone(*, user: User, time_zone: str, request=None) -> User:
    """Move a person's clock (travel, or a wrong zone at sign-up); their "today" follows.

    Stored times do not change: they are instants, shown from now on in the new zone.
    """
    previous = user.time_zone
    if time_zone == previous:
        return user
    user.time_zone = time_zone
    user.full_clean()
    user.save(update_fields=["time_zone", "updated_at"])
    # zoneinfo is cached on the instance; the rest of this request must see the new zone.
    user.__dict__.pop("zoneinfo", None)
    audit.record(
        "change_time_zone", user, entity=user, request=request, old=previous, new=time_zone
    )
    return user


class CoachHasAthletes(Exception):
    """A coach's account cannot go while athletes depend on it."""


@transaction.atomic
def delete_account(*, user: User, by: User | None = None, request=None) -> None:
    """Erase a user and everything that is theirs (the spec's cascade rules); `by` is the
    admin who deleted someone else's account, when it was not the person themself.

    What is kept of them is pseudonymous: the audit trail (the deletion's own entry included)
    keeps what happened under a stable pseudonym, without email, IP address or user agent.
    Their sign-in records (django-axes) and sessions on every device go. A coach's exercises
    stay in the catalog (training's HAND_TO_CATALOG).
    """
    if user.role == UserRole.COACH and Athlete.objects.filter(coach_id=user.pk).exists():
        raise CoachHasAthletes
    user_id, email = user.pk, user.email
    audit.record("account_delete", by or user, entity=user, request=request, role=user.role)
    _delete_sessions(user_id)
    user.delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=email).delete()
    audit.pseudonymise(user_id=user_id, email=email)


def _delete_sessions(user_id) -> None:
    """Sign the person out everywhere by deleting their stored sessions.

    Sessions are not indexed by user, so the unexpired ones are read and decoded: deletion is
    rare, and expired ones go with the daily `clearsessions`.
    """
    stale = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]
    Session.objects.filter(pk__in=stale).delete()


@transaction.atomic
def reassign_athletes(*, athletes, to_coach: Coach, by: User, request=None) -> int:
    """Hand athletes over to another coach (an admin action); returns how many moved."""
    moved = 0
    for athlete in athletes.select_for_update().exclude(coach=to_coach):
        from_coach_id = athlete.coach_id
        athlete.coach = to_coach
        athlete.save(update_fields=["coach", "updated_at"])
        audit.record(
            "reassign_athlete",
            by,
            entity=athlete,
            request=request,
            from_coach_id=from_coach_id,
            to_coach_id=to_coach.pk,
        )
        moved += 1
    return moved
