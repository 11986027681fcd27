"""The sync API reads a log's input: times as typed in the athlete's zone, and every refusal a
400 naming its field, in words."""

import zoneinfo
from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from logging_app.log_input import input_name
from logging_app.models import WorkoutLog
from logging_app.tests.api.calls import post, strength_actual
from logging_app.tests.factories import log_body
from training.models import Exercise
from training.tests.factories import TrainingSessionFactory, this_monday

pytestmark = pytest.mark.django_db


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
