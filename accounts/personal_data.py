"""The account's part of a personal data export."""

from accounts.models import Athlete


def export(user) -> dict:
    profile = {
        "id": str(user.pk),
        "email": user.email,
        "role": user.role,
        "timeZone": user.time_zone,
        "createdAt": user.created_at.isoformat(),
        "lastLogin": user.last_login.isoformat() if user.last_login else None,
    }
    data = {"user": profile}
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
    return data
