"""The builder's week page: sessions with targets, done and missed, access, budget."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.models import TrainingSession
from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    week_url,
)
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


def test_week_shows_sessions_with_targets(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    TrainingSessionFactory(plan=plan, type="strength", prescription=strength_prescription(squat.pk))
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "Back Squat" in page
    assert "5 × 5 @ 75% 1RM" in page
    assert "→ 105 kg" in page  # 140 × 75 % = 105


def test_week_names_a_missing_benchmark(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    TrainingSessionFactory(plan=plan, type="strength", prescription=strength_prescription(squat.pk))
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "needs 1RM for Back Squat" in page


def test_another_coachs_athlete_is_not_found(client, athlete, plan):
    client.force_login(CoachFactory().user)
    assert client.get(week_url(athlete)).status_code == 404
    session = TrainingSessionFactory(plan=plan)
    edit = reverse("training:edit_session", args=[session.pk])
    assert client.get(edit).status_code == 404
    assert client.post(reverse("training:delete_session", args=[session.pk])).status_code == 404
    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_week_has_a_breadcrumb_to_the_athlete(coach_client, athlete, plan):
    page = coach_client.get(week_url(athlete)).content.decode()
    athlete_url = reverse("training:athlete", args=[athlete.pk])
    assert '<nav aria-label="breadcrumb">' in page
    assert f'<li><a href="{athlete_url}">Alex Kim</a></li><li aria-current="page">' in page


def test_week_must_start_on_monday(coach_client, athlete):
    assert coach_client.get(week_url(athlete, MONDAY + timedelta(days=1))).status_code == 404


def test_htmx_requests_get_the_builder_region_only(coach_client, athlete, plan):
    response = coach_client.get(week_url(athlete), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="builder"' in response.content
    assert "HX-Request" in response["Vary"]


def test_next_week_is_the_default(coach_client, athlete):
    response = coach_client.get(reverse("training:next_week", args=[athlete.pk]))
    monday = date.fromisoformat(response["Location"].rstrip("/").split("/")[-1])
    assert monday.weekday() == 0 and monday > date.today()


def test_full_week_stays_in_query_budget(
    coach_client, athlete, plan, django_assert_max_num_queries
):
    exercises = ExerciseFactory.create_batch(8)
    for exercise in exercises:
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=exercise, value=100)
    BenchmarkFactory.create_batch(5, athlete=athlete)
    strength = [
        TrainingSessionFactory(
            plan=plan,
            date=MONDAY + timedelta(days=day),
            type="strength",
            prescription={
                "exercises": [strength_prescription(e.pk)["exercises"][0] for e in exercises]
            },
        )
        for day in range(7)
    ]
    for day in range(3):
        TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=day))
    for session in strength[:4]:  # done: logged (the others are missed or still to come)
        WorkoutLogFactory(session=session, athlete=athlete)
    with django_assert_max_num_queries(12):
        response = coach_client.get(week_url(athlete))
    page = response.content.decode()
    assert page.count('class="session ') == 10
    assert page.count("✓ Done") == 4


def test_the_week_shows_done_and_missed_sessions(coach_client, athlete):
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    monday = today - timedelta(days=today.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    earlier = today - timedelta(days=1)
    done = TrainingSessionFactory(plan=plan, date=today, focus="Logged")
    missed = TrainingSessionFactory(plan=plan, date=earlier, focus="Skipped")
    upcoming = TrainingSessionFactory(plan=plan, date=today, focus="Later today")
    WorkoutLogFactory(session=done, athlete=athlete)
    page = coach_client.get(week_url(athlete, monday)).content.decode()

    def card_of(session):
        start = page.index(f'id="session-{session.pk}"')
        return page[page.rindex("<article", 0, start) : page.index("</article>", start)]

    assert "is-done" in card_of(done) and "✓ Done" in card_of(done)
    if earlier >= monday:  # on a Monday, yesterday belongs to last week
        assert "is-missed" in card_of(missed) and "Missed" in card_of(missed)
    assert "is-planned" in card_of(upcoming)
    assert "Done" not in card_of(upcoming) and "Missed" not in card_of(upcoming)


def test_missed_means_the_athletes_day_has_passed(client):
    """The coach's clock (UTC−12) still has the day; the athlete's (UTC+14) has moved on."""
    athlete = AthleteFactory(user__time_zone="Pacific/Kiritimati")
    coach_user = athlete.coach.user
    coach_user.time_zone = "Etc/GMT+12"
    coach_user.save()
    coach_day = timezone.localdate(timezone=coach_user.zoneinfo)
    monday = coach_day - timedelta(days=coach_day.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=coach_day)
    client.force_login(coach_user)
    page = client.get(week_url(athlete, monday)).content.decode()
    assert 'is-missed" id="session-' + str(session.pk) in page
