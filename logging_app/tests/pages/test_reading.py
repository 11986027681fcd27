"""The athlete's reading pages: today, the week, history, and who may see them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from logging_app.tests.factories import WorkoutLogFactory
from logging_app.tests.pages.links import log_url
from logging_app.views import HISTORY_PAGE
from training.models import PlanStatus
from training.selectors import monday_of
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


def test_today_shows_sessions_with_targets_and_what_is_left(
    athlete_client, athlete, strength_today, squat, plan, today
):
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    run = TrainingSessionFactory(plan=plan, date=today, focus="Easy run")
    WorkoutLogFactory(session=run, athlete=athlete)
    page = athlete_client.get(reverse("logging_app:today")).content.decode()
    assert "Heavy legs" in page and "Easy run" in page
    assert "→ 105 kg" in page  # 140 × 75 %
    assert "<span data-left-count>1</span> of 2 sessions left" in page
    assert page.count('class="log-it"') == 1  # "Log it" only for the session not done
    assert log_url(strength_today) in page


def test_a_rest_day_says_so_and_shows_the_next_session(athlete_client, plan, today):
    TrainingSessionFactory(plan=plan, date=today + timedelta(days=9), focus="Long run")
    page = athlete_client.get(reverse("logging_app:today")).content.decode()
    assert "Rest day" in page and "Long run" in page


def test_today_uses_the_athletes_own_date(client, today):
    # At any instant some zone is a day ahead of UTC: Pacific/Kiritimati is UTC+14.
    athlete = AthleteFactory(user__time_zone="Pacific/Kiritimati")
    local = timezone.localdate(timezone=athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(local))
    TrainingSessionFactory(plan=plan, date=local, focus="Island session")
    client.force_login(athlete.user)
    page = client.get(reverse("logging_app:today")).content.decode()
    assert "Island session" in page


def test_today_stays_in_budget(athlete_client, athlete, plan, today, django_assert_max_num_queries):
    exercises = ExerciseFactory.create_batch(8)
    for exercise in exercises:
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=exercise, value=100)
    BenchmarkFactory.create_batch(6, athlete=athlete)
    items = [strength_prescription(e.pk)["exercises"][0] for e in exercises]
    for day in range(7):
        for _ in range(2):
            session = TrainingSessionFactory(
                plan=plan,
                date=monday_of(today) + timedelta(days=day),
                type="strength",
                prescription={"exercises": items},
            )
    WorkoutLogFactory(session=session, athlete=athlete, actual_data={"exercises": []})
    with django_assert_max_num_queries(8):
        response = athlete_client.get(reverse("logging_app:today"))
    assert response.status_code == 200


def test_week_shows_planned_done_and_missed(athlete_client, athlete, plan, today):
    monday = monday_of(today)
    done = TrainingSessionFactory(plan=plan, date=monday, focus="Done one")
    WorkoutLogFactory(session=done, athlete=athlete)
    TrainingSessionFactory(plan=plan, date=monday, focus="Missed one")
    TrainingSessionFactory(plan=plan, date=monday + timedelta(days=6), focus="Later one")
    page = athlete_client.get(reverse("logging_app:week")).content.decode()
    assert "Done one" in page and "Later one" in page
    assert "done" in page
    if today > monday:
        assert "missed" in page
    previous = monday - timedelta(days=7)
    assert reverse("logging_app:week_of", args=[previous.isoformat()]) in page


def test_another_athletes_log_on_a_session_neither_doubles_it_nor_marks_it_done(
    athlete_client, athlete, plan, today
):
    session = TrainingSessionFactory(plan=plan, date=today, focus="Only once")
    WorkoutLogFactory(session=session, athlete=AthleteFactory())  # an admin's mistake
    for name in ("logging_app:today", "logging_app:week"):
        page = athlete_client.get(reverse(name)).content.decode()
        assert page.count("Only once") == 1
        assert log_url(session) in page  # still to log


def test_of_an_active_and_a_completed_plan_of_a_week_the_active_one_stands(
    athlete_client, athlete, plan, today
):
    older = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday_of(today), status=PlanStatus.COMPLETED
    )
    TrainingSessionFactory(plan=older, date=today, focus="Completed version")
    TrainingSessionFactory(plan=plan, date=today, focus="Active version")
    for url in (reverse("logging_app:today"), reverse("logging_app:week")):
        page = athlete_client.get(url).content.decode()
        assert "Active version" in page and "Completed version" not in page


def test_the_week_stays_in_budget(
    athlete_client, athlete, plan, today, django_assert_max_num_queries
):
    exercise = ExerciseFactory()
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=exercise, value=100)
    for day in range(7):
        session = TrainingSessionFactory(
            plan=plan,
            date=monday_of(today) + timedelta(days=day),
            type="strength",
            prescription=strength_prescription(exercise.pk),
        )
        WorkoutLogFactory(session=session, athlete=athlete, actual_data={"exercises": []})
    # Session, user, athlete, the week's sessions with their logs' ids, the exercise names,
    # the benchmarks.
    with django_assert_max_num_queries(6):
        page = athlete_client.get(reverse("logging_app:week")).content.decode()
    assert page.count("See what you logged") == 7


def test_archived_plans_are_not_shown(athlete_client, athlete, today):
    plan = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday_of(today), status=PlanStatus.ARCHIVED
    )
    TrainingSessionFactory(plan=plan, date=today, focus="Old version")
    assert "Old version" not in athlete_client.get(reverse("logging_app:today")).content.decode()


def test_history_lists_logs_newest_first_and_each_in_full(athlete_client, athlete, plan, today):
    older = WorkoutLogFactory(
        session=TrainingSessionFactory(plan=plan, date=monday_of(today)),
        athlete=athlete,
        completed_at=timezone.now() - timedelta(days=2),
        notes="Windy",
    )
    newer = WorkoutLogFactory(
        session=TrainingSessionFactory(plan=plan, date=monday_of(today)), athlete=athlete
    )
    page = athlete_client.get(reverse("logging_app:history")).content.decode()
    newer_url = reverse("logging_app:log_detail", args=[newer.pk])
    older_url = reverse("logging_app:log_detail", args=[older.pk])
    assert page.index(newer_url) < page.index(older_url)
    detail = athlete_client.get(older_url).content.decode()
    assert "Windy" in detail and "47 minutes" in detail and "141 bpm" in detail


def test_another_athletes_log_and_session_are_not_found(client, strength_today):
    log = WorkoutLogFactory()
    client.force_login(AthleteFactory().user)
    assert client.get(reverse("logging_app:log_detail", args=[log.pk])).status_code == 404
    assert client.get(log_url(strength_today)).status_code == 404
    assert client.post(log_url(strength_today), {}).status_code == 404


def test_coaches_cannot_use_athlete_pages(client, strength_today):
    client.force_login(CoachFactory().user)
    assert client.get(reverse("logging_app:today")).status_code == 403


def test_history_shows_a_page_at_a_time_in_one_query_for_its_logs(
    athlete_client, athlete, plan, today, django_assert_max_num_queries
):
    for days in range(HISTORY_PAGE + 2):
        session = TrainingSessionFactory(plan=plan, date=monday_of(today), focus="Intervals")
        WorkoutLogFactory(
            session=session if days < HISTORY_PAGE + 1 else None,
            athlete=athlete,
            completed_at=timezone.now() - timedelta(days=days),
        )
    # Session, user, athlete, a page of logs with their sessions and the count of all.
    with django_assert_max_num_queries(4):
        first = athlete_client.get(reverse("logging_app:history"))
    second = athlete_client.get(reverse("logging_app:history"), {"page": "2"})
    assert len(first.context["page"]) == HISTORY_PAGE
    assert "Page 1 of 2" in first.text and "Intervals" in first.text
    assert len(second.context["page"]) == 2
    assert "a session since removed from the plan" in second.text
