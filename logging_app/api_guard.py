"""The sync API answers in JSON before any view runs, too: a body over its limit is a 413 and
a refused CSRF token a 403, never Django's HTML pages.

The size is checked from Content-Length before anything reads the body: the CSRF middleware
reads a form-encoded body (request.POST) before the view, and a body over
DATA_UPLOAD_MAX_MEMORY_SIZE would be Django's HTML 400 there.
"""

from django.http import JsonResponse
from django.views.csrf import csrf_failure as django_csrf_failure

from hybridpeaks.core.middleware import API_PREFIX
from logging_app.activity_files import MAX_UPLOAD_BYTES

# The largest log the schemas allow (30 exercises of 50 sets, notes of 1,000 characters) is
# under 64 KB as JSON (docs/decisions.md "A log's size").
MAX_BODY_BYTES = 64 * 1024
TOO_LARGE = {"body": f"is too large: a log is at most {MAX_BODY_BYTES // 1024} KB."}
# Watch files come to their own endpoint: the import's 50 MB, and the multipart around it.
UPLOADS_PATH = f"{API_PREFIX}v1/imports/"
MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024
UPLOAD_TOO_LARGE = {
    "files": f"are too large: an upload is at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
}


def body_limit(get_response):
    """Middleware: an API request whose body is over its limit is a JSON 413, unread."""

    def middleware(request):
        if request.path.startswith(API_PREFIX):
            limit, problem = MAX_BODY_BYTES, TOO_LARGE
            if request.path == UPLOADS_PATH:
                limit, problem = MAX_UPLOAD_BODY_BYTES, UPLOAD_TOO_LARGE
            if content_length(request) > limit:
                return JsonResponse({"errors": problem, "messages": problem}, status=413)
        return get_response(request)

    return middleware


def content_length(request) -> int:
    """The body's declared length, 0 when absent or not a number: read before the body."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a JSON 403 on the API (the phone reads `errors`), Django's page
    elsewhere."""
    if request.path.startswith(API_PREFIX):
        errors = {"auth": "The page is out of date: reload it and send again."}
        return JsonResponse({"errors": errors, "messages": errors}, status=403)
    return django_csrf_failure(request, reason=reason)
