"""The right of access (download everything as JSON) and the right to erasure (delete account)."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Athlete, Coach, Invitation, User
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory
from audit.models import AuditLog
from audit.services import pseudonym_for
from insights.models import AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import BenchmarkMetric, TrainingPlan, TrainingSession
from training.tests.factories import (
    BenchmarkFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    endurance_prescription,
)

pytestmark = pytest.mark.django_db

EXPORT = reverse("accounts:export_data")
DELETE = reverse("accounts:delete_account")
LOGIN = reverse("accounts:login")


@pytest.fixture
def athlete_with_data():
    """An athlete with a plan and session, a log, a benchmark, a summary and an audit entry."""
    athlete = AthleteFactory(name="Ada Athlete", user__email="ada@example.com")
    plan = TrainingPlanFactory(athlete=athlete)
    session = TrainingSessionFactory(
        plan=plan,
        focus="Threshold intervals",
        prescription=endurance_prescription(intensity={"type": "heart_rate_zone", "zone": 4}),
    )
    log = WorkoutLogFactory(session=session, athlete=athlete, rpe=8, notes="Legs heavy on rep 3.")
    benchmark = BenchmarkFactory(athlete=athlete, metric_type="FTP", value=Decimal("262.5"))
    summary = WeeklySummaryFactory(
        plan=plan, athlete=athlete, patterns=["Skipped Friday run twice in a row"]
    )
    AuditLog.objects.create(action="login", user=athlete.user, ip_address="198.51.100.4")
    return {
        "athlete": athlete,
        "plan": plan,
        "session": session,
        "log": log,
        "benchmark": benchmark,
        "summary": summary,
    }


@pytest.fixture
def other_athletes_data():
    other = AthleteFactory(name="Otto Other", user__email="otto@example.com")
    log = WorkoutLogFactory(
        session__plan__athlete=other, athlete=other, rpe=3, notes="OTTO-PRIVATE-NOTE"
    )
    BenchmarkFactory(athlete=other, metric_type="FTP", value=Decimal("199.25"))
    WeeklySummaryFactory(plan=log.session.plan, athlete=other, patterns=["OTTO-PRIVATE-PATTERN"])
    AuditLog.objects.create(action="login", user=other.user, ip_address="192.0.2.99")
    return other


def download(client):
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="hybridpeaks-export-')
    return response, json.loads(response.content)


# --- Export --------------------------------------------------------------------------------


def test_athlete_downloads_all_their_data(client, athlete_with_data, other_athletes_data):
    data = athlete_with_data
    client.force_login(data["athlete"].user)

    response, document = download(client)

    assert document["user"]["email"] == "ada@example.com"
    assert document["user"]["role"] == "athlete"
    assert document["athlete"] == {"name": "Ada Athlete", "coach": data["athlete"].coach.name}
    assert "coach" not in document

    [plan] = document["plans"]
    assert plan["id"] == str(data["plan"].pk)
    [session] = plan["sessions"]
    assert session["focus"] == "Threshold intervals"
    assert session["prescription"]["intensity"] == {"type": "heart_rate_zone", "zone": 4}

    [log] = document["workoutLogs"]
    assert log["id"] == str(data["log"].pk)
    assert log["sessionId"] == str(data["session"].pk)
    assert log["rpe"] == 8
    assert log["notes"] == "Legs heavy on rep 3."
    assert log["actualData"]["avgHeartRate"] == 141

    [benchmark] = document["benchmarks"]
    assert benchmark["metricType"] == "FTP"
    assert benchmark["unit"] == "W"
    assert Decimal(benchmark["value"]) == Decimal("262.5")

    [summary] = document["weeklySummaries"]
    assert summary["patterns"] == ["Skipped Friday run twice in a row"]
    assert summary["adherenceRate"] == "0.800"

    audit_actions = [entry["action"] for entry in document["auditEntries"]]
    assert "login" in audit_actions
    assert any(entry["ipAddress"] == "198.51.100.4" for entry in document["auditEntries"])

    # Nothing of the other athlete's.
    content = response.content.decode()
    for secret in ("OTTO-PRIVATE-NOTE", "OTTO-PRIVATE-PATTERN", "otto@example.com", "199.25"):
        assert secret not in content
    assert "192.0.2.99" not in content
    assert str(other_athletes_data.pk) not in content


def test_export_is_audited_and_appears_in_the_next_export(client, athlete_with_data):
    user = athlete_with_data["athlete"].user
    client.force_login(user)

    _, first = download(client)
    assert "data_export" not in [entry["action"] for entry in first["auditEntries"]]
    entry = AuditLog.objects.get(action="data_export")
    assert entry.user_id == user.pk
    assert entry.entity_id == user.pk

    _, second = download(client)
    assert "data_export" in [entry["action"] for entry in second["auditEntries"]]


def test_coach_export_has_profile_roster_invitations_and_plans_they_wrote(client):
    coach = CoachFactory(name="Carla Coach", user__email="carla@example.com")
    ada = AthleteFactory(coach=coach, name="Ada Athlete")
    AthleteFactory(coach=coach, name="Ben Athlete")
    AthleteFactory(name="Not Carlas Athlete")
    plan = TrainingPlanFactory(athlete=ada, coach=coach)
    TrainingSessionFactory(plan=plan, focus="Long run")
    other_plan = TrainingPlanFactory()
    invitation = Invitation.objects.create(
        coach=coach, email="new@example.com", expires_at=timezone.now() + timedelta(days=7)
    )
    client.force_login(coach.user)

    response, document = download(client)

    assert document["user"]["email"] == "carla@example.com"
    assert document["user"]["role"] == "coach"
    assert document["coach"]["name"] == "Carla Coach"
    assert sorted(a["name"] for a in document["coach"]["athletes"]) == [
        "Ada Athlete",
        "Ben Athlete",
    ]
    [listed] = document["coach"]["invitations"]
    assert listed["id"] == str(invitation.pk)
    assert listed["email"] == "new@example.com"
    assert listed["acceptedAt"] is None
    assert [p["id"] for p in document["plans"]] == [str(plan.pk)]
    assert document["plans"][0]["athleteId"] == str(ada.pk)
    assert document["plans"][0]["sessions"][0]["focus"] == "Long run"
    assert "athlete" not in document
    assert "Not Carlas Athlete" not in response.content.decode()
    assert str(other_plan.pk) not in response.content.decode()


def test_export_needs_sign_in(client):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


# --- Deletion ------------------------------------------------------------------------------


def athletes_rows(athlete) -> dict:
    return {
        "plans": TrainingPlan.objects.filter(athlete=athlete).count(),
        "sessions": TrainingSession.objects.filter(plan__athlete=athlete).count(),
        "logs": WorkoutLog.objects.filter(athlete=athlete).count(),
        "benchmarks": BenchmarkMetric.objects.filter(athlete=athlete).count(),
        "summaries": AIWeeklySummary.objects.filter(athlete=athlete).count(),
    }


def test_wrong_password_deletes_nothing(client, athlete_with_data):
    athlete = athlete_with_data["athlete"]
    client.force_login(athlete.user)
    before = athletes_rows(athlete)

    response = client.post(DELETE, {"password": "Not-My-Password-1"})

    assert response.status_code == 422
    assert "That is not your current password." in response.content.decode()
    assert User.objects.filter(pk=athlete.pk).exists()
    assert athletes_rows(athlete) == before == dict.fromkeys(before, 1)
    assert not AuditLog.objects.filter(action="account_delete").exists()
    assert client.get(reverse("accounts:account")).status_code == 200  # still signed in


def post_delete(client, password=PASSWORD):
    """Confirm deletion with the password."""
    return client.post(DELETE, {"password": password})


def test_deleting_the_account_signs_out_and_says_so(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)

    response = client.post(DELETE, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == LOGIN
    assert "Your account and everything in it have been deleted." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_athlete_deletes_their_account_and_everything_in_it(
    client, athlete_with_data, other_athletes_data
):
    athlete = athlete_with_data["athlete"]
    user_id = athlete.pk
    coach = athlete.coach
    client.force_login(athlete.user)
    assert "This deletes your account" in client.get(DELETE).content.decode()

    post_delete(client)

    assert not User.objects.filter(pk=user_id).exists()
    assert not Athlete.objects.filter(pk=user_id).exists()
    assert athletes_rows(user_id) == dict.fromkeys(athletes_rows(user_id), 0)
    # No longer signed in: the account page asks to sign in.
    assert client.get(reverse("accounts:account")).url.startswith(LOGIN)
    # The audit entry survives under the person's pseudonym (test_erasure.py has the details).
    entry = AuditLog.objects.get(action="account_delete")
    assert entry.user_id == entry.entity_id == pseudonym_for(user_id)
    assert entry.metadata == {"role": "athlete"}
    assert AuditLog.objects.filter(user_id=pseudonym_for(user_id), action="login").exists()
    # Others are untouched, and so is the coach.
    assert athletes_rows(other_athletes_data) == dict.fromkeys(athletes_rows(user_id), 1)
    assert Coach.objects.filter(pk=coach.pk).exists()


def test_coach_with_athletes_must_hand_them_over_first(client):
    coach = AthleteFactory().coach
    client.force_login(coach.user)

    page = client.get(DELETE)
    assert "Hand them over to another coach first" in page.content.decode()

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 422
    assert "Hand them over to another coach first" in response.content.decode()
    assert Coach.objects.filter(pk=coach.pk).exists()
    assert User.objects.filter(pk=coach.pk).exists()
    assert Athlete.objects.filter(coach=coach).count() == 1
    assert not AuditLog.objects.filter(action="account_delete").exists()


def test_coach_without_athletes_can_delete_their_account(client):
    coach = CoachFactory()
    invitation = Invitation.objects.create(coach=coach, expires_at=timezone.now())
    client.force_login(coach.user)

    post_delete(client)

    assert not User.objects.filter(pk=coach.pk).exists()
    assert not Coach.objects.filter(pk=coach.pk).exists()
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    entry = AuditLog.objects.get(action="account_delete")
    assert entry.user_id == pseudonym_for(coach.pk)
    assert entry.metadata == {"role": "coach"}


def test_plans_outlive_their_coach(client):
    """A plan is the athlete's history: the coach who wrote it may leave, it stays."""
    athlete = AthleteFactory()
    former_coach = CoachFactory()
    plan = TrainingPlanFactory(athlete=athlete, coach=former_coach)
    client.force_login(former_coach.user)

    post_delete(client)

    plan.refresh_from_db()
    assert plan.coach is None
    assert plan.athlete == athlete
    assert not Coach.objects.filter(pk=former_coach.pk).exists()
