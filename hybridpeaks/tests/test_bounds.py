"""Issue 10's hostile inputs, one fixed example each: refused with the field named, never a 500,
and nothing stored. The generated cases are in test_fuzz.py."""

import json
import math
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from hybridpeaks.core.json_validation import schema_problems, validate_document
from logging_app.api_guard import MAX_BODY_BYTES
from logging_app.models import WorkoutLog
from logging_app.tests.factories import endurance_actual, log_body
from training.models import PlanStatus, SessionType, TrainingSession
from training.tests.factories import (
    ExerciseFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db
API = reverse("api:workout_logs")


def post_json(client, payload):
    data = payload if isinstance(payload, bytes) else json.dumps(payload)
    return client.post(API, data, content_type="application/json")


@pytest.fixture
def session():
    return TrainingSessionFactory(date=timezone.localdate())


@pytest.fixture
def athlete_client(client, session):
    client.force_login(session.plan.athlete.user)
    return client


# --- The one validator ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (math.nan, "must be a finite number"),
        (math.inf, "must be a finite number"),
        (-math.inf, "must be a finite number"),
        ("run\x00", "must not contain the NUL character"),
    ],
)
def test_non_finite_numbers_and_nul_are_refused_by_the_one_validator(value, problem):
    document = endurance_actual()
    document["duration"]["value"] = value
    with pytest.raises(ValidationError) as caught:
        validate_document(document, schema="logging_app:actual_data_endurance")
    assert caught.value.messages == [f"duration.value: {problem}"]


def test_a_nul_in_a_key_is_refused():
    problems = schema_problems(
        {"exercises": [], "x\x00": 1}, schema="training:prescription_strength"
    )
    assert problems == [([], "a key must not contain the NUL character")]


def test_deep_nesting_is_refused_without_walking_it():
    deep: object = 1
    for _ in range(5000):
        deep = [deep]
    problems = schema_problems({"exercises": deep}, schema="training:prescription_strength")
    assert problems[0][1] == "is nested too deeply (at most 16 levels)"


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        ({"distance": {"value": 1e308, "unit": "km"}}, "distance.value", "must be ≤ 1000"),
        ({"distance": {"value": 1001, "unit": "km"}}, "distance.value", "must be ≤ 1000"),
        ({"distance": {"value": 622, "unit": "miles"}}, "distance.value", "must be ≤ 621"),
        ({"distance": {"value": 1e6 + 1, "unit": "meters"}}, "distance.value", "must be ≤ 1000000"),
        ({"duration": {"value": 25, "unit": "hours"}}, "duration.value", "must be ≤ 24"),
        ({"duration": {"value": 1441, "unit": "minutes"}}, "duration.value", "must be ≤ 1440"),
        ({"avgHeartRate": 24}, "avgHeartRate", "must be ≥ 25"),
        ({"avgHeartRate": 251}, "avgHeartRate", "must be ≤ 250"),
        ({"avgPower": 2501}, "avgPower", "must be ≤ 2500"),
    ],
)  # fmt: skip
def test_endurance_logs_have_realistic_maxima(change, path, problem):
    with pytest.raises(ValidationError) as caught:
        validate_document(
            {**endurance_actual(), **change}, schema="logging_app:actual_data_endurance"
        )
    assert caught.value.messages == [f"{path}: {problem}"]


def test_the_endurance_maxima_themselves_are_accepted():
    for distance in ({"value": 1000, "unit": "km"}, {"value": 621, "unit": "miles"}):
        document = {**endurance_actual(), "distance": distance, "avgPower": 2500}
        document["duration"] = {"value": 24, "unit": "hours"}
        validate_document(document, schema="logging_app:actual_data_endurance")


def test_prescriptions_refuse_unknown_keys_and_too_many_exercises():
    exercise_id = str(uuid.uuid4())
    prescription = strength_prescription(exercise_id)
    prescription["junk"] = "x" * 100_000
    prescription["exercises"] = prescription["exercises"] * 31
    with pytest.raises(ValidationError) as caught:
        validate_document(prescription, schema="training:prescription_strength")
    assert caught.value.messages == [
        "$: unknown key ('junk' was unexpected)",
        "exercises: must have at most 30 item(s)",
    ]


def test_an_endurance_prescription_refuses_unknown_keys_at_every_level():
    prescription = {
        "modality": "run",
        "duration": {"value": 30, "unit": "minutes", "seconds": 5},
        "intensity": {"type": "heart_rate_zone", "zone": 2, "bpm": 150},
        "extra": True,
    }
    problems = [
        p for _, p in schema_problems(prescription, schema="training:prescription_endurance")
    ]
    assert problems == [
        "unknown key ('extra' was unexpected)",
        "unknown key ('seconds' was unexpected)",
        "unknown key ('bpm' was unexpected)",
    ]


def test_the_phone_reads_the_new_limits_from_the_schema():
    from hybridpeaks.core.json_validation import number_rules

    strength = number_rules("logging_app:actual_data_strength")
    endurance = number_rules("logging_app:actual_data_endurance")
    assert strength["exercises.*.sets.*.weight"]["max"] == 600
    assert endurance["avgHeartRate"]["says"] == "must be a whole number 25–250"
    assert endurance["avgPower"]["max"] == 2500


# --- The sync API -----------------------------------------------------------------------------


def test_api_refuses_a_1e308_distance_naming_the_field(athlete_client, session):
    actual = {**endurance_actual(), "distance": {"value": 1e308, "unit": "km"}}
    response = post_json(athlete_client, log_body(session, actualData=actual))
    assert response.status_code == 400
    assert response.json()["errors"] == {"actualData.distance.value": "must be ≤ 1000"}
    assert not WorkoutLog.objects.exists()


@pytest.mark.parametrize(
    ("count", "status", "errors"),
    [
        (31, 400, {"actualData.exercises": "must have at most 30 item(s)"}),
        # 10,000 exercises are over 64 KB: refused before they are read.
        (10_000, 413, {"body": "is too large: a log is at most 64 KB."}),
    ],
)
def test_api_refuses_too_many_exercises(client, count, status, errors):
    exercise = ExerciseFactory()
    session = TrainingSessionFactory(
        type=SessionType.STRENGTH, prescription=strength_prescription(exercise.pk)
    )
    client.force_login(session.plan.athlete.user)
    one = {"exerciseId": str(exercise.pk), "sets": [{"weight": 1, "reps": 1}]}
    response = post_json(client, log_body(session, actualData={"exercises": [one] * count}))
    assert response.status_code == status
    assert response.json()["errors"] == errors
    assert not WorkoutLog.objects.exists()


def test_the_form_names_a_distance_over_its_units_limit(athlete_client, session):
    url = reverse("logging_app:log_session", args=[session.pk])
    fields = {"actualData.distance.value": "2000", "actualData.distance.unit": "km"}
    response = athlete_client.post(url, form_post(session, **fields))
    assert response.status_code == 422
    assert "Distance (km, optional): must be ≤ 1000" in response.content.decode()


def test_api_refuses_a_nul_in_notes_as_json(athlete_client, session):
    response = post_json(athlete_client, log_body(session, notes="ok\x00"))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"] == {"notes": "must not contain the NUL character"}
    assert not WorkoutLog.objects.exists()


def test_api_refuses_a_nul_inside_actual_data(athlete_client, session):
    actual = {**endurance_actual(), "modality": "run\x00"}
    response = post_json(athlete_client, log_body(session, actualData=actual))
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "actualData.modality": "must not contain the NUL character"
    }


def test_api_answers_a_10_mb_body_with_a_json_413(athlete_client, session):
    sent = log_body(session, notes="x" * 10_000_000)
    response = post_json(athlete_client, json.dumps(sent).encode())
    assert response.status_code == 413
    assert response.json()["errors"] == {"body": "is too large: a log is at most 64 KB."}
    assert not WorkoutLog.objects.exists()


@pytest.mark.parametrize("enforce_csrf", [False, True])
def test_a_10_mb_form_encoded_body_on_the_api_is_a_json_413_too(session, enforce_csrf):
    from django.test import Client

    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(session.plan.athlete.user)
    response = client.post(API, {"notes": "x" * 10_000_000})
    assert response.status_code == 413
    assert response.json()["errors"] == {"body": "is too large: a log is at most 64 KB."}


def test_a_refused_csrf_token_on_the_api_is_json(session):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(session.plan.athlete.user)
    response = post_json(client, log_body(session))
    assert response.status_code == 403
    assert response.json()["errors"] == {
        "auth": "The page is out of date: reload it and send again."
    }
    page = client.post(reverse("accounts:change_time_zone"), {"time_zone": "UTC"})
    assert page.status_code == 403 and "html" in page["Content-Type"]


def test_api_takes_a_body_just_under_the_limit_to_the_parser(athlete_client, session):
    sent = log_body(session, notes="x" * (MAX_BODY_BYTES - 1000))
    response = post_json(athlete_client, sent)
    # Read and judged, not refused for its size: notes are at most 1,000 characters.
    assert response.status_code == 400
    assert response.json()["errors"] == {"notes": "must be at most 1000 characters"}


@pytest.mark.parametrize("status", [PlanStatus.ARCHIVED])
def test_api_refuses_an_archived_plans_session_as_the_form_does(athlete_client, session, status):
    session.plan.status = status
    session.plan.save()
    response = post_json(athlete_client, log_body(session))
    form = athlete_client.get(reverse("logging_app:log_session", args=[session.pk]))
    assert (response.status_code, form.status_code) == (404, 404)
    assert response.json()["errors"] == {"sessionId": "No such session in your plans."}
    assert not WorkoutLog.objects.exists()


def test_api_still_takes_a_completed_plans_session(athlete_client, session):
    session.plan.status = PlanStatus.COMPLETED
    session.plan.save()
    assert post_json(athlete_client, log_body(session)).status_code == 201


# --- The log form posted without JavaScript ----------------------------------------------------


def form_post(session, **fields):
    return {
        "id": str(uuid.uuid4()),
        "completedAt": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "actualData.modality": "run",
        "actualData.duration.value": "30",
        "actualData.duration.unit": "minutes",
        "actualData.completed": "true",
        **fields,
    }


@pytest.mark.parametrize("number", ["nan", "inf", "-Infinity", "1e999"])
def test_the_plain_form_refuses_non_finite_numbers_with_a_422(athlete_client, session, number):
    url = reverse("logging_app:log_session", args=[session.pk])
    response = athlete_client.post(url, form_post(session, **{"actualData.avgPower": number}))
    assert response.status_code == 422
    assert "Average power" in response.content.decode()
    assert not WorkoutLog.objects.exists()


def test_the_plain_form_refuses_a_nul_in_notes_with_a_422(athlete_client, session):
    url = reverse("logging_app:log_session", args=[session.pk])
    response = athlete_client.post(url, form_post(session, notes="fine\x00"))
    assert response.status_code == 422
    assert "Notes: must not contain the NUL character" in response.content.decode()
    assert not WorkoutLog.objects.exists()


# --- The admin ---------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _admin_change(admin_client, session, prescription_text):
    data = {
        "plan": session.plan_id,
        "date": session.date.isoformat(),
        "type": session.type,
        "prescription": prescription_text,
        "focus": session.focus,
        "estimated_duration": session.estimated_duration,
    }
    url = reverse("admin:training_trainingsession_change", args=[session.pk])
    return admin_client.post(url, data)


@pytest.fixture
def strength_session():
    exercise = ExerciseFactory()
    return TrainingSessionFactory(
        type=SessionType.STRENGTH, prescription=strength_prescription(exercise.pk)
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [("NaN", "must be a finite number"), ("Infinity", "must be a finite number")],
)
def test_the_admin_refuses_nan_in_a_prescription(admin_client, strength_session, value, message):
    text = json.dumps(strength_session.prescription).replace('"reps": 5', f'"reps": {value}')
    assert value in text
    response = _admin_change(admin_client, strength_session, text)
    assert response.status_code == 200
    assert f"exercises[0].reps: {message}" in response.content.decode()
    stored = TrainingSession.objects.get(pk=strength_session.pk).prescription
    assert stored == strength_session.prescription


def test_the_admin_refuses_a_100_kb_junk_key(admin_client, strength_session):
    junk = {**strength_session.prescription, "junk": "x" * 100_000}
    response = _admin_change(admin_client, strength_session, json.dumps(junk))
    assert response.status_code == 200
    assert "unknown key (&#x27;junk&#x27; was unexpected)" in response.content.decode()
    stored = TrainingSession.objects.get(pk=strength_session.pk).prescription
    assert "junk" not in stored


# --- Searches ----------------------------------------------------------------------------------


def test_a_nul_in_a_search_finds_what_the_rest_finds(client):
    exercise = ExerciseFactory(name="Back Squat")
    session = TrainingSessionFactory(type=SessionType.STRENGTH, prescription={"exercises": []})
    client.force_login(session.plan.athlete.coach.user)
    catalog = client.get(reverse("training:exercise_list"), {"q": "Squat\x00"})
    builder = client.post(
        reverse("training:new_session", args=[session.plan_id]) + "?type=strength",
        {"op": "search", "q": "Sq\x00uat"},
    )
    assert (catalog.status_code, builder.status_code) == (200, 200)
    assert exercise.name in catalog.content.decode()
    assert exercise.name in builder.content.decode()


# --- The builder -------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [31, 130])
def test_the_builder_refuses_more_exercises_than_the_schema_allows(client, count):
    from training.tests.builder.posts import HTMX, new_session_url, row, strength_post

    session = TrainingSessionFactory()
    plan = session.plan
    client.force_login(plan.athlete.coach.user)
    squat = ExerciseFactory()
    data = strength_post(plan, [row(squat, sets="20", reps="50")] * count)
    response = client.post(new_session_url(plan), data, headers=HTMX)
    assert response.status_code == 422
    assert "A session has at most 30 exercises." in response.content.decode()
    assert list(plan.sessions.all()) == [session]
