"""The benchmarks this and next week's sessions need and the athlete lacks, named on the
benchmarks page (moved there from the roster: it is where they are recorded)."""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace
from uuid import uuid4

import pytest
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from training.benchmark_gaps import missing_benchmarks_of
from training.selectors import monday_of
from training.targets import missing_benchmarks, session_targets
from training.tests.benchmarks.entries import MY_URL, url
from training.tests.factories import (
    BenchmarkFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    endurance_prescription,
    strength_prescription,
)

pytestmark = pytest.mark.django_db

NOTE = "Needed for this and next week’s sessions:"


def plan_squats(athlete, squat, *, weeks_ahead=1, published=True):
    monday = monday_of(timezone.localdate()) + timedelta(weeks=weeks_ahead)
    plan = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday, published_at=timezone.now() if published else None
    )
    TrainingSessionFactory(plan=plan, type="strength", prescription=strength_prescription(squat.pk))


def test_the_coach_sees_what_next_weeks_sessions_need(coach_client, athlete, squat):
    plan_squats(athlete, squat)
    page = coach_client.get(url(athlete)).content.decode()
    assert f"{NOTE}</strong> 1RM for Back Squat." in page

    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat)
    assert NOTE not in coach_client.get(url(athlete)).content.decode()


def test_the_athlete_sees_it_too_but_never_from_a_draft(client, athlete, squat):
    plan_squats(athlete, squat, published=False)
    client.force_login(athlete.user)
    assert NOTE not in client.get(MY_URL).content.decode()
    plan_squats(athlete, squat, weeks_ahead=0)
    assert f"{NOTE}</strong> 1RM for Back Squat. Until you record them" in (
        client.get(MY_URL).content.decode()
    )


def test_gaps_are_each_athletes_own(athlete, squat):
    """The same prescription for two athletes, only one with the 1RM: the rule is worked out
    once per prescription and set of benchmarks, never shared across sets."""
    other = AthleteFactory(coach=athlete.coach)
    for each in (athlete, other):
        plan_squats(each, squat)
    BenchmarkFactory(athlete=other, metric_type="1RM", exercise=squat)
    monday = monday_of(timezone.localdate())
    gaps = missing_benchmarks_of(
        [athlete.pk, other.pk], [monday, monday + timedelta(7)], published_only=False
    )
    assert gaps == {athlete.pk: {"1RM for Back Squat"}, other.pk: frozenset()}


def test_missing_benchmarks_needs_only_which_benchmarks_exist():
    """The read (targets.missing_benchmarks, no values) names what session_targets names with
    the athlete's real benchmarks."""
    squat, bench = uuid4(), uuid4()
    benchmarks = [
        SimpleNamespace(metric_type="1RM", exercise_id=squat, value=Decimal("142.5")),
        SimpleNamespace(metric_type="HR_zone_2", exercise_id=None, value=Decimal(151)),
        SimpleNamespace(metric_type="FTP", exercise_id=None, value=Decimal(250)),
    ]
    for benchmark in benchmarks:
        benchmark.established_at = date(2026, 1, 5)
    present = {(benchmark.metric_type, benchmark.exercise_id) for benchmark in benchmarks}
    sessions = [
        ("strength", strength_prescription(squat)),
        ("strength", strength_prescription(bench)),
        ("endurance", endurance_prescription()),
        ("endurance", endurance_prescription(intensity={"type": "ftp_percent", "value": 90})),
        ("endurance", endurance_prescription(intensity={"type": "pace_zone", "zone": 3})),
    ]
    names = {str(bench): "Bench Press"}
    for session_type, prescription in sessions:
        targets = session_targets(session_type, prescription, benchmarks, names)
        expected = {target.missing for target in targets if target.missing}
        assert missing_benchmarks(session_type, prescription, present, names) == expected
    assert missing_benchmarks("strength", sessions[1][1], present, names) == {"1RM for Bench Press"}
