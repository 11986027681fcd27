from datetime import date, timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from training.models import (
    BenchmarkMetric,
    Exercise,
    ExerciseCategory,
    MetricType,
    SessionType,
    TrainingPlan,
    TrainingSession,
)


def this_monday() -> date:
    today = date.today()
    return today - timedelta(days=today.weekday())


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exercise

    name = factory.Sequence(lambda n: f"Exercise {n}")
    category = ExerciseCategory.SQUAT
    muscle_groups = factory.LazyFunction(lambda: ["quads", "glutes"])
    created_by = None
    is_public = True


class TrainingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingPlan

    athlete = factory.SubFactory(AthleteFactory)
    coach = factory.SelfAttribute("athlete.coach")
    week_start_date = factory.LazyFunction(this_monday)
    # Published, so a test's athlete sees the plan as before drafts existed; a draft is
    # `published_at=None` (the builder's own creations are drafts).
    published_at = factory.LazyFunction(timezone.now)


def strength_prescription(exercise_id, **overrides):
    item = {
        "exerciseId": str(exercise_id),
        "sets": 5,
        "reps": 5,
        "intensity": {"type": "percent_1rm", "value": 75},
        "restSeconds": 180,
        "tempo": "3010",
    }
    return {"exercises": [{**item, **overrides}]}


def endurance_prescription(**overrides):
    return {
        "modality": "run",
        "duration": {"value": 45, "unit": "minutes"},
        "distance": {"value": 8, "unit": "km"},
        "intensity": {"type": "heart_rate_zone", "zone": 2},
        **overrides,
    }


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    plan = factory.SubFactory(TrainingPlanFactory)
    date = factory.SelfAttribute("plan.week_start_date")
    type = SessionType.ENDURANCE
    focus = "Aerobic base"
    estimated_duration = 45
    prescription = factory.LazyFunction(endurance_prescription)


class BenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BenchmarkMetric

    athlete = factory.SubFactory(AthleteFactory)
    metric_type = MetricType.FTP
    value = 250
    unit = factory.LazyAttribute(lambda b: BenchmarkMetric.UNITS.get(b.metric_type, "kg"))
    established_at = factory.LazyFunction(date.today)


def busy_roster(coach, monday, athletes=40):
    """A realistic roster for query-budget tests: each athlete with this and next week
    planned, a 1RM, five strength sessions this week and the first two logged."""
    from logging_app.tests.factories import WorkoutLogFactory

    squat = ExerciseFactory()
    roster = AthleteFactory.create_batch(athletes, coach=coach)
    for athlete in roster:
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
        TrainingPlanFactory(athlete=athlete, week_start_date=monday + timedelta(days=7))
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat)
        for day in range(5):
            session = TrainingSessionFactory(
                plan=plan,
                date=monday + timedelta(days=day),
                type="strength",
                prescription=strength_prescription(squat.pk),
            )
            if day < 2:
                WorkoutLogFactory(session=session, athlete=athlete, actual_data={"exercises": []})
    return roster


# 15 min warm-up in zone 1, then 6 × (400 m at 5 km pace, 90 s recovery in zone 1): the
# interval session the target, display, feed, watch and API tests share.
TRACK_INTERVALS = {
    "modality": "run",
    "steps": [
        {"kind": "warmup", "duration": {"value": 15, "unit": "minutes"},
         "intensity": {"type": "heart_rate_zone", "zone": 1}},
        {"repeat": 6, "steps": [
            {"kind": "work", "distance": {"value": 400, "unit": "meters"},
             "intensity": {"type": "race_pace", "race": "5k"}},
            {"kind": "recovery", "duration": {"value": 90, "unit": "seconds"},
             "intensity": {"type": "heart_rate_zone", "zone": 1}},
        ]},
    ],
}  # fmt: skip
