"""Downloading a planned session as a FIT workout: the athlete's own sessions, and the coach's
from the builder; anyone else's is a 404 (rows in the authorization matrix too)."""

import pytest
from django.urls import reverse
from garmin_fit_sdk import Decoder, Stream

from accounts.tests.factories import AthleteFactory, CoachFactory
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


def decode(response):
    messages, errors = Decoder(Stream.from_byte_array(bytearray(response.content))).read()
    assert errors == []
    return messages["workout_mesgs"][0], messages["workout_step_mesgs"]


@pytest.fixture
def session():
    plan = TrainingPlanFactory()
    for zone, upper in enumerate((130, 145, 160, 172, 185), 1):
        BenchmarkFactory(athlete=plan.athlete, metric_type=f"HR_zone_{zone}", value=upper)
    return TrainingSessionFactory(plan=plan, focus="Easy run")


def test_the_athlete_downloads_their_session(client, session, django_assert_max_num_queries):
    client.force_login(session.plan.athlete.user)
    url = reverse("logging_app:session_workout", args=[session.pk])
    # Session and user, the athlete, the session, the benchmarks.
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.ant.fit"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{session.date.isoformat()}-easy-run.fit"'
    )
    workout, (step,) = decode(response)
    assert (workout["wkt_name"], workout["sport"]) == ("Easy run", "running")
    assert step["duration_time"] == 45 * 60
    # Zone 2 of the athlete's benchmarks: 131–145 bpm, + 100 in FIT.
    assert (step["custom_target_heart_rate_low"], step["custom_target_heart_rate_high"]) == (
        231,
        245,
    )


def test_another_athletes_session_and_a_draft_are_not_found(client, session):
    client.force_login(AthleteFactory(coach=session.plan.athlete.coach).user)
    assert client.get(reverse("logging_app:session_workout", args=[session.pk])).status_code == 404
    draft = TrainingSessionFactory(plan=TrainingPlanFactory(published_at=None))
    client.force_login(draft.plan.athlete.user)
    assert client.get(reverse("logging_app:session_workout", args=[draft.pk])).status_code == 404


def test_the_coach_downloads_a_strength_session_from_the_builder(
    client, django_assert_max_num_queries
):
    squat = ExerciseFactory(name="Back Squat")
    plan = TrainingPlanFactory(published_at=None)  # a draft: the coach's to check first
    BenchmarkFactory(athlete=plan.athlete, metric_type="1RM", exercise=squat, value=140)
    session = TrainingSessionFactory(
        plan=plan, type="strength", focus=None, prescription=strength_prescription(squat.pk)
    )
    client.force_login(plan.athlete.coach.user)
    # Session and user, the coach, the session with its plan, benchmarks, exercise names.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("training:session_workout", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'"{session.date.isoformat()}-strength.fit"')
    workout, steps = decode(response)
    assert workout["sub_sport"] == "strength_training"
    sets = [step for step in steps if step["wkt_step_name"] == "Back Squat"]
    # 5 × 5 at 75 % of 140 kg = 105 kg, with a 3-minute rest between sets.
    assert [(s["duration_reps"], s["exercise_weight"]) for s in sets] == [(5, 105.0)] * 5
    assert len(steps) == 5 + 4


def test_the_builders_session_actions_offer_the_download(client, session):
    client.force_login(session.plan.athlete.coach.user)
    response = client.get(reverse("training:session_actions", args=[session.pk]))
    assert response.status_code == 200
    url = reverse("training:session_workout", args=[session.pk])
    assert f'<a href="{url}" download' in response.content.decode()


def test_another_coach_gets_a_404(client, session):
    client.force_login(CoachFactory().user)
    assert client.get(reverse("training:session_workout", args=[session.pk])).status_code == 404
