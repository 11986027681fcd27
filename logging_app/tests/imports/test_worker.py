"""The import task on a real Celery worker through RabbitMQ: the web process stores the
upload and sends the batch's id; a worker process (another machine, as far as it knows)
reads the pieces from the database, imports, and deletes them. PostgreSQL only, skipped
without RabbitMQ except in CI (the insights worker test's fixtures say why)."""

import io
import time
from datetime import timedelta

import pytest

from insights.tests.test_celery_workers import Worker, producer, queue, wait_for  # noqa: F401
from logging_app.imports import services
from logging_app.imports.models import ImportBatch, ImportChunk
from logging_app.models import WorkoutLog
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import at, berlin_athlete, last_monday, run_on, week_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_worker_imports_a_stored_upload(producer, queue, tmp_path, monkeypatch):  # noqa: F811
    athlete = berlin_athlete()
    session = run_on(week_of(athlete), 1)
    data = fit_activity(1800, start=at(last_monday() + timedelta(days=1), 7))
    # Stored as the page stores it, but the message goes to this test's queue.
    monkeypatch.setattr(
        "logging_app.imports.tasks.import_batch.delay",
        lambda batch_id: producer.send_task(
            "logging_app.imports.tasks.import_batch", args=[batch_id], queue=queue
        ),
    )
    batch = services.start_import(athlete, "run.fit", io.BytesIO(data))
    worker = Worker("imports", queue, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 60
        wait_for(
            lambda: ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.DONE,
            deadline,
            "the worker to import the batch",
            [worker],
        )
    finally:
        worker.stop()
    batch.refresh_from_db()
    assert [o["outcome"] for o in batch.outcomes] == ["matched"]
    assert WorkoutLog.objects.get(pk=batch.outcomes[0]["log"]).session == session
    assert not ImportChunk.objects.filter(batch=batch).exists()
