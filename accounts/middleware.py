"""Per-person request handling: their time zone, and their pages kept private.

Timestamps are stored in UTC; activating the user's zone for the request makes templates'
`|date`/`|time`, forms' datetime fields and `timezone.localdate()` speak that zone without
each view passing it. Anonymous requests keep the server's default (settings.TIME_ZONE).
"""

from django.utils import timezone
from django.utils.cache import patch_cache_control

# Whose page this is, for the service worker (sw.js): it keeps each person's pages apart.
OWNER_HEADER = "HP-User"


class UserTimeZoneMiddleware:
    """Activate `request.user.zoneinfo` for the request; needs AuthenticationMiddleware first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zoneinfo)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            # Threads serve many requests: the next one must not inherit this user's zone.
            timezone.deactivate()


class PrivatePagesMiddleware:
    """A signed-in person's answers: `Cache-Control: private, no-store`, and whose they are.

    No shared proxy or browser HTTP cache keeps them (a shared phone's next person). The
    service worker still keeps the athlete's week for offline use: it stores pages with the
    Cache API (sw.js, outbox.js), which ignores no-store, under a cache named by HP-User.
    Needs AuthenticationMiddleware first; a view that sets its own Cache-Control keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        user_id = str(user.pk) if signed_in else None
        response = self.get_response(request)
        if signed_in:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            # Not after a sign-out or an account deletion: the page is nobody's then.
            if request.user.is_authenticated:
                response[OWNER_HEADER] = user_id
        return response
