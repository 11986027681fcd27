"""The import service: each outcome, the duplicate rules, the richer copy, one transaction per
file (activities built as the reader gives them; reading is tested in test_activity_files)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditLog
from logging_app import personal_data
from logging_app.imports import services
from logging_app.imports.models import ImportedActivity, Outcome
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory, endurance_actual
from logging_app.tests.imports.helpers import (
    activity,
    berlin_athlete,
    run_on,
    week_of,
    without_sensors,
)

pytestmark = pytest.mark.django_db


def imported(athlete, item):
    return services.import_activity(athlete, item)


def test_an_activity_on_a_planned_day_is_matched_and_logged_with_what_the_file_knows():
    athlete = berlin_athlete()
    tuesday_run = run_on(week_of(athlete), 1, focus="Easy run")
    run = activity()

    result = imported(athlete, run)

    assert result["outcome"] == Outcome.MATCHED
    assert result["message"] == "run.fit: matched to Tuesday's run “Easy run”."
    log = WorkoutLog.objects.get(pk=result["log"])
    assert log.session == tuesday_run and log.rpe is None and log.notes is None
    assert log.completed_at == run.started_at + timedelta(minutes=47)
    assert log.actual_data == {
        "modality": "run",
        "duration": {"value": 47.0, "unit": "minutes"},
        "distance": {"value": 8.2, "unit": "km"},
        "movingMinutes": 46.0,
        "avgHeartRate": 141,
        "maxHeartRate": 168,
        "avgPower": None,
        "zoneMinutes": [10.0, 20.0, 10.0, 5.0, 2.0],
        "completed": True,
    }
    stored = ImportedActivity.objects.get(log=log)
    assert (stored.athlete, stored.sha256, stored.format, stored.file_name) == (
        athlete,
        run.sha256,
        "fit",
        "run.fit",
    )
    assert stored.started_at == run.started_at and stored.modality == "run"
    assert stored.has_sensors and stored.confirmed_at is None and not stored.is_final()


def test_an_activity_with_no_session_of_its_sport_that_day_is_kept_unplanned():
    athlete = berlin_athlete()
    run_on(week_of(athlete), 1, modality="bike")  # a ride on Tuesday: not a run
    result = imported(athlete, activity(distance_m=None, moving_s=None))
    assert result["outcome"] == Outcome.UNPLANNED
    assert "no run planned on Tuesday" in result["message"]
    log = WorkoutLog.objects.get(pk=result["log"])
    assert log.session is None and log.kind == "endurance"
    assert log.actual_data["distance"] is None and log.actual_data["movingMinutes"] is None


def test_a_sport_that_is_no_modality_is_a_problem_and_stores_nothing():
    athlete = berlin_athlete()
    result = imported(athlete, activity(sport="hiking", modality=None, file_name="hike.fit"))
    assert result == {
        "file": "hike.fit",
        "outcome": "problem",
        "message": "hike.fit: a hiking activity; only runs, rides, rows and swims become logs.",
        "log": None,
    }
    assert not WorkoutLog.objects.exists()


def test_the_same_file_twice_is_already_imported():
    athlete = berlin_athlete()
    run = activity()
    first = imported(athlete, run)
    again = imported(athlete, run)
    assert again["outcome"] == Outcome.ALREADY_IMPORTED and again["log"] == first["log"]
    assert "already imported" in again["message"]
    assert WorkoutLog.objects.count() == 1


def test_the_same_file_is_another_athletes_own_to_import():
    run = activity()
    imported(berlin_athlete(), run)
    assert imported(berlin_athlete(), run)["outcome"] == Outcome.UNPLANNED


@pytest.mark.parametrize("seconds", [-60, 0, 45, 60])
def test_the_same_activity_from_another_format_within_60_s_is_already_imported(seconds):
    athlete = berlin_athlete()
    fit = activity()
    first = imported(athlete, fit)
    gpx = activity(
        file_name="run.gpx", format="gpx", started_at=fit.started_at + timedelta(seconds=seconds)
    )
    result = imported(athlete, gpx)
    assert result["outcome"] == Outcome.ALREADY_IMPORTED
    assert result["message"] == "run.gpx: the same run as run.fit, already imported."
    assert result["log"] == first["log"]
    assert WorkoutLog.objects.count() == 1


@pytest.mark.parametrize(
    "change", [{"started_at": timedelta(seconds=61)}, {"modality": "bike", "sport": "cycling"}]
)
def test_a_start_61_s_apart_or_another_sport_is_another_activity(change):
    athlete = berlin_athlete()
    first = activity()
    fields = {"started_at": first.started_at + change.pop("started_at", timedelta()), **change}
    imported(athlete, first)
    assert imported(athlete, activity(**fields))["outcome"] == Outcome.UNPLANNED
    assert WorkoutLog.objects.count() == 2


def test_a_richer_copy_replaces_the_stored_data_and_keeps_its_match():
    athlete = berlin_athlete()
    tuesday_run = run_on(week_of(athlete), 1)
    bare = without_sensors(file_name="run.gpx", format="gpx")
    first = imported(athlete, bare)
    rich = activity(started_at=bare.started_at + timedelta(seconds=20), duration_s=48 * 60)

    result = imported(athlete, rich)

    assert result["outcome"] == Outcome.REPLACED and result["log"] == first["log"]
    assert "run.fit: the same run as run.gpx, with heart rate or power" in result["message"]
    log = WorkoutLog.objects.get(pk=first["log"])
    assert log.session == tuesday_run
    assert log.actual_data["avgHeartRate"] == 141 and log.actual_data["zoneMinutes"]
    assert log.completed_at == rich.started_at + timedelta(minutes=48)
    stored = ImportedActivity.objects.get(log=log)
    assert (stored.sha256, stored.format, stored.file_name) == (rich.sha256, "fit", "run.fit")
    assert stored.has_sensors and stored.version == 2
    entry = AuditLog.objects.get(action="replace_imported_activity")
    assert entry.metadata["replaced"] == "run.gpx"
    # The replaced file's hash is gone: importing it again finds the activity by its start.
    assert imported(athlete, bare)["outcome"] == Outcome.ALREADY_IMPORTED


def test_a_final_import_is_not_replaced_by_a_richer_copy():
    athlete = berlin_athlete()
    bare = without_sensors(file_name="run.gpx", format="gpx")
    first = imported(athlete, bare)
    ImportedActivity.objects.filter(log_id=first["log"]).update(confirmed_at=timezone.now())
    result = imported(athlete, activity())
    assert result["outcome"] == Outcome.ALREADY_IMPORTED
    assert "final: kept as it is" in result["message"]
    assert WorkoutLog.objects.get(pk=first["log"]).actual_data["avgHeartRate"] is None


def test_a_poorer_copy_changes_nothing():
    athlete = berlin_athlete()
    first = imported(athlete, activity())
    result = imported(athlete, without_sensors(file_name="run.tcx", format="tcx"))
    assert result["outcome"] == Outcome.ALREADY_IMPORTED
    assert WorkoutLog.objects.get(pk=first["log"]).actual_data["avgHeartRate"] == 141


def test_a_run_already_typed_by_hand_is_not_logged_twice():
    athlete = berlin_athlete()
    run = activity()
    session = run_on(week_of(athlete), 1)
    # Typed after the shower: finished 20 minutes after the watch stopped, 50 minutes long.
    typed = WorkoutLogFactory(
        session=session,
        completed_at=run.started_at + timedelta(minutes=67),
        actual_data=endurance_actual(duration={"value": 50, "unit": "minutes"}),
    )
    result = imported(athlete, run)
    assert result["outcome"] == Outcome.ALREADY_IMPORTED
    assert "already logged by hand" in result["message"] and result["log"] == str(typed.pk)
    assert WorkoutLog.objects.count() == 1
    # The same day's evening ride is another workout.
    evening = activity(started_at=run.started_at + timedelta(hours=11), modality="bike")
    assert imported(athlete, evening)["outcome"] == Outcome.UNPLANNED


def test_a_run_typed_by_hand_later_that_day_is_the_days_run_from_the_watch():
    """Logged in the evening with the form's "now": no overlap in time, but the day's only
    run session is logged by hand, so the morning's watch file is taken to be that run."""
    athlete = berlin_athlete()
    run = activity()
    session = run_on(week_of(athlete), 1, focus="Easy run")
    typed = WorkoutLogFactory(session=session, completed_at=run.started_at + timedelta(hours=13))
    result = imported(athlete, run)
    assert result["outcome"] == Outcome.ALREADY_IMPORTED and result["log"] == str(typed.pk)
    assert result["message"] == (
        "run.fit: Tuesday's run “Easy run” is already logged by hand; this run is taken to be "
        "that one, and your log stands as you typed it."
    )
    # A second run planned that day (a double day) takes the watch's run instead.
    second = run_on(session.plan, 1, focus="Shakeout")
    assert imported(athlete, activity(started_at=run.started_at))["outcome"] == Outcome.MATCHED
    assert WorkoutLog.objects.filter(session=second).exists()


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"duration_s": 25 * 3600}, "duration.value"),  # over the schema's day
        ({"started_at": timezone.now() + timedelta(hours=2)}, "in the future"),
    ],
)
def test_a_file_the_log_rules_refuse_is_a_problem_and_stores_nothing(fields, words):
    athlete = berlin_athlete()
    result = imported(athlete, activity(**fields))
    assert result["outcome"] == Outcome.PROBLEM and result["log"] is None
    assert result["message"].startswith("run.fit: ") and words in result["message"]
    assert not WorkoutLog.objects.exists() and not ImportedActivity.objects.exists()


def test_a_session_logged_from_the_form_meanwhile_leaves_the_activity_unplanned(monkeypatch):
    athlete = berlin_athlete()
    session = run_on(week_of(athlete), 1)
    WorkoutLogFactory(session=session, completed_at=timezone.now() - timedelta(days=3))
    # The match was made just before the form's log was stored.
    monkeypatch.setattr(services.matching, "session_for", lambda *args, **kwargs: session)
    result = imported(athlete, activity(started_at=timezone.now() - timedelta(hours=30)))
    assert result["outcome"] == Outcome.UNPLANNED
    assert WorkoutLog.objects.get(pk=result["log"]).session is None


def test_a_file_whose_import_fails_unexpectedly_is_reported_and_the_others_go_on(
    monkeypatch, caplog
):
    athlete = berlin_athlete()
    real = services.import_activity

    def flaky(athlete, item):
        if item.file_name == "bad.fit":
            raise RuntimeError("a bug")
        return real(athlete, item)

    monkeypatch.setattr(services, "import_activity", flaky)
    outcomes = [services._outcome_of(athlete, activity(file_name=n)) for n in ("bad.fit", "ok.fit")]
    assert outcomes[0]["outcome"] == Outcome.PROBLEM
    assert "an error on our side" in outcomes[0]["message"]
    assert outcomes[1]["outcome"] == Outcome.UNPLANNED
    assert "Importing bad.fit failed" in caplog.text


def test_the_data_export_holds_the_imports():
    athlete = berlin_athlete()
    result = imported(athlete, activity())
    document = personal_data.export(athlete.user)
    [entry] = document["importedActivities"]
    assert entry["logId"] == result["log"] and entry["fileName"] == "run.fit"
    assert entry["confirmedAt"] is None and document["imports"] == []
