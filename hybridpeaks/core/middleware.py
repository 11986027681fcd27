"""The database down is a 503 "try again", not a 500 "something broke".

When PostgreSQL cannot be reached (restart, failover, network), every request fails the same
way. A 500 tells the phone's outbox the server is broken and counts a try; a 503 with
`Retry-After` says "wait", and a person reads "try again" rather than "our bug".

Two ways in, one answer (`database_unavailable`):
- a view's query fails: DatabaseUnavailableMiddleware.process_exception answers;
- the session or auth middleware fails before any view runs (it loads the session and the
  user from the database): Django turns that exception into a response right there, inside
  the failing middleware's wrapper, so no outer middleware ever sees it. Django's 500
  handler is what runs, so `hybridpeaks.views.server_error` (handler500) answers 503 too.

The answer is rendered without the request's context: the context processors and the lazy
`request.user` would query the database that is down.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP, build_policy

# Long enough for a restart or a failover, short enough that a person retrying is served soon.
RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"


def is_database_unreachable(exception: BaseException | None) -> bool:
    """Connection-level failures only: a ProgrammingError or IntegrityError is our bug (500).

    Follows `raise … from …` so a failure re-raised by a library still counts.
    """
    while exception is not None:
        if isinstance(exception, OperationalError | InterfaceError):
            return True
        exception = exception.__cause__
    return False


def database_unavailable(request) -> HttpResponse:
    """503: JSON for the API (its refusal shape, `errors` and `messages`), a page otherwise."""
    if request.path_info.startswith(API_PREFIX):
        message = "The server cannot reach its database just now. Send this again shortly."
        response = JsonResponse(
            {"errors": {"server": "unavailable"}, "messages": {"server": message}}, status=503
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # a cache or the service worker must not keep it
    if settings.SECURE_CSP:
        # Answered inside a failing middleware, the page may never pass the CSP middleware;
        # it needs no nonce (no script, no inline style), so the policy is set here.
        response[str(CSP.HEADER_ENFORCE)] = build_policy(settings.SECURE_CSP)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 when a view meets an unreachable database.

    process_exception sees only the view's exceptions, wherever the middleware is listed;
    it is listed above the session and auth middlewares beside the note that their own
    failures are answered by handler500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unreachable(exception):
            return database_unavailable(request)
        return None
