import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import ProtectedError
from django.urls import reverse

from accounts.models import Athlete, Coach, User, UserRole
from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory
from insights.models import AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import BenchmarkMetric, TrainingPlan
from training.tests.factories import BenchmarkFactory

pytestmark = pytest.mark.django_db


def test_role_values_are_the_specs():
    assert UserRole.values == ["coach", "athlete"]


def test_email_is_stored_lowercase_and_login_ignores_case(client):
    user = User.objects.create_user("Ann.Smith@Example.ORG", "Correct-Horse-42", role="coach")
    assert user.email == "ann.smith@example.org"
    assert User.objects.get_by_natural_key("ANN.SMITH@example.org") == user
    response = client.post(
        reverse("accounts:login"),
        {"username": "Ann.Smith@EXAMPLE.org", "password": "Correct-Horse-42"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_password_is_hashed():
    user = UserFactory()
    assert user.password != "Correct-Horse-42"
    assert user.check_password("Correct-Horse-42")


def test_email_unique_in_database(db_rejects):
    UserFactory(email="dup@example.com")
    with db_rejects("idx_user_email"):
        User.objects.create(email="dup@example.com", role="coach")


def test_email_lowercase_enforced_by_database(db_rejects):
    with db_rejects("user_email_lowercase"):
        User.objects.create(email="Upper@example.com", role="coach")


def test_role_enforced_by_database(db_rejects):
    with db_rejects("user_role_valid"):
        User.objects.create(email="x@example.com", role="admin")


def test_full_clean_normalizes_email_and_rejects_bad_time_zone():
    user = User(email="Mixed@Example.com", role="athlete", time_zone="Mars/Olympus")
    user.set_password("Correct-Horse-42")
    with pytest.raises(ValidationError) as caught:
        user.full_clean()
    assert "time_zone" in caught.value.message_dict
    assert user.email == "mixed@example.com"


def test_time_zone_defaults_to_setting_and_gives_zoneinfo(settings):
    user = UserFactory(time_zone="Europe/Paris")
    assert user.zoneinfo.key == "Europe/Paris"
    assert User(email="a@b.c", role="coach").time_zone == settings.TIME_ZONE


def test_createsuperuser_works(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Correct-Horse-42")
    call_command("createsuperuser", "--no-input", "--email", "Boss@Example.com", verbosity=0)
    admin = User.objects.get(email="boss@example.com")
    assert admin.is_superuser and admin.is_staff
    assert admin.role == UserRole.COACH
    assert admin.check_password("Correct-Horse-42")


def test_profiles_share_the_users_id():
    athlete = AthleteFactory()
    assert athlete.pk == athlete.user.pk
    assert athlete.coach.pk == athlete.coach.user.pk


@pytest.mark.parametrize("factory", [CoachFactory, AthleteFactory])
def test_profile_name_at_least_two_characters_in_database(factory, db_rejects):
    profile = factory()
    model = type(profile)
    with db_rejects(f"{model.__name__.lower()}_name_min_2"):
        model.objects.filter(pk=profile.pk).update(name="X")


def test_profile_name_validated_by_full_clean():
    athlete = AthleteFactory.build(name="X", user=UserFactory(), coach=CoachFactory())
    with pytest.raises(ValidationError) as caught:
        athlete.full_clean()
    assert "name" in caught.value.message_dict


def test_coach_with_athletes_cannot_be_deleted():
    athlete = AthleteFactory()
    coach = athlete.coach
    with pytest.raises(ProtectedError):
        coach.delete()
    with pytest.raises(ProtectedError):
        coach.user.delete()
    assert Coach.objects.filter(pk=coach.pk).exists()


def test_coach_without_athletes_can_be_deleted():
    coach = CoachFactory()
    coach.user.delete()
    assert not Coach.objects.filter(pk=coach.pk).exists()


def test_deleting_an_athlete_removes_their_logs_benchmarks_summaries_and_plans():
    log = WorkoutLogFactory()
    athlete = log.athlete
    BenchmarkFactory(athlete=athlete)
    WeeklySummaryFactory(plan=log.session.plan, athlete=athlete)
    bystander = WorkoutLogFactory()
    BenchmarkFactory(athlete=bystander.athlete)

    athlete.user.delete()

    assert not Athlete.objects.filter(pk=athlete.pk).exists()
    for model in (WorkoutLog, BenchmarkMetric, AIWeeklySummary, TrainingPlan):
        assert not model.objects.filter(athlete=athlete).exists(), model.__name__
    assert WorkoutLog.objects.filter(pk=bystander.pk).exists()
    assert BenchmarkMetric.objects.filter(athlete=bystander.athlete).exists()
