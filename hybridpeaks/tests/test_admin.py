"""The admin: every model listed, searchable and editable by admins; the audit log read-only."""

import json

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import UserFactory
from audit.models import AuditLog
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.models import Exercise, TrainingSession
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """One row of every model, the strength session first."""
    exercise = ExerciseFactory()
    log = WorkoutLogFactory()
    TrainingSessionFactory(
        plan=log.session.plan, type="strength", prescription=strength_prescription(exercise.pk)
    )
    BenchmarkFactory(athlete=log.athlete, metric_type="1RM", exercise=exercise)
    WeeklySummaryFactory(plan=log.session.plan, athlete=log.athlete)
    return AuditLog.objects.create(action="login", metadata={"via": "test"}, ip_address="127.0.0.1")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m.__name__)
def test_list_search_and_detail_pages_render(model, demo, admin_client):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "changelist"), {"q": "a"}).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_non_staff_users_are_kept_out(client):
    client.force_login(UserFactory())
    response = client.get(admin_url(Exercise, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_json_is_shown_indented(demo, admin_client):
    session = TrainingSession.objects.filter(type="strength").first()
    response = admin_client.get(admin_url(TrainingSession, "change", session.pk))
    assert "{\n  &quot;exercises&quot;: [\n    {" in response.content.decode()


def test_admin_refuses_a_bad_prescription_naming_the_path(demo, admin_client):
    session = TrainingSession.objects.filter(type="strength").first()
    prescription = json.loads(json.dumps(session.prescription))
    prescription["exercises"][0]["reps"] = 0
    data = {
        "plan": session.plan_id,
        "date": session.date.isoformat(),
        "type": session.type,
        "prescription": json.dumps(prescription),
        "focus": session.focus,
        "estimated_duration": session.estimated_duration,
    }
    response = admin_client.post(admin_url(TrainingSession, "change", session.pk), data)
    assert response.status_code == 200
    assert "exercises[0].reps: must be ≥ 1" in response.content.decode()
    session.refresh_from_db()
    assert session.prescription["exercises"][0]["reps"] != 0


def test_admins_manage_the_exercise_catalog(admin_client):
    response = admin_client.post(
        admin_url(Exercise, "add"),
        {"name": "Zercher Squat", "category": "squat", "muscle_groups": '["quads", "abs"]',
         "is_public": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    exercise = Exercise.objects.get(name="Zercher Squat")
    assert exercise.is_system and exercise.muscle_groups == ["quads", "abs"]
    response = admin_client.post(admin_url(Exercise, "delete", exercise.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Exercise.objects.filter(pk=exercise.pk).exists()


def test_audit_log_is_read_only_even_for_superusers(demo, admin_client):
    entry = demo
    assert admin_client.get(admin_url(AuditLog, "add")).status_code == 403
    assert admin_client.post(admin_url(AuditLog, "delete", entry.pk)).status_code == 403
    page = admin_client.get(admin_url(AuditLog, "change", entry.pk)).content.decode()
    assert 'name="_save"' not in page
    assert "&quot;via&quot;: &quot;test&quot;" in page
    response = admin_client.post(admin_url(AuditLog, "change", entry.pk), {"action": "hacked"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.action == "login"


def test_users_are_created_with_email_and_role(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"email": "New.Coach@Example.com", "role": "coach", "time_zone": "Europe/Paris",
         "password1": "Correct-Horse-42", "password2": "Correct-Horse-42",
         "usable_password": "true"},
    )  # fmt: skip
    assert response.status_code == 302
    assert User.objects.get(email="new.coach@example.com").role == "coach"
