"""Stale tabs and double submits in the builder: 409 with the current plan, or 422, never 500.

The race test sends the same "new plan" many times at once over real HTTP (PostgreSQL only:
SQLite serialises writers, so the INSERTs cannot race there).
"""

import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from threading import Barrier

import pytest
from django.db import connection
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from logging_app.tests.test_api_http import Phone, _KeepRedirects
from training.models import PlanStatus, TrainingPlan
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

MONDAY = date(2026, 11, 30)
HTMX = {"HX-Request": "true"}
CONFLICT = "This plan changed while you were editing"


@pytest.fixture
def athlete(db):
    return AthleteFactory()


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_archiving_twice_answers_409_with_the_current_plan(coach_client, athlete, headers):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    url = reverse("training:archive_plan", args=[plan.pk])

    first = coach_client.post(url, {"version": 1}, headers=headers)
    second = coach_client.post(url, {"version": 1}, headers=headers)

    assert first.status_code in (200, 302)
    assert second.status_code == 409
    assert CONFLICT in second.content.decode()
    assert "version 2, archived" in second.content.decode()
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.ARCHIVED, 2)


def test_a_second_new_plan_from_a_page_without_one_answers_409(coach_client, athlete):
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY])

    assert coach_client.post(url).status_code == 302
    second = coach_client.post(url, headers=HTMX)

    assert second.status_code == 409
    assert CONFLICT in second.content.decode()
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1


def test_start_over_sent_twice_replaces_the_plan_once(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, version=3)
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY])

    first = coach_client.post(url, {"version": 3})
    second = coach_client.post(url, {"version": 3}, headers=HTMX)

    assert first.status_code == 302
    assert second.status_code == 409
    assert "version 4, active" in second.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 2


def test_copy_into_a_planned_week_sent_twice_copies_once(coach_client, athlete):
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    source = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(days=7))
    TrainingSessionFactory(plan=source, date=source.week_start_date)
    url = reverse("training:copy_week", args=[athlete.pk, MONDAY])
    body = {"source": source.week_start_date.isoformat(), "version": 1}

    assert coach_client.post(url, body).status_code == 302
    second = coach_client.post(url, body, headers=HTMX)

    assert second.status_code == 409
    assert CONFLICT in second.content.decode()
    week = TrainingPlan.objects.filter(athlete=athlete, week_start_date=MONDAY)
    assert sorted(week.values_list("status", "version")) == [("active", 2), ("archived", 1)]


def test_copying_a_week_onto_itself_is_refused_with_a_message(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    TrainingSessionFactory(plan=plan, date=MONDAY)

    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY]),
        {"source": MONDAY.isoformat(), "version": plan.version},
        headers=HTMX,
    )

    assert response.status_code == 422
    assert "Pick another week to copy from." in response.content.decode()
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.ACTIVE, 1)
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1


def test_copying_from_an_out_of_range_week_is_refused(coach_client, athlete):
    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY]), {"source": "0001-01-01"}
    )
    assert response.status_code == 422
    assert "Pick a week that has a plan to copy from." in response.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-12-01T00:00"])
def test_moving_to_an_impossible_day_is_refused(coach_client, athlete, day):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    response = coach_client.post(
        reverse("training:move_session", args=[session.pk]), {"version": 1, "date": day}
    )
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.date == MONDAY


def test_adding_to_a_plan_archived_in_another_tab_answers_409(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    coach_client.post(reverse("training:archive_plan", args=[plan.pk]), {"version": 1})

    response = coach_client.post(
        reverse("training:duplicate_session", args=[TrainingSessionFactory(plan=plan).pk]),
        {"version": 2, "date": MONDAY.isoformat()},
        headers=HTMX,
    )

    assert response.status_code == 409
    assert CONFLICT in response.content.decode()
    assert plan.sessions.count() == 1


@pytest.mark.parametrize("action", ["delete_session", "move_session", "duplicate_session"])
def test_acting_on_a_session_deleted_meanwhile_answers_409(coach_client, athlete, action):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    actions = reverse("training:session_actions", args=[session.pk])
    page = coach_client.get(actions, {"version": 1}).content.decode()
    assert f'name="plan" value="{plan.pk}"' in page  # what a stale page posts
    body = {"version": 1, "plan": str(plan.pk), "date": MONDAY.isoformat()}
    coach_client.post(reverse("training:delete_session", args=[session.pk]), body)

    response = coach_client.post(reverse(f"training:{action}", args=[session.pk]), body)

    assert response.status_code == 409
    assert CONFLICT in response.content.decode()
    assert "version 2, active" in response.content.decode()
    assert not plan.sessions.exists()


def test_saving_an_editor_of_a_session_deleted_meanwhile_answers_409(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    url = reverse("training:edit_session", args=[session.pk])
    editor = coach_client.get(url, headers=HTMX).content.decode()
    assert f'name="plan" value="{plan.pk}"' in editor
    session.delete()

    response = coach_client.post(url, {"version": 1, "plan": str(plan.pk)}, headers=HTMX)

    assert response.status_code == 409
    assert CONFLICT in response.content.decode()


def test_opening_the_editor_of_a_session_deleted_meanwhile_answers_409(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    session = TrainingSessionFactory(plan=plan, date=MONDAY, focus="Tempo run")
    page = coach_client.get(reverse("training:week", args=[athlete.pk, MONDAY])).content.decode()
    edit = reverse("training:edit_session", args=[session.pk]) + f"?plan={plan.pk}"
    assert f'href="{edit}"' in page  # the stale page's Edit link
    session.delete()

    response = coach_client.get(edit, headers=HTMX)

    assert response.status_code == 409
    assert CONFLICT in response.content.decode()
    assert "Tempo run" not in response.content.decode()


@pytest.mark.parametrize("plan_id", ["", "not-a-uuid", "other"])
def test_a_missing_session_without_a_plan_of_ones_own_is_not_found(coach_client, athlete, plan_id):
    session = TrainingSessionFactory(plan=TrainingPlanFactory(athlete=athlete))
    url = reverse("training:delete_session", args=[session.pk])
    if plan_id == "other":
        plan_id = str(TrainingPlanFactory().pk)  # another coach's athlete's plan
    session.delete()

    response = coach_client.post(url, {"version": 1, "plan": plan_id})

    assert response.status_code == 404


RACERS = 8


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers; run with DATABASE_URL=postgres://... to test the race",
)
@pytest.mark.django_db(transaction=True)
def test_new_plan_sent_at_once_makes_one_plan(live_server):
    athlete = AthleteFactory()
    coach = Phone(live_server.url)
    coach.sign_in(athlete.coach.user.email)
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY + timedelta(days=7)])
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": coach.cookie("csrftoken")}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={coach.cookie('sessionid')}; csrftoken={coach.cookie('csrftoken')}",
        "HX-Request": "true",
    }
    start = Barrier(RACERS)

    def send(_):
        opener = urllib.request.build_opener(_KeepRedirects)  # no shared cookie jar
        start.wait(timeout=30)
        return coach.request("POST", url, body, headers, opener)

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        answers = list(pool.map(send, range(RACERS)))

    statuses = sorted(status for status, _ in answers)
    assert statuses == [200] + [409] * (RACERS - 1), statuses
    assert all(CONFLICT in body.decode() for status, body in answers if status == 409)
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1
