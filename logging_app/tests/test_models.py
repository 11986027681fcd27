import pytest
from django.core.exceptions import ValidationError

from accounts.models import Athlete
from logging_app.models import SyncStatus, WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import SessionType
from training.tests.factories import ExerciseFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_sync_status_values_and_default():
    assert SyncStatus.values == ["pending", "synced", "error"]
    assert WorkoutLogFactory().sync_status == SyncStatus.SYNCED


def test_one_log_per_session_per_athlete(db_rejects):
    log = WorkoutLogFactory()
    with db_rejects("idx_log_session"):
        WorkoutLogFactory(session=log.session, athlete=log.athlete)


def test_logs_without_session_do_not_collide():
    first = WorkoutLogFactory()
    second = WorkoutLogFactory(athlete=first.athlete)
    first.session.delete()
    second.session.delete()
    assert WorkoutLog.objects.filter(athlete=first.athlete, session=None).count() == 2


@pytest.mark.parametrize("rpe", [0, 11])
def test_rpe_1_to_10(rpe, db_rejects):
    with db_rejects("log_rpe_1_10"):
        WorkoutLogFactory(rpe=rpe)


@pytest.mark.parametrize("rpe", [None, 1, 10])
def test_rpe_bounds_accepted(rpe):
    WorkoutLogFactory(rpe=rpe).full_clean()


def test_notes_at_most_1000_characters(db_rejects):
    WorkoutLogFactory(notes="x" * 1000).full_clean()
    with db_rejects("log_notes_max_1000"):
        WorkoutLogFactory(notes="x" * 1001)


def test_notes_length_reported_by_full_clean():
    log = WorkoutLogFactory()
    log.notes = "x" * 1001
    with pytest.raises(ValidationError) as caught:
        log.full_clean()
    assert "notes" in caught.value.message_dict


def test_sync_status_enforced_by_database(db_rejects):
    with db_rejects("log_sync_status_valid"):
        WorkoutLogFactory(sync_status="lost")


def test_actual_data_validated_by_the_sessions_type():
    exercise = ExerciseFactory()
    session = TrainingSessionFactory(type=SessionType.STRENGTH, prescription={"exercises": []})
    log = WorkoutLogFactory.build(
        session=session,
        athlete=session.plan.athlete,
        actual_data={"exercises": [{"exerciseId": str(exercise.pk), "sets": [{"reps": 5}]}]},
    )
    with pytest.raises(ValidationError) as caught:
        log.full_clean()
    assert caught.value.message_dict["actual_data"] == ["exercises[0].sets[0].weight: is required"]


def test_actual_data_of_a_log_whose_session_is_gone_is_still_validated():
    log = WorkoutLogFactory()
    log.session.delete()
    log.refresh_from_db()
    log.actual_data["avgHeartRate"] = 400
    with pytest.raises(ValidationError) as caught:
        log.full_clean()
    assert caught.value.message_dict["actual_data"] == ["avgHeartRate: must be ≤ 250"]


def test_deleting_an_athlete_deletes_their_logs():
    log = WorkoutLogFactory()
    Athlete.objects.get(pk=log.athlete.pk).user.delete()
    assert not WorkoutLog.objects.filter(pk=log.pk).exists()
