"""Watch files through the API: POST /api/v1/imports/ stores an upload and queues its import
(logging_app.imports.services.start_batch, the pages' own path), answering 202 with the
batch; GET /api/v1/imports/<id>/ tells what became of each file once a worker has read it.

The body's size is refused before it is read (logging_app.api_guard: 50 MB and the
multipart around it). Athletes only: the logs an import makes are the athlete's own.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFilesSent, ValidationError
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Athlete
from accounts.permissions import api_athlete_required
from hybridpeaks.api.params import refusal
from hybridpeaks.api.shapes import when
from logging_app.api import iso_utc
from logging_app.imports import services
from logging_app.imports.models import ImportBatch


def batch_json(batch: ImportBatch) -> dict:
    return {
        "id": str(batch.pk),
        "status": batch.status,
        "createdAt": iso_utc(batch.created_at),
        "finishedAt": when(batch.finished_at),
        "outcomes": [
            {
                "file": item["file"],
                "outcome": item["outcome"],
                "message": item["message"],
                "logId": item["log"],
            }
            for item in batch.outcomes
        ],
    }


@api_athlete_required
@require_POST
def imports(request):
    """Multipart, one or more `files` (.fit, .gpx, .tcx or .zip). 202: the batch is queued;
    its URL is in Location."""
    try:
        uploads = request.FILES.getlist("files")
    except (TooManyFilesSent, RequestDataTooBig):
        return refusal(400, "files", "At most 100 files at a time (or a zip).")
    athlete = Athlete.objects.filter(pk=request.user.pk).first()
    if athlete is None:  # an athlete with no profile: api_athlete_required makes this a 403
        return refusal(404, "auth", "No athlete profile.")
    try:
        batch = services.start_batch(athlete, [(f.name, f) for f in uploads])
    except ValidationError as error:
        return refusal(400, "files", " ".join(error.messages))
    response = JsonResponse(batch_json(batch), status=202)
    response["Location"] = reverse("api:import", args=[batch.pk])
    return response


@api_athlete_required
@require_GET
@never_cache
def import_batch(request, pk):
    batch = ImportBatch.objects.filter(pk=pk, athlete_id=request.user.pk).first()
    if batch is None:
        return refusal(404, "id", "No such import of yours.")
    return JsonResponse(batch_json(batch))
