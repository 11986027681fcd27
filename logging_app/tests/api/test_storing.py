"""The sync API stores a log once: 201 for a new one, 200 for a replay, 409 for a second log
of a session, and what each costs in queries."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from logging_app.api import log_json
from logging_app.models import WorkoutLog
from logging_app.tests.api.calls import post, strength_actual
from logging_app.tests.factories import WorkoutLogFactory, log_body
from training.models import SessionType, TrainingSession
from training.tests.factories import TrainingSessionFactory, this_monday

pytestmark = pytest.mark.django_db


def test_a_new_log_is_stored_and_answered_201(athlete_client, session):
    finished = timezone.now().astimezone(timezone.get_fixed_timezone(120))
    sent = log_body(session, completedAt=finished.isoformat())

    response = post(athlete_client, sent)

    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    log = WorkoutLog.objects.get()
    assert response.json() == log_json(log)
    assert response.json() == {
        "id": sent["id"],
        "sessionId": str(session.pk),
        "athleteId": str(session.plan.athlete.pk),
        # The same moment, told in UTC whatever offset the phone used.
        "completedAt": finished.astimezone(UTC).isoformat(),
        "actualData": sent["actualData"],
        "rpe": 6,
        "notes": "Felt easy.",
        "syncStatus": "synced",
        "createdAt": log.created_at.astimezone(UTC).isoformat(),
    }


def test_a_strength_log_is_stored(client, strength_session):
    client.force_login(strength_session.plan.athlete.user)
    exercise_id = strength_session.prescription["exercises"][0]["exerciseId"]
    sent = log_body(strength_session, actualData=strength_actual(exercise_id, rpe=8))

    response = post(client, sent)

    assert response.status_code == 201
    assert WorkoutLog.objects.get().actual_data == sent["actualData"]


def test_rpe_and_notes_may_be_left_out(athlete_client, session):
    sent = log_body(session)
    del sent["rpe"], sent["notes"]

    response = post(athlete_client, sent)

    assert response.status_code == 201
    assert (response.json()["rpe"], response.json()["notes"]) == (None, None)


@pytest.mark.parametrize(("rpe", "notes"), [(1, "x" * 1000), (10, None), (None, "")])
def test_rpe_and_notes_at_their_bounds_are_accepted(athlete_client, session, rpe, notes):
    response = post(athlete_client, log_body(session, rpe=rpe, notes=notes))

    assert response.status_code == 201
    assert response.json()["rpe"] == rpe


def test_a_replay_answers_200_with_the_stored_log_even_if_the_body_differs(athlete_client, session):
    sent = log_body(session)
    first = post(athlete_client, sent)

    replay = post(athlete_client, {**sent, "rpe": 9, "notes": "Changed my mind."})

    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json() == first.json()
    stored = WorkoutLog.objects.get()
    assert (stored.rpe, stored.notes) == (6, "Felt easy.")


@pytest.mark.parametrize("change", ["moved", "changed type", "deleted"])
def test_a_replay_is_answered_200_after_the_coach_changed_the_session(
    athlete_client, session, change
):
    sent = log_body(session)
    first = post(athlete_client, sent)
    sessions = TrainingSession.objects.filter(pk=session.pk)
    if change == "moved":
        sessions.update(date=this_monday() - timedelta(weeks=3))
    elif change == "changed type":
        sessions.update(type=SessionType.STRENGTH)
    else:
        sessions.delete()

    replay = post(athlete_client, sent)

    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json()["id"] == sent["id"]
    assert replay.json() == log_json(WorkoutLog.objects.get())


def test_a_second_log_for_the_session_is_a_409_naming_the_stored_one(athlete_client, session):
    existing = WorkoutLogFactory(session=session)

    response = post(athlete_client, log_body(session))

    assert response.status_code == 409
    assert response.json()["existingId"] == str(existing.pk)
    assert list(WorkoutLog.objects.all()) == [existing]


def test_an_id_taken_by_another_athletes_log_is_refused_without_showing_it(athlete_client, session):
    theirs = WorkoutLogFactory()

    response = post(athlete_client, log_body(session, id=str(theirs.pk)))

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"id"}
    assert str(theirs.session_id) not in response.text
    assert list(WorkoutLog.objects.all()) == [theirs]


def test_an_id_taken_by_the_athletes_log_of_another_session_is_refused(athlete_client, session):
    other_session = TrainingSessionFactory(plan=session.plan)
    mine = WorkoutLogFactory(session=other_session)

    response = post(athlete_client, log_body(session, id=str(mine.pk)))

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"id"}
    assert WorkoutLog.objects.count() == 1


# --- Query budget -----------------------------------------------------------------------------
# transaction=True: inside a test's transaction, record_workout() would guard its INSERT with
# a savepoint (SAVEPOINT and RELEASE or ROLLBACK TO: two more queries) that a real request,
# in autocommit, does not run. The queries: the session row, the user, the training session
# with its plan, athlete and user; the INSERT; for a replay, the SELECT of the stored log.


@pytest.mark.django_db(transaction=True)
def test_creating_a_log_stays_in_budget(client, django_assert_max_num_queries):
    session = TrainingSessionFactory()
    client.force_login(session.plan.athlete.user)

    with django_assert_max_num_queries(6):
        response = post(client, log_body(session))

    assert response.status_code == 201


@pytest.mark.django_db(transaction=True)
def test_a_replay_stays_in_budget(client, django_assert_max_num_queries):
    session = TrainingSessionFactory()
    client.force_login(session.plan.athlete.user)
    sent = log_body(session)
    post(client, sent)

    with django_assert_max_num_queries(6):
        response = post(client, sent)

    assert response.status_code == 200
