"""Project-wide views that belong to no app."""

import logging
import sys

from django.db import DatabaseError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hybridpeaks.core.middleware import API_PREFIX, database_unavailable, is_database_unreachable

logger = logging.getLogger(__name__)


def server_error(request):
    """handler500: the database down is a 503 even when a middleware met it before any view.

    Django calls this inside its `except` block, so the exception being handled is the one
    that failed the request (see hybridpeaks/core/middleware.py for why the middleware alone
    cannot catch a failing session or auth middleware).
    """
    if is_database_unreachable(sys.exception()):
        return database_unavailable(request)
    return defaults.server_error(request)


def not_found(request, exception):
    """handler404: on the API a JSON 404 in its refusal shape (a path that names no endpoint,
    or an id that is no id), so a script reads it as it reads every other refusal; Django's
    page elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        errors = {"path": "No such endpoint or object."}
        return JsonResponse({"errors": errors, "messages": errors}, status=404)
    return defaults.page_not_found(request, exception)


@never_cache
@require_GET
def healthz(request):
    """For load balancers and uptime checks: 200 only when the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's, for one).

    Resolved per request, not at import: the hashed name exists only after collectstatic.
    """
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))


@require_GET
def manifest(request):
    """The web app manifest: the athlete pages install as an app that opens on today."""
    icon = static("icons/icon-192.png")
    document = {
        "name": "HybridPeaks",
        "short_name": "HybridPeaks",
        "start_url": reverse("logging_app:today"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d4ed8",
        "icons": [
            {"src": icon, "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(document, content_type="application/manifest+json")


@require_GET
def service_worker(request):
    """The service worker, served from the site root so it may control every page.

    Rendered as a template so it can name the hashed static files of this release.
    """
    response = render(request, "sw.js", content_type="text/javascript")
    response["Cache-Control"] = "no-cache"  # a new release must reach phones promptly
    return response
