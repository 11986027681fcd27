"""A zip of many runs imported end to end (stored, read, matched, each a log): 30 runs, one a
day, about half of them on a planned day. How long 100 one-hour files take is measured by
`manage.py benchmark_activity_import --end-to-end` (docs/benchmarks.md), not timed here."""

import io
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
FILES, SECONDS = 30, 600


def test_a_zip_of_a_month_of_runs_is_matched_day_by_day(django_capture_on_commit_callbacks):
    athlete = berlin_athlete()
    hr_zones(athlete)
    first = last_monday() - timedelta(weeks=5)  # 30 days fit before last week
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

    with django_capture_on_commit_callbacks(execute=True):
        batch = services.start_import(athlete, "month.zip", io.BytesIO(upload))

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    outcomes = [o["outcome"] for o in batch.outcomes]
    planned = sum(1 for n in range(FILES) if n // 7 % 2 == 0)
    assert (outcomes.count("matched"), outcomes.count("unplanned")) == (planned, FILES - planned)
    assert WorkoutLog.objects.filter(athlete=athlete).count() == FILES
