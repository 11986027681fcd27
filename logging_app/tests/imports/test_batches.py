"""An upload end to end: stored in pieces, read by the task (in-process here: no broker in
tests), each file's outcome recorded, the stored bytes deleted; the upload's limits."""

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from logging_app.imports import services
from logging_app.imports.models import ImportBatch, ImportChunk, ImportedActivity
from logging_app.imports.tasks import import_batch
from logging_app.models import WorkoutLog
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import (
    at,
    berlin_athlete,
    hr_zones,
    last_monday,
    run_on,
    week_of,
)

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "activities"
TUESDAY_MORNING = at(last_monday() + timedelta(days=1), 7, 30)


def upload(athlete, files, django_capture_on_commit_callbacks):
    """start_batch as the page calls it; the queued task runs once the rows are committed."""
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.start_batch(athlete, [(name, io.BytesIO(data)) for name, data in files])
    batch.refresh_from_db()
    return batch


def zipped(files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_of_good_and_bad_files_imports_the_good_ones_and_says_why_not_the_others(
    django_capture_on_commit_callbacks,
):
    athlete = berlin_athlete()
    hr_zones(athlete)
    tuesday_run = run_on(week_of(athlete), 1, minutes=40)
    run = fit_activity(2400, start=TUESDAY_MORNING, heart_rate=lambda s: 145)
    ride = fit_activity(
        3600, start=TUESDAY_MORNING + timedelta(hours=9), sport="cycling", power=lambda s: 200
    )
    files = [("run.fit", run), ("cut.fit", run[:200]), ("ride.fit", ride)]

    batch = upload(athlete, [("week.zip", zipped(files))], django_capture_on_commit_callbacks)

    assert batch.status == ImportBatch.Status.DONE and batch.finished_at
    assert [(o["file"], o["outcome"]) for o in batch.outcomes] == [
        ("run.fit", "matched"),
        ("cut.fit", "problem"),
        ("ride.fit", "unplanned"),
    ]
    assert batch.outcomes[1]["message"].startswith("cut.fit: ")
    run_log = WorkoutLog.objects.get(pk=batch.outcomes[0]["log"])
    assert run_log.session == tuesday_run
    assert run_log.actual_data["zoneMinutes"] == [0, 0, 40.0, 0, 0]  # 145 bpm: zone 3
    assert WorkoutLog.objects.get(pk=batch.outcomes[2]["log"]).actual_data["avgPower"] == 200
    assert not ImportChunk.objects.exists()


def test_several_files_at_once_and_the_samples_of_each_format(django_capture_on_commit_callbacks):
    athlete = berlin_athlete()
    files = [(path.name, path.read_bytes()) for path in sorted(SAMPLES.iterdir())]
    batch = upload(athlete, files, django_capture_on_commit_callbacks)
    outcomes = {o["file"]: o["outcome"] for o in batch.outcomes}
    assert outcomes == {
        "evening_ride.tcx": "unplanned",
        "morning_run.gpx": "unplanned",
        "no_points.gpx": "problem",
    }
    formats = set(ImportedActivity.objects.values_list("format", flat=True))
    assert formats == {"gpx", "tcx"}
    # The same upload again: nothing new.
    again = upload(athlete, files, django_capture_on_commit_callbacks)
    assert [o["outcome"] for o in again.outcomes].count("already imported") == 2
    assert WorkoutLog.objects.count() == 2


def test_a_large_upload_is_stored_in_pieces_and_read_whole(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "CHUNK_BYTES", 1000)
    athlete = berlin_athlete()
    data = fit_activity(600, start=TUESDAY_MORNING)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        batch = services.start_import(athlete, "run.fit", io.BytesIO(data))
    assert ImportChunk.objects.filter(batch=batch).count() == -(-len(data) // 1000)
    assert batch.status == ImportBatch.Status.QUEUED and len(queued) == 1
    assert import_batch(str(batch.pk)) == "done"
    batch.refresh_from_db()
    assert batch.outcomes[0]["outcome"] == "unplanned"
    assert ImportedActivity.objects.get().file_name == "run.fit"
    # Delivered again (acks_late after a lost worker): a done batch is left alone.
    assert import_batch(str(batch.pk)) == "skipped"


def test_an_upload_over_50_mb_is_refused_and_stores_nothing(monkeypatch):
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 1500)
    monkeypatch.setattr(services, "CHUNK_BYTES", 1000)
    athlete = berlin_athlete()
    with pytest.raises(services.ValidationError) as refused:
        services.start_batch(athlete, [(n, io.BytesIO(b"x" * 1000)) for n in ("a", "b")])
    assert "over 50 MB" in refused.value.message_dict["files"][0]
    assert not ImportBatch.objects.exists() and not ImportChunk.objects.exists()


@pytest.mark.parametrize(("count", "words"), [(0, "Choose a .fit"), (101, "At most 100")])
def test_no_file_or_too_many_is_refused(count, words):
    uploads = [("a.fit", io.BytesIO(b"x"))] * count
    with pytest.raises(services.ValidationError) as refused:
        services.start_batch(berlin_athlete(), uploads)
    assert words in refused.value.message_dict["files"][0]


def test_an_empty_file_gets_its_line(django_capture_on_commit_callbacks):
    batch = upload(berlin_athlete(), [("empty.fit", b"")], django_capture_on_commit_callbacks)
    assert [o["outcome"] for o in batch.outcomes] == ["problem"]


def test_a_reader_failing_on_one_upload_does_not_stop_the_batch(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    """A bug in a reader is that upload's problem in words; the batch still finishes (else it
    stayed "running", its page polling, and resume_imports queued it again for ever)."""
    read = services.read_upload

    def buggy(name, stream, **kwargs):
        if name == "bad.fit":
            raise RuntimeError("a reader's bug")
        return read(name, stream, **kwargs)

    monkeypatch.setattr(services, "read_upload", buggy)
    run = fit_activity(1800, start=TUESDAY_MORNING)
    batch = upload(
        berlin_athlete(), [("bad.fit", b"x"), ("run.fit", run)], django_capture_on_commit_callbacks
    )
    assert batch.status == ImportBatch.Status.DONE
    assert [o["outcome"] for o in batch.outcomes] == ["problem", "unplanned"]
    assert "bad.fit: could not be read (an error on our side" in batch.outcomes[0]["message"]
    assert "Reading bad.fit failed" in caplog.text
    assert not ImportChunk.objects.filter(batch=batch).exists()
