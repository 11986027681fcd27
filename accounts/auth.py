"""Sign-in helpers shared by the login form, django-axes and the audit receivers."""

from django.contrib.auth import authenticate

from accounts.models import normalize_email


def attempted_email(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: count failures per address whatever its case or spaces."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return normalize_email(username) if username else None


def confirms_password(request, user, password) -> bool:
    """Re-confirmation (delete account, change password) counted as a sign-in attempt.

    Going through `authenticate` lets django-axes count the failures and lock out after
    AXES_FAILURE_LIMIT, as on the sign-in page: an unlocked phone is no unlimited oracle.
    """
    return authenticate(request, username=user.email, password=password) == user
