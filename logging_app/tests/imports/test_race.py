"""Two imports of one activity at once (two workers, two uploads): one log, whatever the
timing. PostgreSQL only: SQLite has one writer at a time by construction."""

import threading
import time

import pytest
from django.db import connection, connections

from logging_app.imports import services
from logging_app.imports.models import ImportedActivity
from logging_app.models import WorkoutLog
from logging_app.tests.imports.helpers import activity, berlin_athlete

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(athlete, items):
    """Import `items` in threads that start together and each dawdle after looking for a
    duplicate, so both look before either stores, unless something makes them wait."""
    barrier = threading.Barrier(len(items))
    results, errors = [], []

    def one(item):
        try:
            barrier.wait()
            results.append(services.import_activity(athlete, item))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    return sorted(result["outcome"] for result in results)


@pytest.fixture
def slow_dedup(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers: PostgreSQL only.")
    real = services._dedup

    def dawdling(athlete, item):
        found = real(athlete, item)
        time.sleep(0.3)
        return found

    monkeypatch.setattr(services, "_dedup", dawdling)


def test_the_same_activity_from_two_formats_at_once_is_stored_once(slow_dedup):
    athlete = berlin_athlete()
    fit = activity()
    gpx = activity(file_name="run.gpx", format="gpx", started_at=fit.started_at)
    assert at_once(athlete, [fit, gpx]) == ["already imported", "unplanned"]
    assert WorkoutLog.objects.count() == 1 and ImportedActivity.objects.count() == 1


def test_the_same_file_twice_at_once_is_stored_once(slow_dedup):
    athlete = berlin_athlete()
    fit = activity()
    assert at_once(athlete, [fit, fit]) == ["already imported", "unplanned"]
    assert WorkoutLog.objects.count() == 1
