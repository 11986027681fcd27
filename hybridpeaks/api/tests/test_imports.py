"""Watch files through the API: an upload is a 202 with its batch, read in the background (in
process here, as without a broker), and the batch tells what became of each file."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from accounts.tokens import create_token
from logging_app.imports.models import ImportBatch
from logging_app.models import WorkoutLog

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "activities"
IMPORTS = reverse("api:imports")


def auth(user) -> dict:
    return {"Authorization": f"Bearer {create_token(user=user, name='t', days=None)[1]}"}


def gpx(name="morning_run.gpx"):
    return SimpleUploadedFile(name, (SAMPLES / name).read_bytes(), "application/gpx+xml")


def test_an_upload_is_queued_then_tells_each_files_outcome(
    client, django_capture_on_commit_callbacks
):
    athlete = AthleteFactory()
    headers = auth(athlete.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORTS, {"files": [gpx(), gpx("no_points.gpx")]}, headers=headers)

    assert response.status_code == 202
    queued = response.json()
    assert queued["status"] == "queued" and queued["outcomes"] == []
    assert response["Location"] == reverse("api:import", args=[queued["id"]])
    done = client.get(response["Location"], headers=headers).json()
    assert done["status"] == "done"
    run, empty = done["outcomes"]
    assert (run["file"], run["outcome"]) == ("morning_run.gpx", "unplanned")
    assert WorkoutLog.objects.get(pk=run["logId"]).athlete_id == athlete.pk
    assert (empty["outcome"], empty["logId"]) == ("problem", None)
    assert empty["message"]


def test_no_file_is_a_400_naming_files(client):
    response = client.post(IMPORTS, {}, headers=auth(AthleteFactory().user))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["files"]
    assert not ImportBatch.objects.exists()


def test_an_upload_over_the_limit_is_refused_unread(client):
    response = client.post(
        IMPORTS,
        {"files": [gpx()]},
        headers=auth(AthleteFactory().user),
        CONTENT_LENGTH=str(51 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert "50 MB" in response.json()["errors"]["files"]
    assert not ImportBatch.objects.exists()


def test_a_log_body_keeps_its_own_limit(client):
    body = "x" * (64 * 1024 + 1)
    response = client.post(
        reverse("api:workout_logs"),
        body,
        content_type="application/json",
        headers=auth(AthleteFactory().user),
    )
    assert response.status_code == 413


def test_coaches_do_not_import(client):
    coach = AthleteFactory().coach
    response = client.post(IMPORTS, {"files": [gpx()]}, headers=auth(coach.user))
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_another_athletes_batch_is_a_404(client):
    batch = ImportBatch.objects.create(athlete=AthleteFactory())

    response = client.get(
        reverse("api:import", args=[batch.pk]), headers=auth(AthleteFactory().user)
    )

    assert response.status_code == 404
