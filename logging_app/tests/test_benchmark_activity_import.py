"""The watch-file benchmark runs (its figures are in docs/benchmarks.md; speed is measured
there, not asserted in a timed test)."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from logging_app.models import WorkoutLog


@pytest.mark.django_db
def test_the_benchmark_runs_on_small_files():
    out = io.StringIO()
    call_command(
        "benchmark_activity_import",
        runs=1,
        seconds=60,
        zip_files=2,
        zip_minutes=1,
        end_to_end=True,
        stdout=out,
    )
    text = out.getvalue()
    assert "FIT file: 60 records" in text
    assert "ratio" in text
    assert "peak memory (tracemalloc): read_upload" in text
    assert "zip of 2 files of 1 min" in text
    assert "2 activities read" in text
    assert "end to end: 2 files of 1 min imported (2 logs)" in text
    # Rolled back: no scratch athlete, no log stays.
    assert not User.objects.exists()
    assert not WorkoutLog.objects.exists()
