"""manage.py resume_imports: an upload no worker finished is queued again, once stale."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from logging_app.imports import services
from logging_app.imports.models import ImportBatch, ImportChunk
from logging_app.management.commands.resume_imports import STALE_AFTER
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import at, berlin_athlete, last_monday

pytestmark = pytest.mark.django_db


def lost_upload(athlete, age: timedelta) -> ImportBatch:
    """A stored upload whose message never reached a worker (the on-commit queueing is not
    run: no django_capture_on_commit_callbacks)."""
    start = at(last_monday() + timedelta(days=1), 7, 30)
    batch = services.start_import(athlete, "run.fit", io.BytesIO(fit_activity(600, start=start)))
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - age)
    return batch


def test_a_stale_unfinished_upload_is_imported_and_its_bytes_deleted(capsys):
    athlete = berlin_athlete()
    stale = lost_upload(athlete, STALE_AFTER + timedelta(minutes=1))
    fresh = lost_upload(athlete, timedelta(minutes=1))

    call_command("resume_imports")

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == ImportBatch.Status.DONE
    assert [o["outcome"] for o in stale.outcomes] == ["unplanned"]
    assert not ImportChunk.objects.filter(batch=stale).exists()
    # A fresh one may still be in a worker's queue: left alone.
    assert fresh.status == ImportBatch.Status.QUEUED
    assert ImportChunk.objects.filter(batch=fresh).exists()
    assert "Queued 1 unfinished upload(s) again." in capsys.readouterr().out


def test_a_finished_upload_is_not_queued_again(capsys):
    batch = lost_upload(berlin_athlete(), STALE_AFTER * 2)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.DONE)

    call_command("resume_imports")

    assert "Queued 0 unfinished upload(s) again." in capsys.readouterr().out
