"""The plan that stands and the one read of weeks' sessions (training.selectors)."""

from datetime import date, timedelta

import pytest

from accounts.tests.factories import AthleteFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.models import PlanStatus, TrainingPlan
from training.selectors import (
    builder_week,
    exercise_names,
    exercises_by_id,
    planned_week,
    sessions_of_weeks,
)
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 30)


def test_standing_plans_are_active_or_completed_never_archived():
    athlete = AthleteFactory()
    active = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    completed = TrainingPlanFactory(
        athlete=athlete, week_start_date=MONDAY - timedelta(7), status=PlanStatus.COMPLETED
    )
    TrainingPlanFactory(
        athlete=athlete, week_start_date=MONDAY - timedelta(14), status=PlanStatus.ARCHIVED
    )
    assert set(TrainingPlan.objects.standing()) == {active, completed}
    assert set(athlete.plans.standing()) == {active, completed}


def test_of_an_active_and_a_completed_plan_the_active_one_stands():
    athlete = AthleteFactory()
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status=PlanStatus.COMPLETED)
    active = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    TrainingSessionFactory(plan=active, date=MONDAY, focus="The standing one")
    week = planned_week(athlete, MONDAY, published_only=True)
    assert week.plan == active
    assert [s.focus for s in week.sessions] == ["The standing one"]


def test_a_week_without_a_standing_plan_is_empty():
    athlete = AthleteFactory()
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status=PlanStatus.ARCHIVED)
    week = planned_week(athlete, MONDAY, published_only=True)
    assert (week.plan, week.views) == (None, [])


def test_sessions_carry_names_targets_and_logs():
    athlete = AthleteFactory()
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    done = TrainingSessionFactory(
        plan=plan, date=MONDAY, type="strength", prescription=strength_prescription(squat.pk)
    )
    TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(1))
    WorkoutLogFactory(session=done)
    views = planned_week(athlete, MONDAY, published_only=True).views
    assert views[0].lines[0].label == "Back Squat"
    assert views[0].lines[0].target.kg == 105  # 140 × 75 %
    assert [v.session.logged for v in views] == [True, False]
    assert [len(v.session.logs.all()) for v in views] == [1, 0]


def test_many_athletes_and_weeks_cost_five_queries(django_assert_num_queries):
    """Standing plans, their sessions, the sessions' logs, benchmarks, exercise names."""
    athletes = AthleteFactory.create_batch(6)
    mondays = [MONDAY, MONDAY + timedelta(7)]
    for athlete in athletes:
        BenchmarkFactory(athlete=athlete)
        for monday in mondays:
            plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
            for day in range(3):
                session = TrainingSessionFactory(
                    plan=plan,
                    date=monday + timedelta(day),
                    type="strength",
                    prescription=strength_prescription(ExerciseFactory().pk),
                )
            WorkoutLogFactory(session=session)
    with django_assert_num_queries(5):
        weeks = sessions_of_weeks([a.pk for a in athletes], mondays, published_only=True)
    assert len(weeks) == len(athletes) * len(mondays)
    assert all(len(week.views) == 3 for week in weeks.values())


def test_exercise_names_skip_sessions_without_exercises():
    squat = ExerciseFactory(name="Back Squat")
    plan = TrainingPlanFactory(week_start_date=MONDAY)
    sessions = [
        TrainingSessionFactory(
            plan=plan, type="strength", prescription=strength_prescription(squat.pk)
        ),
        TrainingSessionFactory(plan=plan),
    ]
    assert exercise_names(sessions) == {str(squat.pk): "Back Squat"}


def _read(week):
    return (
        week.plan,
        [(v.session.pk, v.session.logged, v.lines) for v in week.views],
        week.benchmarks,
    )


@pytest.mark.parametrize(
    "case", ["active", "completed", "active and completed", "empty active", "none"]
)
def test_the_builders_read_is_planned_week_read_by_what_the_week_needs(
    case, django_assert_num_queries
):
    athlete = AthleteFactory()
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    statuses = {
        "active": [PlanStatus.ACTIVE],
        "completed": [PlanStatus.COMPLETED],
        "active and completed": [PlanStatus.COMPLETED, PlanStatus.ACTIVE],
        "empty active": [PlanStatus.COMPLETED, PlanStatus.ACTIVE],
        "none": [PlanStatus.ARCHIVED],
    }[case]
    for status in statuses:
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status=status)
        if case == "empty active" and status == PlanStatus.ACTIVE:
            continue
        for day in range(2):
            session = TrainingSessionFactory(
                plan=plan,
                date=MONDAY + timedelta(day),
                type="strength",
                prescription=strength_prescription(squat.pk),
            )
        WorkoutLogFactory(session=session, athlete=athlete)

    plan, views, benchmarks = _read(planned_week(athlete, MONDAY, published_only=False))
    # The plans, then the plan's sessions, the benchmarks and the exercise names: only as
    # far as the week has something to read (no benchmarks to target an empty week with).
    queries = {"empty active": 2, "none": 1}.get(case, 4)
    with django_assert_num_queries(queries):
        assert _read(builder_week(athlete, MONDAY)) == (plan, views, benchmarks if views else [])
    assert bool(views) == (case in ("active", "completed", "active and completed"))


def test_exercises_are_read_by_id_however_many_and_a_malformed_id_names_nothing(
    django_assert_num_queries,
):
    few = ExerciseFactory.create_batch(3)
    many = ExerciseFactory.create_batch(30)
    with django_assert_num_queries(1):
        assert set(exercises_by_id([str(e.pk) for e in few] + ["not-an-id", None])) == {
            str(e.pk) for e in few
        }
    with django_assert_num_queries(1):  # more than the compiled read holds: the ORM reads them
        assert len(exercises_by_id(str(e.pk) for e in many)) == 30
    with django_assert_num_queries(0):
        assert exercises_by_id(["nonsense"]) == {}
