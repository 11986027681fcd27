"""/api/v1/: every endpoint, each described in openapi.json (a test holds the two together)."""

from pathlib import Path

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from hybridpeaks.api import imports, views
from logging_app import api as sync

app_name = "api"

DOCUMENT = (Path(__file__).parent / "openapi.json").read_bytes()


@require_GET
def openapi(request):
    """The OpenAPI 3.1 document, public: it describes the API, not anyone's data."""
    return HttpResponse(DOCUMENT, content_type="application/json")


urlpatterns = [
    path("openapi.json", openapi, name="openapi"),
    path("me/", views.me, name="me"),
    path("athletes/", views.athletes, name="athletes"),
    path("plans/", views.plans, name="plans"),
    path("plans/<uuid:pk>/", views.plan, name="plan"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/<uuid:pk>/", views.session, name="session"),
    path("workout-logs/", views.workout_logs, name="workout_logs"),
    path("workout-logs/<uuid:pk>/", sync.workout_log, name="workout_log"),
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("summaries/", views.summaries, name="summaries"),
    path("summaries/<uuid:pk>/", views.summary, name="summary"),
    path("imports/", imports.imports, name="imports"),
    path("imports/<uuid:pk>/", imports.import_batch, name="import"),
]
