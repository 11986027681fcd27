"""An athlete with benchmarks and published sessions in and around the feed's window, plans
that must stay out of it (a draft, an archived plan, weeks outside), and another athlete."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from training.feeds import secrets
from training.models import PlanStatus
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
    this_monday,
)


def feed_path(user) -> str:
    """A new secret URL of the user's feed (the path)."""
    return reverse("calendar:feed", args=[secrets.secret_of(secrets.new_feed(user=user))])


def session_in(athlete, weeks: int, day: int = 0, *, plan=None, **fields):
    """A session `weeks` from this week (a plan of that week made, published, if not given)."""
    monday = this_monday() + timedelta(weeks=weeks)
    plan = plan or TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    return TrainingSessionFactory(plan=plan, date=monday + timedelta(days=day), **fields)


@pytest.fixture
def squat():
    return ExerciseFactory(name="Back Squat")


@pytest.fixture
def athlete(squat):
    athlete = AthleteFactory(name="Alex Kim", user__time_zone="UTC")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=Decimal(140))
    for zone, bpm in enumerate((130, 150, 165, 178, 190), start=1):
        BenchmarkFactory(athlete=athlete, metric_type=f"HR_zone_{zone}", value=bpm)
    return athlete


@pytest.fixture
def world(athlete, squat):
    """The sessions the athlete's feed shows (`shown`) and those it must not (`hidden`)."""
    lift = session_in(athlete, 0, 1, type="strength", prescription=strength_prescription(squat.pk))
    shown = {
        "lift": lift,
        "run": session_in(athlete, 0, 3, plan=lift.plan),
        "two weeks ago": session_in(athlete, -2, 0),
        "eight weeks on": session_in(athlete, 8, 6),
    }
    archived = TrainingPlanFactory(
        athlete=athlete, week_start_date=this_monday() + timedelta(weeks=1),
        status=PlanStatus.ARCHIVED,
    )  # fmt: skip
    replacement = session_in(athlete, 1, 2)
    shown["replacement"] = replacement
    draft = TrainingPlanFactory(
        athlete=athlete, week_start_date=this_monday() + timedelta(weeks=2), published_at=None
    )
    hidden = {
        "draft": session_in(athlete, 2, 0, plan=draft),
        "archived": session_in(athlete, 1, 2, plan=archived),
        "three weeks ago": session_in(athlete, -3, 6),
        "nine weeks on": session_in(athlete, 9, 0),
        "other athlete": session_in(AthleteFactory(), 0, 1),
    }
    return {"shown": shown, "hidden": hidden}
