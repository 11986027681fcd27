"""The benchmarks' data builder makes what it says, and removes it again."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accounts.models import Athlete, User
from insights.benchmark_data import (
    build,
    remove,
    system_catalog,
    validate_sample,
    write_summaries,
)
from insights.models import AIWeeklySummary
from logging_app.demo import week_template
from logging_app.models import WorkoutLog
from training.models import BenchmarkMetric, PlanStatus, TrainingPlan, TrainingSession
from training.selectors import monday_of

# A Wednesday: this week has two days behind it (Berlin and New York alike).
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def data_set(db):
    catalog, new_exercises = system_catalog()
    coach, counts = build(2, catalog, NOW, ended_weeks=3, weeks_ahead=2)
    return coach, counts, catalog, new_exercises


def test_it_builds_the_weeks_sessions_and_benchmarks_it_counts(data_set):
    coach, counts, catalog, _ = data_set
    per_week = len(week_template(catalog))
    athletes = Athlete.objects.filter(coach=coach)
    assert athletes.count() == 2
    assert counts["plans"] == TrainingPlan.objects.filter(athlete__in=athletes).count() == 2 * 5
    sessions = TrainingSession.objects.filter(plan__athlete__in=athletes)
    assert counts["sessions"] == sessions.count() == 2 * 5 * per_week
    logs = WorkoutLog.objects.filter(athlete__in=athletes)
    assert counts["logs"] == logs.count()
    assert counts["benchmarks"] == BenchmarkMetric.objects.filter(athlete__in=athletes).count()
    assert counts["benchmarks"] == 2 * 10


def test_ended_weeks_are_completed_and_logged_this_and_next_week_active(data_set):
    coach, _, _, _ = data_set
    for athlete in Athlete.objects.filter(coach=coach).select_related("user"):
        today = timezone.localdate(NOW, athlete.user.zoneinfo)
        this_monday = monday_of(today)
        plans = TrainingPlan.objects.filter(athlete=athlete)
        ended = plans.filter(week_start_date__lt=this_monday)
        assert ended.count() == 3
        assert set(ended.values_list("status", flat=True)) == {PlanStatus.COMPLETED}
        ahead = plans.filter(week_start_date__gte=this_monday)
        assert sorted(ahead.values_list("week_start_date", flat=True)) == [
            this_monday,
            this_monday + timedelta(weeks=1),
        ]
        assert set(ahead.values_list("status", flat=True)) == {PlanStatus.ACTIVE}
        logs = WorkoutLog.objects.filter(athlete=athlete)
        # Nothing logged today or later, nothing completed after "now".
        assert not logs.filter(session__date__gte=today).exists()
        assert not logs.filter(completed_at__gt=NOW).exists()
        # Every ended week has its Monday logged, so each has something to analyse.
        for plan in ended:
            assert logs.filter(session__date=plan.week_start_date).exists()


def test_its_rows_pass_validation_and_last_week_gets_one_summary_each(data_set):
    coach, _, _, _ = data_set
    validate_sample(coach, size=2)
    assert write_summaries(coach, NOW) == 2
    summaries = AIWeeklySummary.objects.filter(athlete__coach=coach)
    last_sundays = {
        monday_of(timezone.localdate(NOW, a.user.zoneinfo)) - timedelta(days=1)
        for a in Athlete.objects.filter(coach=coach).select_related("user")
    }
    assert set(summaries.values_list("week_end_date", flat=True)) == last_sundays


def test_remove_leaves_nothing_of_it(data_set):
    coach, _, _, new_exercises = data_set
    emails = list(
        User.objects.filter(email__startswith="benchmark-").values_list("email", flat=True)
    )
    assert len(emails) == 3  # the coach and 2 athletes
    remove(coach, new_exercises)
    assert not User.objects.filter(email__in=emails).exists()
    assert not TrainingPlan.objects.exists()
    assert not WorkoutLog.objects.exists()
