"""The builder's "Copy a week…": a picker fetched when the coach opens it, listing the weeks
with a plan of this athlete or of another on the coach's roster; copying another athlete's
week keeps its loads as written, so this athlete's targets come from their own benchmarks."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from training.models import TrainingPlan
from training.tests.builder.posts import HTMX, MONDAY
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


def picker(client, athlete, **query):
    return client.get(
        reverse("training:copy_picker", args=[athlete.pk, MONDAY.isoformat()]), query, headers=HTMX
    )


def copy(client, athlete, **data):
    url = reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()])
    return client.post(url, data, headers=HTMX)


def test_the_builder_loads_the_picker_only_when_opened(coach_client, athlete, plan):
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(weeks=1))
    page = coach_client.get(reverse("training:week", args=[athlete.pk, MONDAY.isoformat()]))
    html = page.content.decode()
    url = reverse("training:copy_picker", args=[athlete.pk, MONDAY.isoformat()])
    assert f'hx-get="{url}?plan={plan.pk}&amp;version={plan.version}"' in html
    assert 'name="source"' not in html  # the weeks are read when the picker opens


def test_the_picker_lists_this_athletes_other_weeks_and_another_athletes(
    coach_client, athlete, plan, django_assert_max_num_queries
):
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(weeks=2))
    sam = AthleteFactory(coach=athlete.coach, name="Sam")
    TrainingPlanFactory(athlete=sam, week_start_date=MONDAY)

    with django_assert_max_num_queries(8):
        own = picker(coach_client, athlete, version=plan.version).content.decode()
    theirs = picker(coach_client, athlete, **{"from": sam.pk}).content.decode()

    last_but_one = (MONDAY - timedelta(weeks=2)).isoformat()
    assert f'<option value="{last_but_one}">' in own
    assert f'<option value="{MONDAY.isoformat()}">' not in own  # not this very week
    assert f'<input type="hidden" name="version" value="{plan.version}">' in own
    assert f'<option value="{MONDAY.isoformat()}">' in theirs  # Sam's same week is a source
    assert f'<input type="hidden" name="source_athlete" value="{sam.pk}">' in theirs


def test_copying_another_athletes_week(coach_client, athlete):
    sam = AthleteFactory(coach=athlete.coach, name="Sam")
    source = TrainingPlanFactory(athlete=sam, week_start_date=MONDAY)
    squats = strength_prescription(ExerciseFactory().pk)  # at %1RM: this athlete's 1RM applies
    TrainingSessionFactory(
        plan=source, date=MONDAY + timedelta(days=1), prescription=squats, type="strength"
    )

    response = copy(coach_client, athlete, source=MONDAY.isoformat(), source_athlete=sam.pk)

    assert response.status_code == 200
    assert "Copied Sam’s week of" in response.content.decode()
    [session] = TrainingPlan.objects.get(athlete=athlete, week_start_date=MONDAY).sessions.all()
    assert session.prescription == squats and session.date == MONDAY + timedelta(days=1)
    assert source.sessions.count() == 1


@pytest.mark.parametrize("source_athlete", ["another coach's", "not-an-id"])
def test_another_coachs_athlete_is_no_source(coach_client, athlete, source_athlete):
    stranger = AthleteFactory(name="Stranger")
    TrainingPlanFactory(athlete=stranger, week_start_date=MONDAY)
    named = stranger.pk if source_athlete == "another coach's" else source_athlete

    response = copy(coach_client, athlete, source=MONDAY.isoformat(), source_athlete=named)

    assert response.status_code == 422
    assert "Pick a week that has a plan" in response.content.decode()
    assert picker(coach_client, athlete, **{"from": named}).status_code == 404
    assert not TrainingPlan.objects.filter(athlete=athlete).exists()


def test_the_picker_of_another_coachs_athlete_is_not_found(client, athlete):
    client.force_login(AthleteFactory().coach.user)
    assert picker(client, athlete).status_code == 404
