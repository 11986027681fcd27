"""Sign-in helpers shared by the login form, django-axes and the audit receivers."""

from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend

from accounts.models import User, normalize_email

# The sign-in backend's dotted path, as sessions store it (views that log a new user in name it).
PROFILE_BACKEND = "accounts.auth.ProfileBackend"


class ProfileBackend(ModelBackend):
    """Django's ModelBackend, except that the signed-in user comes with their coach or athlete
    profile in the same query. Every page asks which profile the user has
    (accounts.permissions) and most then read it: without this, that is one more query on
    every request of every coach and athlete."""

    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("athlete", "coach").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


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
