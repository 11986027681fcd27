from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from accounts.tests.factories import CoachFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import (
    BenchmarkMetric,
    Exercise,
    ExerciseCategory,
    MetricType,
    PlanStatus,
    SessionType,
    TrainingPlan,
    TrainingSession,
)
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)


def test_enum_values_are_the_specs():
    assert ExerciseCategory.values == [
        "squat", "hinge", "press", "pull", "accessory", "core", "plyometric"
    ]  # fmt: skip
    assert PlanStatus.values == ["active", "completed", "archived"]
    assert SessionType.values == ["strength", "endurance"]
    assert MetricType.values == [
        "1RM", "FTP", "HR_zone_1", "HR_zone_2", "HR_zone_3", "HR_zone_4", "HR_zone_5",
        "pace_5k", "pace_10k", "pace_half_marathon",
    ]  # fmt: skip


# Exercise


def test_exercise_name_unique_ignoring_case(db_rejects):
    ExerciseFactory(name="Back Squat")
    with db_rejects("idx_exercise_name"):
        Exercise.objects.create(
            name="back squat", category="squat", muscle_groups=["quads"], is_public=True
        )


def test_exercise_name_unique_reported_by_full_clean():
    ExerciseFactory(name="Back Squat")
    duplicate = ExerciseFactory.build(name="BACK SQUAT")
    with pytest.raises(ValidationError, match="already exists"):
        duplicate.full_clean()


def test_exercise_name_at_least_two_characters(db_rejects):
    with db_rejects("exercise_name_min_2"):
        Exercise.objects.create(name="X", category="squat", muscle_groups=["quads"], is_public=True)


def test_exercise_category_enforced_by_database(db_rejects):
    with db_rejects("exercise_category_valid"):
        Exercise.objects.create(
            name="Curl", category="arms", muscle_groups=["biceps"], is_public=True
        )


def test_system_exercise_must_be_public(db_rejects):
    with db_rejects("system_exercise_public"):
        Exercise.objects.create(
            name="Hidden", category="core", muscle_groups=["abs"], is_public=False
        )


def test_coach_exercise_may_be_private():
    exercise = ExerciseFactory(created_by=CoachFactory(), is_public=False)
    exercise.full_clean()
    assert not exercise.is_system


def test_exercise_muscle_groups_validated_by_schema():
    exercise = ExerciseFactory.build(muscle_groups=["quads", "wings"])
    with pytest.raises(ValidationError) as caught:
        exercise.full_clean()
    assert caught.value.message_dict["muscle_groups"][0].startswith("[1]: must be one of")


# TrainingPlan


def test_one_active_plan_per_athlete_week(db_rejects):
    plan = TrainingPlanFactory(week_start_date=MONDAY)
    with db_rejects("one_active_plan_per_athlete_week"):
        TrainingPlan.objects.create(athlete=plan.athlete, coach=plan.coach, week_start_date=MONDAY)


def test_archived_plans_may_share_the_week_with_the_active_one():
    plan = TrainingPlanFactory(week_start_date=MONDAY, status=PlanStatus.ARCHIVED)
    TrainingPlanFactory(athlete=plan.athlete, week_start_date=MONDAY, status=PlanStatus.ARCHIVED)
    TrainingPlanFactory(athlete=plan.athlete, week_start_date=MONDAY)
    other_athletes_plan = TrainingPlanFactory(week_start_date=MONDAY)
    assert other_athletes_plan.status == PlanStatus.ACTIVE
    assert plan.athlete.plans.filter(week_start_date=MONDAY).count() == 3


def test_one_active_plan_reported_by_full_clean():
    plan = TrainingPlanFactory(week_start_date=MONDAY)
    second = TrainingPlan(athlete=plan.athlete, coach=plan.coach, week_start_date=MONDAY)
    with pytest.raises(ValidationError, match="already has an active plan"):
        second.full_clean()


def test_plan_week_starts_on_monday(db_rejects):
    with db_rejects("plan_week_starts_monday"):
        TrainingPlanFactory(week_start_date=MONDAY + timedelta(days=1))


def test_plan_status_enforced_by_database(db_rejects):
    plan = TrainingPlanFactory()
    with db_rejects("plan_status_valid"):
        TrainingPlan.objects.filter(pk=plan.pk).update(status="draft")


def test_plan_defaults():
    plan = TrainingPlanFactory()
    assert plan.status == PlanStatus.ACTIVE
    assert plan.version == 1
    assert plan.week_end_date == plan.week_start_date + timedelta(days=6)


def test_deleting_a_plan_deletes_its_sessions():
    session = TrainingSessionFactory()
    session.plan.delete()
    assert not TrainingSession.objects.filter(pk=session.pk).exists()


def test_plan_outlives_its_coach():
    plan = TrainingPlanFactory()
    athlete = plan.athlete
    athlete.coach = CoachFactory()
    athlete.save()
    plan.coach.user.delete()
    plan.refresh_from_db()
    assert plan.coach is None


# TrainingSession


@pytest.mark.parametrize("minutes", [0, 301])
def test_session_duration_1_to_300(minutes, db_rejects):
    with db_rejects("session_duration_1_300"):
        TrainingSessionFactory(estimated_duration=minutes)


@pytest.mark.parametrize("minutes", [None, 1, 300])
def test_session_duration_bounds_accepted(minutes):
    TrainingSessionFactory(estimated_duration=minutes).full_clean()


def test_session_type_enforced_by_database(db_rejects):
    with db_rejects("session_type_valid"):
        TrainingSessionFactory(type="yoga")


def test_session_prescription_validated_against_its_type():
    exercise = ExerciseFactory()
    session = TrainingSessionFactory.build(
        plan=TrainingPlanFactory(),
        type=SessionType.STRENGTH,
        prescription=strength_prescription(exercise.pk, sets=0),
    )
    with pytest.raises(ValidationError) as caught:
        session.full_clean()
    assert caught.value.message_dict["prescription"] == ["exercises[0].sets: must be ≥ 1"]


def test_session_date_inside_its_plans_week():
    plan = TrainingPlanFactory(week_start_date=MONDAY)
    session = TrainingSessionFactory.build(plan=plan, date=MONDAY + timedelta(days=7))
    with pytest.raises(ValidationError) as caught:
        session.full_clean()
    assert "date" in caught.value.message_dict


def test_deleting_a_session_keeps_its_log():
    log = WorkoutLogFactory()
    log.session.delete()
    log.refresh_from_db()
    assert log.session is None
    assert WorkoutLog.objects.filter(pk=log.pk).exists()


# BenchmarkMetric


@pytest.mark.parametrize("value", [0, -5])
def test_benchmark_value_positive(value, db_rejects):
    with db_rejects("benchmark_value_positive"):
        BenchmarkFactory(value=value)


def test_one_rep_max_needs_exercise_in_database(db_rejects):
    with db_rejects("one_rm_needs_exercise"):
        BenchmarkFactory(metric_type=MetricType.ONE_RM, exercise=None)


def test_one_rep_max_needs_exercise_in_full_clean():
    benchmark = BenchmarkFactory.build(athlete=BenchmarkFactory().athlete, metric_type="1RM")
    with pytest.raises(ValidationError) as caught:
        benchmark.full_clean()
    assert caught.value.message_dict["exercise"] == ["A 1RM benchmark needs its exercise."]


def test_benchmark_unit_follows_metric_type():
    athlete = BenchmarkFactory().athlete
    benchmark = BenchmarkMetric(
        athlete=athlete, metric_type="FTP", value=250, unit="", established_at=MONDAY
    )
    benchmark.full_clean()
    assert benchmark.unit == "W"
    benchmark.unit = "kg"
    with pytest.raises(ValidationError, match="measured in W"):
        benchmark.full_clean()


def test_benchmark_unit_required_in_database(db_rejects):
    with db_rejects("benchmark_unit_present"):
        BenchmarkFactory(unit="")


def test_benchmark_type_enforced_by_database(db_rejects):
    with db_rejects("benchmark_type_valid"):
        BenchmarkFactory(metric_type="VO2max")


def test_benchmark_history_is_kept_newest_first():
    first = BenchmarkFactory(value=240, established_at=MONDAY - timedelta(days=60))
    newer = BenchmarkFactory(athlete=first.athlete, value=255, established_at=MONDAY)
    assert list(first.athlete.benchmarks.all()) == [newer, first]


def test_exercise_with_benchmarks_cannot_be_deleted():
    exercise = ExerciseFactory()
    BenchmarkFactory(metric_type=MetricType.ONE_RM, exercise=exercise, unit="kg")
    with pytest.raises(ProtectedError):
        exercise.delete()


def test_benchmark_cannot_be_dated_in_the_future():
    benchmark = BenchmarkFactory.build(
        athlete=BenchmarkFactory().athlete, established_at=date.today() + timedelta(days=2)
    )
    with pytest.raises(ValidationError) as caught:
        benchmark.full_clean()
    assert "established_at" in caught.value.message_dict
