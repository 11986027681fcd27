"""Drafts and publishing in the builder: a new plan is a draft, Publish shows it to the
athlete (audited, version-checked), another coach gets a 404."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import CoachFactory
from audit.models import AuditLog
from training import services
from training.models import PlanStatus, TrainingPlan
from training.tests.builder.posts import MONDAY, week_url
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _publish(client, plan, version, **extra):
    url = reverse("training:publish_plan", args=[plan.pk])
    return client.post(url, {"version": version}, **extra)


def test_a_plan_created_in_the_builder_is_a_draft_and_says_so(coach_client, athlete):
    coach_client.post(reverse("training:create_plan", args=[athlete.pk, MONDAY]))

    plan = TrainingPlan.objects.get(athlete=athlete)
    page = coach_client.get(week_url(athlete)).content.decode()
    assert plan.published_at is None
    assert "Draft — not visible to Alex Kim" in page
    assert "Publish to Alex Kim" in page


def test_a_copied_week_is_a_draft(coach_client, athlete, plan):
    TrainingSessionFactory(plan=plan, date=MONDAY)
    next_monday = MONDAY + timedelta(days=7)

    url = reverse("training:copy_week", args=[athlete.pk, next_monday])
    coach_client.post(url, {"source": MONDAY.isoformat()})

    copy = TrainingPlan.objects.get(athlete=athlete, week_start_date=next_monday)
    assert copy.is_draft and copy.sessions.count() == 1


def test_replacing_a_published_plan_stays_published(coach_client, athlete, plan):
    """Edits of a published plan are live (docs/decisions.md): starting it over is one."""
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY])
    coach_client.post(url, {"version": plan.version})

    new = TrainingPlan.objects.get(athlete=athlete, status=PlanStatus.ACTIVE)
    assert new.pk != plan.pk and not new.is_draft


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_publishing_shows_the_plan_bumps_its_version_and_is_audited(coach_client, athlete, headers):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, published_at=None)

    response = _publish(coach_client, draft, 1, headers=headers)

    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.published_at is not None and draft.version == 2
    entry = AuditLog.objects.get(action="publish_plan")
    assert entry.user_id == athlete.coach.user.pk
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "Published — Alex Kim sees this plan" in page
    assert "Publish to" not in page


def test_publishing_from_a_stale_page_is_a_409_and_changes_nothing(coach_client, athlete):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, published_at=None)
    TrainingPlan.objects.filter(pk=draft.pk).update(version=3)  # edited in another tab

    response = _publish(coach_client, draft, 1, headers=HTMX)

    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.published_at is None and draft.version == 3
    assert not AuditLog.objects.filter(action="publish_plan").exists()


def test_publishing_twice_is_a_409(coach_client, athlete):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, published_at=None)

    assert _publish(coach_client, draft, 1).status_code == 302
    assert _publish(coach_client, draft, 1).status_code == 409
    assert AuditLog.objects.filter(action="publish_plan").count() == 1


def test_another_coach_gets_a_404(client, athlete):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, published_at=None)
    client.force_login(CoachFactory().user)

    assert _publish(client, draft, 1).status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft


def test_the_athlete_cannot_publish(client, athlete):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, published_at=None)
    client.force_login(athlete.user)

    assert _publish(client, draft, 1).status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_archived_draft_cannot_be_published(athlete):
    draft = TrainingPlanFactory(
        athlete=athlete, week_start_date=MONDAY, published_at=None, status=PlanStatus.ARCHIVED
    )
    with pytest.raises(services.StalePlan):
        services.publish_plan(plan=draft, version=1, by=athlete.coach.user)
    draft.refresh_from_db()
    assert draft.is_draft
