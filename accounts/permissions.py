"""Who may see what (DESIGN.md, "Ownership"). Every view loads data through these.

A coach sees their own athletes and those athletes' data; an athlete sees only their own.
Another user's object is a 404 (never a 403, which would confirm it exists). A signed-in
user of the wrong role gets a 403 page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.models import Athlete, UserRole


def is_coach(user) -> bool:
    return user.is_authenticated and user.role == UserRole.COACH and hasattr(user, "coach")


def is_athlete(user) -> bool:
    return user.is_authenticated and user.role == UserRole.ATHLETE and hasattr(user, "athlete")


def athletes_visible_to(user):
    """The athletes whose data `user` may see: a coach's roster, or the athlete themself."""
    if is_coach(user):
        return Athlete.objects.filter(coach_id=user.pk)
    if is_athlete(user):
        return Athlete.objects.filter(pk=user.pk)
    return Athlete.objects.none()


def _role_required(check):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


coach_required = _role_required(is_coach)
coach_required.__doc__ = "Signed-in coaches only (others: sign-in page, or 403)."
athlete_required = _role_required(is_athlete)
athlete_required.__doc__ = "Signed-in athletes only (others: sign-in page, or 403)."
