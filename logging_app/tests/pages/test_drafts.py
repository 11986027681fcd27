"""An athlete never sees a draft: not today, not in the week, not on the log form (404), not
through the sync API (404), not in the weekly analysis of what was planned."""

import pytest
from django.urls import reverse

from insights.services import gather_week
from logging_app.models import WorkoutLog
from logging_app.tests.api.calls import post
from logging_app.tests.factories import log_body
from training import services
from training.models import TrainingPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(plan):
    TrainingPlan.objects.filter(pk=plan.pk).update(published_at=None)
    plan.refresh_from_db()
    return plan


def test_today_and_the_week_leave_a_drafts_sessions_out(athlete_client, strength_today, draft):
    today = athlete_client.get(reverse("logging_app:today")).content.decode()
    week = athlete_client.get(reverse("logging_app:week")).content.decode()

    assert "Heavy legs" not in today
    assert "Heavy legs" not in week


def test_a_drafts_session_log_form_is_a_404(athlete_client, strength_today, draft):
    url = reverse("logging_app:log_session", args=[strength_today.pk])

    assert athlete_client.get(url).status_code == 404


def test_the_sync_api_refuses_a_drafts_session(athlete_client, strength_today, draft):
    response = post(athlete_client, log_body(strength_today))

    assert response.status_code == 404
    assert not WorkoutLog.objects.exists()


def test_publishing_shows_the_session_everywhere(athlete_client, strength_today, draft):
    services.publish_plan(plan=draft, version=draft.version, by=draft.coach.user)

    today = athlete_client.get(reverse("logging_app:today")).content.decode()
    url = reverse("logging_app:log_session", args=[strength_today.pk])
    assert "Heavy legs" in today
    assert athlete_client.get(url).status_code == 200


def test_the_weekly_analysis_plans_nothing_from_a_draft(athlete, strength_today, draft):
    _week, plan = gather_week(athlete, draft.week_start_date)

    assert plan is None
