"""Show every time in the signed-in person's own zone.

Timestamps are stored in UTC; activating the user's zone for the request makes templates'
`|date`/`|time`, forms' datetime fields and `timezone.localdate()` speak that zone without
each view passing it. Anonymous requests keep the server's default (settings.TIME_ZONE).
"""

from django.utils import timezone


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
