"""Sign-in helpers shared by the login form, django-axes and the audit receivers."""

from accounts.models import normalize_email


def attempted_email(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: count failures per address whatever its case or spaces."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return normalize_email(username) if username else None
