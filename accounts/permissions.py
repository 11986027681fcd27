"""Who may see what (DESIGN.md, "Ownership"). Every view loads data through these.

A coach sees their own athletes and those athletes' data; an athlete sees only their own.
Another user's object is a 404 (never a 403, which would confirm it exists). A signed-in
user of the wrong role gets a 403 page; the JSON API answers in JSON, with no sign-in redirect.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse

from accounts.models import Athlete, UserRole
from accounts.tokens import unauthorized


def is_coach(user) -> bool:
    return user.is_authenticated and user.role == UserRole.COACH and hasattr(user, "coach")


def is_athlete(user) -> bool:
    return user.is_authenticated and user.role == UserRole.ATHLETE and hasattr(user, "athlete")


def is_person(user) -> bool:
    """A coach or an athlete, with their profile (not an admin): someone with data of their own."""
    return is_coach(user) or is_athlete(user)


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
person_required = _role_required(is_person)
person_required.__doc__ = "Signed-in coaches and athletes (others: sign-in page, or 403)."


def api_athlete_required(view):
    """Signed-in athletes only, for the JSON API: signed out, a 401; anyone else, a 403.

    The role is on the user row, so this costs no query. An athlete without a profile owns
    nothing, and every lookup scoped to their id finds nothing: only when the view answers
    404 is the profile looked for, and its absence makes that answer the 403 it is.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return unauthorized("Sign in first.")
        if user.role != UserRole.ATHLETE:
            return _api_forbidden()
        response = view(request, *args, **kwargs)
        if response.status_code == 404 and not Athlete.objects.filter(pk=user.pk).exists():
            return _api_forbidden()
        return response

    return wrapped


def api_person_required(view):
    """Coaches and athletes, for the read API (hybridpeaks/api): signed out (no session, no
    token), a 401; a user with neither profile (an admin), a 403. Each view then scopes its
    reads to `api_scope`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return unauthorized("Sign in first, or send a personal access token.")
        if not is_person(user):
            errors = {"auth": "Only coaches and athletes can use this."}
            return JsonResponse({"errors": errors}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


def api_scope(user, path: str = "athlete") -> Q:
    """What of the athletes' data `user` may read through the API, as a filter on `path`
    (the relation to the athlete): a coach's roster, or the athlete themself."""
    if is_coach(user):
        return Q(**{f"{path}__coach_id": user.pk})
    return Q(**{f"{path}_id": user.pk})


def _api_forbidden():
    return JsonResponse({"errors": {"auth": "Only athletes can use this."}}, status=403)
