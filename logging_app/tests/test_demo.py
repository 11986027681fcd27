from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Athlete, Coach, User
from insights.models import AIWeeklySummary
from logging_app.demo import DEMO_PASSWORD, seed_demo
from logging_app.models import WorkoutLog
from training.catalog import load_system_catalog
from training.models import BenchmarkMetric, PlanStatus, SessionType, TrainingPlan, TrainingSession

pytestmark = pytest.mark.django_db
MODELS = [User, Coach, Athlete, TrainingPlan, TrainingSession, WorkoutLog, BenchmarkMetric]


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at")) for model in MODELS
    }


def test_seed_demo_creates_the_specs_sample_data(capsys):
    call_command("seed_demo")
    assert Coach.objects.count() == 2
    assert Athlete.objects.count() == 5
    assert User.objects.filter(is_superuser=True).count() == 1
    for athlete in Athlete.objects.all():
        today = timezone.localdate(timezone=athlete.user.zoneinfo)
        monday = today - timedelta(days=today.weekday())
        current = athlete.plans.get(week_start_date=monday)
        assert current.status == PlanStatus.ACTIVE
        assert set(current.sessions.values_list("type", flat=True)) == set(SessionType.values)
        assert athlete.benchmarks.filter(metric_type="1RM").count() == 4
        assert athlete.plans.filter(status=PlanStatus.COMPLETED).count() == 1
    assert WorkoutLog.objects.exists()
    assert not AIWeeklySummary.objects.exists()
    output = capsys.readouterr().out
    assert DEMO_PASSWORD in output
    for email in User.objects.values_list("email", flat=True):
        assert email in output


def test_every_demo_record_passes_validation():
    call_command("seed_demo")
    for model in [*MODELS[1:]]:
        for record in model.objects.all():
            record.full_clean()


def test_demo_logs_are_in_the_past_and_near_their_session():
    call_command("seed_demo")
    for log in WorkoutLog.objects.select_related("session", "athlete__user"):
        assert log.completed_at <= timezone.now()
        local_day = timezone.localdate(log.completed_at, log.athlete.user.zoneinfo)
        assert abs((local_day - log.session.date).days) <= 7


def test_running_twice_changes_nothing():
    call_command("seed_demo")
    before = snapshot()
    call_command("seed_demo")
    assert snapshot() == before


def test_demo_logins_work(client):
    call_command("seed_demo")
    for user in User.objects.all():
        client.post(reverse("accounts:login"), {"username": user.email, "password": DEMO_PASSWORD})
        assert client.session.get("_auth_user_id") == str(user.pk), user.email
        client.post(reverse("accounts:logout"))


def test_seed_on_a_monday_has_no_logs_this_week():
    load_system_catalog()
    monday = date(2026, 11, 23)
    seed_demo(today=monday)
    assert not WorkoutLog.objects.filter(session__date__gte=monday).exists()
    assert WorkoutLog.objects.filter(session__date__lt=monday).count() == 5 * 5
