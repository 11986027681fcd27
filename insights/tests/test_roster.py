"""The coach's roster and athlete page: what each row says, and the query budget."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.models import PlanStatus
from training.selectors import monday_of
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    busy_roster,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return CoachFactory()


@pytest.fixture
def today():
    return timezone.localdate()


def rows_by_name(client):
    response = client.get(reverse("training:roster"))
    assert response.status_code == 200
    return {row.athlete.name: row for row in response.context["rows"]}


def test_roster_shows_the_week_and_the_flags(client, coach, today):
    monday = monday_of(today)
    squat = ExerciseFactory(name="Back Squat")
    busy = AthleteFactory(coach=coach, name="Busy")
    plan = TrainingPlanFactory(athlete=busy, week_start_date=monday)
    done = TrainingSessionFactory(plan=plan, date=monday)
    TrainingSessionFactory(plan=plan, date=monday + timedelta(days=6))  # not due yet
    TrainingSessionFactory(
        plan=plan, date=monday, type="strength", prescription=strength_prescription(squat.pk)
    )  # due, not logged, and its 1RM is missing
    WorkoutLogFactory(session=done, athlete=busy, rpe=9, completed_at=timezone.now())
    TrainingPlanFactory(athlete=busy, week_start_date=monday + timedelta(days=7))
    idle = AthleteFactory(coach=coach, name="Idle")
    AthleteFactory(name="Someone else's")
    client.force_login(coach.user)

    rows = rows_by_name(client)

    assert set(rows) == {"Busy", "Idle"}
    busy_row, idle_row = rows["Busy"], rows["Idle"]
    assert (busy_row.planned, busy_row.done) == (3, 1)
    assert busy_row.last_log_at is not None
    flags = busy_row.flags
    assert "No plan for next week" not in flags
    assert "Missing benchmarks: 1RM for Back Squat, heart-rate zone 1 and 2 upper bounds" in flags
    assert "Session RPE 9+ in the last 7 days" in flags
    missed = 1 if today > monday else 0
    assert (f"{missed} session missed" in flags) == bool(missed)
    assert idle_row.plan is None and idle_row.flags == ["No plan for next week"]
    assert idle.pk == idle_row.athlete.pk


def test_roster_stays_in_budget_for_40_athletes(
    client, coach, today, django_assert_max_num_queries
):
    busy_roster(coach, monday_of(today))
    client.force_login(coach.user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:roster"))
    assert len(response.context["rows"]) == 40
    assert all(row.done == 2 and row.planned == 5 for row in response.context["rows"])


def test_athlete_page_shows_weeks_and_is_the_coachs_only(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Alex")
    monday = monday_of(today)
    plan = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday - timedelta(days=7), status=PlanStatus.COMPLETED
    )
    session = TrainingSessionFactory(plan=plan, date=plan.week_start_date)
    TrainingSessionFactory(plan=plan, date=plan.week_start_date + timedelta(days=1))
    WorkoutLogFactory(session=session, athlete=athlete)
    client.force_login(coach.user)
    page = client.get(reverse("training:athlete", args=[athlete.pk])).content.decode()
    assert "completed, version 1" in page
    assert "1 / 2" in page
    assert reverse("training:athlete_benchmarks", args=[athlete.pk]) in page
    client.force_login(CoachFactory().user)
    assert client.get(reverse("training:athlete", args=[athlete.pk])).status_code == 404


def test_the_athlete_page_has_a_breadcrumb(client):
    athlete = AthleteFactory(name="Alex Kim")
    client.force_login(athlete.coach.user)
    page = client.get(reverse("training:athlete", args=[athlete.pk])).content.decode()
    roster = reverse("training:roster")
    assert f'<nav aria-label="breadcrumb"><ul><li><a href="{roster}">Athletes</a></li>' in page
    assert '<li aria-current="page">Alex Kim</li>' in page
