"""The issue's budget: a zip of 100 files imported end to end in under 30 s (stored, read,
matched, each a log). Here 100 one-hour runs recorded at 1 Hz (360,000 records), with heart
rate and zones, one a day, half of them on a planned day; measured in-process (no broker)."""

import io
import time
import zipfile
from datetime import timedelta

import pytest

from logging_app.imports import services
from logging_app.imports.models import ImportBatch
from logging_app.models import WorkoutLog
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import at, berlin_athlete, hr_zones, last_monday, run_on
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db
FILES, SECONDS = 100, 3600
BUDGET_S = 30


def test_a_zip_of_100_one_hour_files_imports_in_under_30_s(django_capture_on_commit_callbacks):
    athlete = berlin_athlete()
    hr_zones(athlete)
    first = last_monday() - timedelta(weeks=15)  # 100 days fit before last week
    for week in range(0, FILES, 14):  # every other week planned: a run each day
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=first + timedelta(days=week))
        for day in range(7):
            run_on(plan, day, minutes=60)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(FILES):
            start = at(first + timedelta(days=n), 7, 0)
            archive.writestr(f"run-{n:03}.fit", fit_activity(SECONDS, start=start))
    upload = buffer.getvalue()

    began = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.start_import(athlete, "year.zip", io.BytesIO(upload))
    elapsed = time.perf_counter() - began

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    outcomes = [o["outcome"] for o in batch.outcomes]
    planned = sum(1 for n in range(FILES) if n // 7 % 2 == 0)
    assert (outcomes.count("matched"), outcomes.count("unplanned")) == (planned, FILES - planned)
    assert WorkoutLog.objects.filter(athlete=athlete).count() == FILES
    print(f"\n100 files of {SECONDS} s in a {len(upload):,}-byte zip: {elapsed:.1f} s")
    assert elapsed < BUDGET_S
