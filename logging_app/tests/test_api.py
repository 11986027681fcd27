"""The sync API (logging_app/api.py): every answer of its contract, and what each costs."""

import json
import uuid
import zoneinfo
from datetime import UTC, datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import UserRole
from accounts.tests.factories import AthleteFactory, UserFactory
from logging_app.api import log_json
from logging_app.log_input import input_name
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory, log_body
from training.models import Exercise, SessionType, TrainingSession
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
    this_monday,
)

pytestmark = pytest.mark.django_db
URL = reverse("api:workout_logs")


def post(client, payload, **extra):
    data = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, data, content_type="application/json", **extra)


def strength_actual(exercise_id, **set_overrides) -> dict:
    return {
        "exercises": [
            {"exerciseId": str(exercise_id), "sets": [{"weight": 100, "reps": 5, **set_overrides}]}
        ]
    }


@pytest.fixture
def session():
    return TrainingSessionFactory()


@pytest.fixture
def strength_session():
    exercise = ExerciseFactory()
    return TrainingSessionFactory(
        type=SessionType.STRENGTH, prescription=strength_prescription(exercise.pk)
    )


@pytest.fixture
def athlete_client(client, session):
    client.force_login(session.plan.athlete.user)
    return client


# --- Storing a log ---------------------------------------------------------------------------


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


# --- Invalid input: 400, each message under the key of what it concerns -----------------------

WEEKS_AGO = datetime.combine(this_monday() - timedelta(days=8), time(12), UTC)
NOT_A_MOMENT = {
    "completedAt": "must be a date and time, such as 2025-03-03T18:30 (in your profile's time "
    "zone) or 2025-03-03T18:30+01:00"
}
NOT_AN_RPE = {"rpe": "must be a whole number from 1 to 10, or null"}
BAD_BODIES = {
    "id missing": (lambda b: b.pop("id"), {"id": "is required"}),
    "id not a UUID": (lambda b: b.update(id="log-1"), {"id": "must be a UUID"}),
    "id a number": (lambda b: b.update(id=42), {"id": "must be a UUID"}),
    "sessionId missing": (lambda b: b.pop("sessionId"), {"sessionId": "is required"}),
    "sessionId not a UUID": (lambda b: b.update(sessionId="7"), {"sessionId": "must be a UUID"}),
    "completedAt missing": (lambda b: b.pop("completedAt"), {"completedAt": "is required"}),
    "completedAt not a date": (lambda b: b.update(completedAt="yesterday"), NOT_A_MOMENT),
    "completedAt impossible": (
        lambda b: b.update(completedAt="2025-02-30T18:30:00+01:00"),
        NOT_A_MOMENT,
    ),
    "completedAt a number": (lambda b: b.update(completedAt=1741026600), NOT_A_MOMENT),
    "completedAt in the future": (
        lambda b: b.update(completedAt=(timezone.now() + timedelta(hours=1)).isoformat()),
        {"completedAt": "A workout cannot be completed in the future."},
    ),
    "completedAt more than 7 days from the session": (
        lambda b: b.update(completedAt=WEEKS_AGO.isoformat()),
        {"completedAt": "Log a workout within 7 days of the session's date."},
    ),
    "rpe 0": (lambda b: b.update(rpe=0), NOT_AN_RPE),
    "rpe 11": (lambda b: b.update(rpe=11), NOT_AN_RPE),
    "rpe a fraction": (lambda b: b.update(rpe=6.5), NOT_AN_RPE),
    "rpe text": (lambda b: b.update(rpe="6"), NOT_AN_RPE),
    "rpe true": (lambda b: b.update(rpe=True), NOT_AN_RPE),
    "notes 1001 characters": (
        lambda b: b.update(notes="x" * 1001),
        {"notes": "must be at most 1000 characters"},
    ),
    "notes not text": (lambda b: b.update(notes=["x"]), {"notes": "must be text, or null"}),
    "actualData missing": (lambda b: b.pop("actualData"), {"actualData": "is required"}),
    "actualData not an object": (
        lambda b: b.update(actualData=[1]),
        {"actualData": "must be an object"},
    ),
    "actualData with a bad value": (
        lambda b: b["actualData"].update(avgHeartRate=400),
        {"actualData.avgHeartRate": "must be ≤ 250"},
    ),
    # The session is an endurance one: the strength schema's data is not its kind.
    "actualData of the other session type": (
        lambda b: b.update(actualData={"exercises": []}),
        {
            "actualData": "unknown key ('exercises' was unexpected)",
            "actualData.completed": "is required",
            "actualData.duration": "is required",
            "actualData.modality": "is required",
        },
    ),
}


@pytest.mark.parametrize(("change", "errors"), BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_invalid_input_is_a_400_keyed_by_field(athlete_client, session, change, errors):
    sent = log_body(session)
    change(sent)

    response = post(athlete_client, sent)

    assert response.status_code == 400
    assert response.json()["errors"] == errors
    assert set(response.json()["messages"]) == {input_name(key) for key in errors}
    assert not WorkoutLog.objects.exists()


def test_several_invalid_fields_are_reported_together(athlete_client, session):
    sent = log_body(session, id="x", rpe=11, completedAt="3 March")

    response = post(athlete_client, sent)

    assert set(response.json()["errors"]) == {"id", "rpe", "completedAt"}


STRENGTH_BODIES = {
    "negative reps": (
        {"reps": -1},
        {"actualData.exercises[0].sets[0].reps": "must be ≥ 0"},
    ),
    "a set without its weight": (
        {"weight": None},
        {"actualData.exercises[0].sets[0].weight": "must be a number"},
    ),
    "an unknown key in a set": (
        {"tempo": "3010"},
        {"actualData.exercises[0].sets[0]": "unknown key ('tempo' was unexpected)"},
    ),
}


@pytest.mark.parametrize(("set_data", "errors"), STRENGTH_BODIES.values(), ids=STRENGTH_BODIES)
def test_actual_data_errors_are_keyed_by_json_path(client, strength_session, set_data, errors):
    client.force_login(strength_session.plan.athlete.user)
    exercise_id = strength_session.prescription["exercises"][0]["exerciseId"]
    sent = log_body(strength_session, actualData=strength_actual(exercise_id, **set_data))

    response = post(client, sent)

    assert response.status_code == 400
    assert response.json()["errors"] == errors
    assert not WorkoutLog.objects.exists()


def test_endurance_data_for_a_strength_session_is_a_400(client, strength_session):
    client.force_login(strength_session.plan.athlete.user)

    response = post(client, log_body(strength_session))

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"actualData", "actualData.exercises"}
    assert not WorkoutLog.objects.exists()


def test_a_missing_key_is_named_in_its_path(client, strength_session):
    client.force_login(strength_session.plan.athlete.user)
    sent = log_body(strength_session, actualData={"exercises": [{"sets": []}]})

    response = post(client, sent)

    assert response.json()["errors"] == {"actualData.exercises[0].exerciseId": "is required"}


@pytest.mark.parametrize(
    "raw",
    ["", "{", "not json", '{"rpe": NaN}', "[" * 60_000, b"\xff\xfe"],
    ids=["empty", "cut short", "text", "NaN", "nested too deep", "not UTF-8"],
)
def test_malformed_json_is_a_400(athlete_client, raw):
    response = post(athlete_client, raw)

    assert response.status_code == 400
    assert response.json()["errors"] == {"body": "must be valid JSON"}
    assert not WorkoutLog.objects.exists()


@pytest.mark.parametrize("raw", ["[]", '"a log"', "null", "42"])
def test_a_body_that_is_not_an_object_is_a_400(athlete_client, raw):
    response = post(athlete_client, raw)

    assert response.status_code == 400
    assert response.json()["errors"] == {"body": "must be a JSON object"}


# --- Sessions and logs that are not the athlete's ---------------------------------------------


def test_another_athletes_session_is_a_404(athlete_client):
    theirs = TrainingSessionFactory()

    response = post(athlete_client, log_body(theirs))

    assert response.status_code == 404
    assert set(response.json()["errors"]) == {"sessionId"}
    assert not WorkoutLog.objects.exists()


def test_a_teammates_session_is_a_404(client):
    """Two athletes of one coach: neither reaches the other's sessions."""
    first = AthleteFactory()
    second = AthleteFactory(coach=first.coach)
    their_session = TrainingSessionFactory(plan=TrainingPlanFactory(athlete=second))
    client.force_login(first.user)

    assert post(client, log_body(their_session)).status_code == 404


def test_an_unknown_session_is_a_404(athlete_client, session):
    response = post(athlete_client, log_body(session, sessionId=str(uuid.uuid4())))

    assert response.status_code == 404
    assert not WorkoutLog.objects.exists()


def test_reading_back_a_stored_log(athlete_client, session):
    log = WorkoutLogFactory(session=session)

    response = athlete_client.get(reverse("api:workout_log", args=[log.pk]))

    assert response.status_code == 200
    assert response.json() == log_json(log)
    assert "no-store" in response["Cache-Control"]


def test_a_log_whose_session_was_deleted_reads_with_no_session(athlete_client, session):
    log = WorkoutLogFactory(session=session)
    session.delete()

    response = athlete_client.get(reverse("api:workout_log", args=[log.pk]))

    assert response.json()["sessionId"] is None


@pytest.mark.parametrize("whose", ["another athlete's", "nobody's"])
def test_reading_a_log_that_is_not_the_athletes_is_a_404(athlete_client, whose):
    pk = WorkoutLogFactory().pk if whose == "another athlete's" else uuid.uuid4()

    response = athlete_client.get(reverse("api:workout_log", args=[pk]))

    assert response.status_code == 404
    assert response.json()["errors"] == {"id": "No such log of yours."}


# --- Who may call: JSON answers, never the sign-in page ---------------------------------------


def _endpoints(session):
    log = WorkoutLogFactory(session=session)
    return [
        ("POST", URL, json.dumps(log_body(session))),
        ("GET", reverse("api:workout_log", args=[log.pk]), ""),
    ]


def test_signed_out_callers_get_a_401_in_json(client, session):
    for method, url, data in _endpoints(session):
        response = client.generic(method, url, data, content_type="application/json")

        assert response.status_code == 401, url
        assert response.json() == {"errors": {"auth": "Sign in first."}}
        assert "Location" not in response
    assert WorkoutLog.objects.count() == 1


@pytest.mark.parametrize("who", ["coach", "admin", "athlete without a profile"])
def test_anyone_but_an_athlete_gets_a_403_in_json(client, session, who):
    user = {
        "coach": lambda: session.plan.coach.user,
        "admin": lambda: UserFactory(is_staff=True, is_superuser=True, role=UserRole.COACH),
        "athlete without a profile": lambda: UserFactory(role=UserRole.ATHLETE),
    }[who]()
    client.force_login(user)
    for method, url, data in _endpoints(session):
        response = client.generic(method, url, data, content_type="application/json")

        assert response.status_code == 403, url
        assert response.json() == {"errors": {"auth": "Only athletes can use this."}}
    assert WorkoutLog.objects.count() == 1


def test_without_the_csrf_token_a_post_is_refused(session):
    client = Client(enforce_csrf_checks=True)
    client.force_login(session.plan.athlete.user)
    # A CSRF secret the client holds as its cookie; the header must repeat it.
    secret = "a" * 32
    client.cookies["csrftoken"] = secret

    refused = post(client, log_body(session))
    accepted = post(client, log_body(session), headers={"X-CSRFToken": secret})

    assert refused.status_code == 403
    assert accepted.status_code == 201
    assert WorkoutLog.objects.count() == 1


def test_only_post_and_get_are_answered(athlete_client, session):
    log = WorkoutLogFactory(session=session)

    assert athlete_client.get(URL).status_code == 405
    assert athlete_client.delete(reverse("api:workout_log", args=[log.pk])).status_code == 405


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


# --- Time as typed, and errors in words --------------------------------------------------------


def test_a_time_without_offset_is_wall_time_in_the_profile_zone(client):
    """The phone sends the time as the athlete typed it; its own zone does not matter."""
    session = TrainingSessionFactory(plan__athlete__user__time_zone="Europe/Berlin")
    client.force_login(session.plan.athlete.user)
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    typed = (
        (timezone.now() - timedelta(hours=1)).astimezone(berlin).replace(second=0, microsecond=0)
    )

    response = post(client, log_body(session, completedAt=typed.strftime("%Y-%m-%dT%H:%M")))

    assert response.status_code == 201
    assert WorkoutLog.objects.get().completed_at == typed
    assert response.json()["completedAt"] == typed.astimezone(UTC).isoformat()


@pytest.mark.parametrize(
    ("ahead", "status"), [(timedelta(minutes=4), 201), (timedelta(hours=1), 400)]
)
def test_a_phone_clock_a_little_fast_is_not_refused(client, ahead, status):
    session = TrainingSessionFactory(plan__athlete__user__time_zone="Asia/Tokyo")
    client.force_login(session.plan.athlete.user)
    tokyo_wall = (timezone.now() + ahead).astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))

    response = post(client, log_body(session, completedAt=tokyo_wall.strftime("%Y-%m-%dT%H:%M:%S")))

    assert response.status_code == status


def test_refusals_say_in_words_which_field_and_what_is_wrong(client, strength_session):
    client.force_login(strength_session.plan.athlete.user)
    exercise_id = strength_session.prescription["exercises"][0]["exerciseId"]
    name = Exercise.objects.get(pk=exercise_id).name
    sent = log_body(strength_session, actualData=strength_actual(exercise_id, reps=10_000))

    messages = post(client, sent).json()["messages"]

    assert messages == {
        "actualData.exercises.0.sets.0.reps": f"Set 1 of {name}: reps must be a whole number 0–100"
    }
    messages = post(client, {**sent, "rpe": 11}).json()["messages"]
    assert messages == {"rpe": "Session RPE: must be a whole number from 1 to 10, or null"}


def test_refusals_never_show_a_path_or_an_id(client, strength_session):
    client.force_login(strength_session.plan.athlete.user)
    sent = log_body(strength_session, actualData={"exercises": [{"sets": [{"weight": "abc"}]}]})

    messages = post(client, sent).json()["messages"]

    assert messages and all("[" not in m and "actualData" not in m for m in messages.values())
