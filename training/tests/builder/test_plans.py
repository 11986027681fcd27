"""Creating, replacing, copying and archiving a week's plan; a completed week is read only."""

from datetime import timedelta

import pytest
from django.urls import reverse

from audit.models import AuditLog
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    week_url,
)
from training.tests.factories import (
    TrainingPlanFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db


def test_create_plan_then_replace_archives_the_old(coach_client, athlete):
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY.isoformat()])
    coach_client.post(url)
    first = TrainingPlan.objects.get(athlete=athlete)
    assert first.status == PlanStatus.ACTIVE and first.version == 1
    coach_client.post(url, {"version": first.version})
    first.refresh_from_db()
    assert first.status == PlanStatus.ARCHIVED
    active = TrainingPlan.objects.get(athlete=athlete, status=PlanStatus.ACTIVE)
    assert active.week_start_date == MONDAY
    assert AuditLog.objects.filter(action="create_plan").count() == 2
    assert AuditLog.objects.filter(action="archive_plan", entity_id=first.pk).exists()


def test_copy_previous_week(coach_client, athlete):
    source = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(days=7))
    TrainingSessionFactory(plan=source, date=source.week_start_date + timedelta(days=2))
    TrainingSessionFactory(plan=source, date=source.week_start_date + timedelta(days=5))
    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": source.week_start_date.isoformat()},
        headers=HTMX,
    )
    assert response.status_code == 200
    copy = TrainingPlan.objects.get(athlete=athlete, week_start_date=MONDAY)
    assert sorted(s.date for s in copy.sessions.all()) == [
        MONDAY + timedelta(days=2),
        MONDAY + timedelta(days=5),
    ]
    assert source.sessions.count() == 2


def test_copy_into_a_planned_week_replaces_it(coach_client, athlete, plan):
    TrainingSessionFactory(plan=plan)
    source = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(days=7))
    coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": source.week_start_date.isoformat(), "version": plan.version},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    assert (
        TrainingPlan.objects.filter(
            athlete=athlete, week_start_date=MONDAY, status=PlanStatus.ACTIVE
        )
        .exclude(pk=plan.pk)
        .exists()
    )


def test_copy_from_a_week_without_plan_is_refused(coach_client, athlete):
    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": "2020-01-06"},
    )
    assert response.status_code == 422
    assert "Pick a week that has a plan" in response.content.decode()
    assert not TrainingPlan.objects.filter(athlete=athlete).exists()


def test_archive_plan(coach_client, athlete, plan):
    coach_client.post(reverse("training:archive_plan", args=[plan.pk]), {"version": 1})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    assert AuditLog.objects.filter(action="update_plan", entity_id=plan.pk).exists()


def test_a_completed_week_is_shown_read_only(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status="completed")
    session = TrainingSessionFactory(plan=plan)
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "This week has ended" in page
    assert session.focus in page
    assert reverse("training:edit_session", args=[session.pk]) not in page
    response = coach_client.post(
        reverse("training:delete_session", args=[session.pk]), {"version": plan.version}
    )
    assert response.status_code == 409
    assert TrainingSession.objects.filter(pk=session.pk).exists()
    coach_client.post(reverse("training:archive_plan", args=[plan.pk]), {"version": plan.version})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
