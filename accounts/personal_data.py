"""The account's part of a personal data export, with django-axes' sign-in records."""

from axes.models import AccessFailureLog, AccessLog

from accounts.models import Athlete, Availability


def export(user) -> dict:
    profile = {
        "id": str(user.pk),
        "email": user.email,
        "role": user.role,
        "timeZone": user.time_zone,
        "createdAt": user.created_at.isoformat(),
        "lastLogin": user.last_login.isoformat() if user.last_login else None,
    }
    data = {"user": profile, "signIns": _sign_ins(user.email), "apiTokens": _tokens(user)}
    if hasattr(user, "coach"):
        data["coach"] = {
            "name": user.coach.name,
            "athletes": [
                {"id": str(a.pk), "name": a.name} for a in Athlete.objects.filter(coach_id=user.pk)
            ],
            "invitations": [
                {
                    "id": str(i.pk),
                    "email": i.email or None,
                    "createdAt": i.created_at.isoformat(),
                    "expiresAt": i.expires_at.isoformat(),
                    "acceptedAt": i.accepted_at.isoformat() if i.accepted_at else None,
                    "revokedAt": i.revoked_at.isoformat() if i.revoked_at else None,
                }
                for i in user.coach.invitations.all()
            ],
        }
    if hasattr(user, "athlete"):
        data["athlete"] = {"name": user.athlete.name, "coach": user.athlete.coach.name}
        stated = Availability.objects.filter(athlete_id=user.pk).first()
        if stated:
            data["athlete"]["availability"] = {
                "minutesByWeekday": stated.minutes_by_weekday,
                "hasGym": stated.has_gym,
                "updatedAt": stated.updated_at.isoformat(),
            }
    return data


def _tokens(user) -> list[dict]:
    """The person's API tokens as the tokens page lists them: never a secret (none is kept)."""
    return [
        {
            "name": token.name,
            "prefix": token.prefix,
            "createdAt": token.created_at.isoformat(),
            "lastUsedAt": _when(token.last_used_at),
            "expiresAt": _when(token.expires_at),
            "revokedAt": _when(token.revoked_at),
        }
        for token in user.api_tokens.all()
    ]


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _sign_ins(email) -> list[dict]:
    """What django-axes logged for this email: sign-ins and sign-outs, and failures."""
    records = [
        {
            "kind": "sign_in",
            "at": log.attempt_time.isoformat(),
            "signedOutAt": log.logout_time.isoformat() if log.logout_time else None,
            "ipAddress": log.ip_address,
            "userAgent": log.user_agent,
        }
        for log in AccessLog.objects.filter(username=email)
    ]
    records += [
        {
            "kind": "failed_sign_in",
            "at": log.attempt_time.isoformat(),
            "lockedOut": log.locked_out,
            "ipAddress": log.ip_address,
            "userAgent": log.user_agent,
        }
        for log in AccessFailureLog.objects.filter(username=email)
    ]
    return sorted(records, key=lambda record: record["at"])
