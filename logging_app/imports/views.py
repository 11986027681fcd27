"""The athlete's import pages: upload watch files, see what became of each, and re-match,
unmatch or keep what was imported until it is final."""

from django.contrib import messages
from django.core.exceptions import TooManyFilesSent, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.permissions import athlete_required
from logging_app.activity_files import MAX_UPLOAD_BYTES
from logging_app.api_guard import content_length
from logging_app.imports import changes, services
from logging_app.imports.models import ImportedActivity, Outcome
from logging_app.imports.selectors import (
    OPEN_SHOWN,
    batch_of,
    open_imports,
    open_imports_queryset,
)

# A form's own fields and multipart boundaries around the files: what a 50 MB upload adds.
FORM_OVERHEAD = 64 * 1024
ACCEPT = ".fit,.gpx,.tcx,.zip"
POLL_SECONDS = 2


def _page(request, *, errors=None, status=200):
    rows, more = open_imports(request.user.athlete)
    context = {
        "rows": rows,
        "more": more,
        "shown": OPEN_SHOWN,
        "errors": errors or {},
        "accept": ACCEPT,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, "logging_app/imports/import.html", context, status=status)


@csrf_exempt  # checked below, once the size is known: the check reads the body
@athlete_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    """The upload form and the imports not yet final. A POST over the limit is refused from
    its Content-Length before anything reads it (Django's CSRF check would read the whole
    body first: hence csrf_exempt here and csrf_protect after the size check)."""
    if request.method == "POST" and content_length(request) > MAX_UPLOAD_BYTES + FORM_OVERHEAD:
        return _page(request, errors={"files": services.TOO_LARGE}, status=413)
    try:
        return _import_page(request)
    except TooManyFilesSent:
        # Django's parser stops at DATA_UPLOAD_MAX_NUMBER_FILES (100, the limit too)
        # before start_batch can count: said on the page, not as Django's bare 400.
        return _page(request, errors={"files": services.TOO_MANY}, status=422)


@csrf_protect
def _import_page(request):
    if request.method != "POST":
        return _page(request)
    uploads = request.FILES.getlist("files")
    try:
        batch = services.start_batch(
            request.user.athlete, [(upload.name, upload) for upload in uploads]
        )
    except ValidationError as error:
        return _page(request, errors={"files": " ".join(error.messages)}, status=422)
    return redirect("logging_app:import_batch", pk=batch.pk)


@athlete_required
@require_GET
@vary_on_headers("HX-Request")
def batch_page(request, pk):
    """What became of each file of an upload. While a worker reads it the page asks again
    every few seconds (htmx); the answer stops asking once the batch is done."""
    batch = batch_of(request.user.pk, pk)
    if batch is None:
        raise Http404
    template = "logging_app/imports/batch.html"
    if request.htmx and not (request.htmx.boosted or request.htmx.history_restore_request):
        template += "#outcomes"
    context = {
        "batch": batch,
        "items": [(Outcome(item["outcome"]).label, item) for item in batch.outcomes],
        "done": batch.status == batch.Status.DONE,
        "poll": POLL_SECONDS,
        "has_open": open_imports_queryset(request.user.pk).exists() if batch.outcomes else False,
    }
    return render(request, template, context)


def _imported(request, pk):
    """The athlete's own import, final or not (a final one answers 409, another's 404)."""
    mine = ImportedActivity.objects.filter(athlete_id=request.user.pk)
    return get_object_or_404(mine.select_related("log__session", "athlete__user"), pk=pk)


def _version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _change(request, pk, change, done: str):
    """Apply a change named by the page's version: 409 with the page drawn again when the
    import changed meanwhile (or is final), 422 for a session that is not a choice."""
    imported = _imported(request, pk)
    version = _version(request)
    try:
        if version is None:
            raise changes.StaleImport
        change(imported, version)
    except changes.StaleImport:
        message = "This import changed or became final since the page was drawn: look again."
        return _page(request, errors={"stale": message}, status=409)
    except ValidationError as error:
        return _page(request, errors={"session": " ".join(error.messages)}, status=422)
    messages.success(request, done)
    return redirect("logging_app:import")


@athlete_required
@require_POST
def rematch(request, pk):
    # Missing or empty is no choice (422), not an unmatch: unmatching is its own button.
    session_id = request.POST.get("session", "")
    return _change(
        request,
        pk,
        lambda imported, version: changes.rematch(
            imported=imported, version=version, session_id=session_id, request=request
        ),
        "Matched again.",
    )


@athlete_required
@require_POST
def unmatch(request, pk):
    return _change(
        request,
        pk,
        lambda imported, version: changes.rematch(
            imported=imported, version=version, session_id=None, request=request
        ),
        "Unmatched: kept as an unplanned activity.",
    )


@athlete_required
@require_POST
def keep(request, pk):
    return _change(
        request,
        pk,
        lambda imported, version: changes.keep(imported=imported, version=version),
        "Kept as it is.",
    )
