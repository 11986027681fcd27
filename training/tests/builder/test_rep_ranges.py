"""A rep range (8–10) is kept whole: the builder's row takes its top, the week shows it, the
model refuses one that goes down, and editing keeps it."""

import pytest
from django.core.exceptions import ValidationError

from training.models import TrainingSession
from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    new_session_url,
    row,
    strength_post,
    week_url,
)
from training.tests.factories import ExerciseFactory, strength_prescription

pytestmark = pytest.mark.django_db


def test_the_builder_stores_and_shows_a_rep_range(coach_client, athlete, plan):
    rdl = ExerciseFactory(name="Romanian Deadlift")
    response = coach_client.post(
        new_session_url(plan),
        strength_post(plan, [row(rdl, reps="8", reps_max="10")]),
        headers=HTMX,
    )
    assert response.status_code == 200
    [item] = plan.sessions.get().prescription["exercises"]
    assert (item["reps"], item["repsMax"]) == (8, 10)
    assert "5 × 8–10 @ 75% 1RM" in coach_client.get(week_url(athlete)).content.decode()


def test_a_range_that_goes_down_is_refused_beside_its_field(coach_client, athlete, plan):
    rdl = ExerciseFactory(name="Romanian Deadlift")
    response = coach_client.post(
        new_session_url(plan),
        strength_post(plan, [row(rdl, reps="10", reps_max="8")]),
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "A rep range goes up: more than 10, or leave it blank." in response.content.decode()
    assert not plan.sessions.exists()


def test_the_model_refuses_a_range_that_goes_down(plan):
    document = strength_prescription(ExerciseFactory().pk, reps=10, repsMax=10)
    session = TrainingSession(plan=plan, date=MONDAY, type="strength", prescription=document)
    with pytest.raises(ValidationError, match=r"exercises\[0\]\.repsMax: must be more than reps"):
        session.full_clean()
