"""Erasure that erases (issue 10, part 6): what deleting an account leaves, and what it keeps.

Kept: a coach's exercises (the catalog), and the audit trail under a pseudonym. Gone: email,
IP address and user agent from the trail, django-axes' records for the email, every session.
"""

from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Coach, User
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory, UserFactory
from audit.models import AuditLog
from audit.services import pseudonym_for
from training.models import Exercise
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db

DELETE = reverse("accounts:delete_account")
EMAIL = "ada@example.com"
AGENT = "Mozilla/5.0 (Ada's phone)"


def delete_own_account(user) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=AGENT)
    client.force_login(user)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def sign_in_records(email) -> dict:
    when = timezone.now()
    return {
        "attempt": AccessAttempt.objects.create(
            username=email,
            ip_address="203.0.113.7",
            user_agent=AGENT,
            failures_since_start=2,
            attempt_time=when,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/login/",
        ),
        "log": AccessLog.objects.create(
            username=email,
            ip_address="203.0.113.7",
            user_agent=AGENT,
            attempt_time=when,
            http_accept="",
            path_info="/login/",
        ),
        "failure": AccessFailureLog.objects.create(
            username=email,
            ip_address="203.0.113.7",
            user_agent=AGENT,
            attempt_time=when,
            http_accept="",
            path_info="/login/",
            locked_out=False,
        ),
    }


# --- A coach's exercises outlive the coach ---------------------------------------------------


def test_deleting_a_coach_whose_exercise_a_former_athletes_benchmark_uses():
    coach = CoachFactory()
    private = ExerciseFactory(name="Maria's split squat", created_by=coach, is_public=False)
    shared = ExerciseFactory(name="Maria's sled push", created_by=coach, is_public=True)
    former_athlete = AthleteFactory()  # handed over to another coach before
    benchmark = BenchmarkFactory(
        athlete=former_athlete, metric_type="1RM", exercise=private, value=Decimal("80")
    )
    other_plan = TrainingPlanFactory(athlete=former_athlete)
    session = TrainingSessionFactory(
        plan=other_plan, type="strength", prescription=strength_prescription(shared.pk)
    )

    delete_own_account(coach.user)

    assert not Coach.objects.filter(pk=coach.pk).exists()
    benchmark.refresh_from_db()
    assert benchmark.exercise.name == "Maria's split squat"
    for exercise in (private, shared):
        exercise.refresh_from_db()
        assert exercise.created_by is None
        assert exercise.is_public
    assert Exercise.objects.filter(name="Maria's sled push").exists()
    # The athlete's plan, written by their new coach, still names it.
    athlete_client = Client()
    athlete_client.force_login(former_athlete.user)
    page = athlete_client.get(reverse("logging_app:log_session", args=[session.pk]))
    assert "Maria&#x27;s sled push" in page.content.decode()
    assert "Unknown exercise" not in page.content.decode()


# --- The audit trail keeps a pseudonym -------------------------------------------------------


def test_audit_entries_about_the_person_are_pseudonymised():
    athlete = AthleteFactory(user__email=EMAIL)
    user_id = athlete.pk
    AuditLog.objects.create(
        action="login",
        user=athlete.user,
        entity_type="user",
        entity_id=user_id,
        ip_address="198.51.100.4",
        user_agent=AGENT,
    )
    before_sign_up = AuditLog.objects.create(
        action="login_failed",
        metadata={"email": EMAIL},
        ip_address="198.51.100.5",
        user_agent=AGENT,
    )
    admin = UserFactory(is_staff=True)
    by_admin = AuditLog.objects.create(
        action="reassign_athlete",
        user=admin,
        entity_type="athlete",
        entity_id=user_id,
        metadata={"from_coach_id": "x"},
        ip_address="192.0.2.50",
        user_agent="Admin browser",
    )
    someone_else = AuditLog.objects.create(
        action="login_failed", metadata={"email": "otto@example.com"}, ip_address="192.0.2.99"
    )

    delete_own_account(athlete.user)

    pseudonym = pseudonym_for(user_id)
    assert pseudonym != user_id
    assert pseudonym == pseudonym_for(user_id)  # stable: one person's rows group together
    theirs = AuditLog.objects.filter(user_id=pseudonym)
    assert {e.action for e in theirs} == {"login", "login_failed", "account_delete"}
    for entry in theirs:
        assert entry.ip_address is None
        assert entry.user_agent is None
        assert "email" not in (entry.metadata or {})
    assert not AuditLog.objects.filter(user_id=user_id).exists()
    assert not AuditLog.objects.filter(entity_id=user_id).exists()
    assert AuditLog.objects.get(action="account_delete").metadata == {"role": "athlete"}
    assert AuditLog.objects.get(pk=before_sign_up.pk).user_id == pseudonym
    # The admin's entry keeps the admin, their address and browser, and points at the pseudonym.
    by_admin = AuditLog.objects.get(pk=by_admin.pk)
    assert (by_admin.user_id, by_admin.entity_id) == (admin.pk, pseudonym)
    assert (by_admin.ip_address, by_admin.user_agent) == ("192.0.2.50", "Admin browser")
    assert by_admin.metadata == {"from_coach_id": "x"}
    # Nobody else's entry changes.
    untouched = AuditLog.objects.get(pk=someone_else.pk)
    assert untouched.metadata == {"email": "otto@example.com"}
    assert untouched.ip_address == "192.0.2.99"
    assert EMAIL not in str(list(AuditLog.objects.values_list("metadata", flat=True)))


def test_the_pseudonym_depends_on_the_secret_key(settings):
    first = pseudonym_for("6f1c3a52-1d0e-4a7a-9d9e-0c2b8e7f1a10")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert pseudonym_for("6f1c3a52-1d0e-4a7a-9d9e-0c2b8e7f1a10") != first


# --- Sign-in records and sessions go ---------------------------------------------------------


def test_axes_records_for_the_email_are_deleted_and_others_kept():
    athlete = AthleteFactory(user__email=EMAIL)
    sign_in_records(EMAIL)
    others = sign_in_records("otto@example.com")

    delete_own_account(athlete.user)

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username=EMAIL).exists()
    assert AccessAttempt.objects.get(pk=others["attempt"].pk)
    assert AccessLog.objects.get(pk=others["log"].pk)
    assert AccessFailureLog.objects.get(pk=others["failure"].pk)


def test_deletion_signs_the_person_out_on_every_device():
    athlete = AthleteFactory(user__email=EMAIL)
    phone, laptop, someone_else = Client(), Client(), Client()
    phone.force_login(athlete.user)
    laptop.force_login(athlete.user)
    someone_else.force_login(AthleteFactory().user)
    assert Session.objects.count() == 3

    delete_own_account(athlete.user)

    assert Session.objects.count() == 1
    assert someone_else.get(reverse("accounts:account")).status_code == 200


# --- The export includes sign-in records -----------------------------------------------------


def test_export_includes_sign_in_records_and_failures_before_sign_up(client):
    athlete = AthleteFactory(user__email=EMAIL)
    sign_in_records(EMAIL)
    sign_in_records("otto@example.com")
    AuditLog.objects.create(action="login_failed", metadata={"email": EMAIL}, ip_address="1.2.3.4")
    AuditLog.objects.create(action="login_failed", metadata={"email": "otto@example.com"})
    client.force_login(athlete.user)

    document = client.get(reverse("accounts:export_data")).json()

    kinds_from_ada_phone = {
        record["kind"] for record in document["signIns"] if record["userAgent"] == AGENT
    }
    assert kinds_from_ada_phone == {"failed_sign_in", "sign_in"}
    failed = [e for e in document["auditEntries"] if e["action"] == "login_failed"]
    assert [e["ipAddress"] for e in failed] == ["1.2.3.4"]
    assert "otto@example.com" not in str(document)


# --- An admin's deletion erases the same -----------------------------------------------------


@pytest.mark.parametrize("how", ["delete page", "bulk action"])
def test_an_admin_deleting_an_account_erases_as_the_account_page_does(how):
    athlete = AthleteFactory(user__email=EMAIL)
    sign_in_records(EMAIL)
    phone = Client()
    phone.force_login(athlete.user)
    signed_in = AuditLog.objects.create(
        action="login", user=athlete.user, ip_address="198.51.100.4"
    )
    admin = UserFactory(is_staff=True, is_superuser=True)
    desk = Client()
    desk.force_login(admin)

    if how == "delete page":
        url = reverse("admin:accounts_user_delete", args=[athlete.pk])
        response = desk.post(url, {"post": "yes"})
    else:
        response = desk.post(
            reverse("admin:accounts_user_changelist"),
            {"action": "delete_selected", "_selected_action": [athlete.pk], "post": "yes"},
        )

    assert response.status_code == 302
    assert not User.objects.filter(pk=athlete.pk).exists()
    assert phone.get(reverse("logging_app:today")).status_code == 302  # signed out there
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username=EMAIL).exists()
    pseudonym = pseudonym_for(athlete.pk)
    signed_in.refresh_from_db()
    assert (signed_in.user_id, signed_in.ip_address) == (pseudonym, None)
    deletion = AuditLog.objects.get(action="account_delete")
    assert (deletion.user_id, deletion.entity_id) == (admin.pk, pseudonym)  # who deleted whom
    assert EMAIL not in str(list(AuditLog.objects.values_list("metadata", flat=True)))
