"""The weekly job by chunks (insights.jobs): the same summaries as the one-athlete path, a
constant number of queries per chunk, one failing athlete-week alone, and races left to the
unique constraint. The command's own behaviour (catch-up, output) is in test_command.py."""

import logging
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import AthleteFactory
from insights import jobs
from insights.engine.analysis import analyse
from insights.jobs import chunks, summarise_chunk
from insights.models import AIWeeklySummary
from insights.services import gather_week
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory, endurance_actual
from training.models import TrainingPlan
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db

# A Wednesday: the last ended week is the one of Monday 12 January.
NOW = datetime(2026, 1, 21, 12, 0, tzinfo=UTC)
THIS_MONDAY = date(2026, 1, 19)
LAST_MONDAY = THIS_MONDAY - timedelta(weeks=1)
LAST_SUNDAY = LAST_MONDAY + timedelta(days=6)


@pytest.fixture(autouse=True)
def _no_narrator(monkeypatch):
    """The batch never asks the narrator, configured or not."""

    def refuse(findings):
        raise AssertionError("the narrator was called inside the batch")

    monkeypatch.setattr("insights.narrator.narrate", refuse)


def logged_week(athlete, monday: date = LAST_MONDAY) -> TrainingPlan:
    """A plan of one session on `monday`, logged at noon that day."""
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=monday)
    WorkoutLogFactory(
        session=session,
        completed_at=datetime.combine(monday, time(12), tzinfo=athlete.user.zoneinfo),
    )
    return plan


def lifting_week(athlete) -> TrainingPlan:
    """A richer week: a squat with a 1RM, logged; a run planned and missed; older history."""
    squat = ExerciseFactory(name="Back squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    plan = logged_week(athlete, LAST_MONDAY - timedelta(weeks=2))
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=LAST_MONDAY)
    lift = TrainingSessionFactory(
        plan=plan,
        date=LAST_MONDAY,
        type="strength",
        prescription=strength_prescription(squat.pk),
    )
    TrainingSessionFactory(plan=plan, date=LAST_MONDAY + timedelta(days=2))
    sets = [{"weight": 105, "reps": 5, "rpe": 8}] * 5
    WorkoutLogFactory(
        session=lift,
        completed_at=datetime.combine(LAST_MONDAY, time(18), tzinfo=athlete.user.zoneinfo),
        actual_data={"exercises": [{"exerciseId": str(squat.pk), "sets": sets}]},
    )
    return plan


def test_a_chunk_stores_what_the_one_athlete_path_computes():
    lifter, runner = AthleteFactory(user__time_zone="Pacific/Auckland"), AthleteFactory()
    plan = lifting_week(lifter)
    logged_week(runner)

    outcome = summarise_chunk([lifter.pk, runner.pk], now=NOW)

    stored = AIWeeklySummary.objects.values_list("pk", flat=True)
    assert sorted(outcome.created_ids) == sorted(stored)
    # Both last weeks, and the lifter's week two back, not summarised before (catch-up).
    assert (len(outcome.created_ids), outcome.failed) == (3, 0)
    summary = AIWeeklySummary.objects.get(athlete=lifter, week_end_date=LAST_SUNDAY)
    week, _ = gather_week(lifter, LAST_MONDAY)
    analysis = analyse(week)
    assert summary.plan == plan
    assert summary.adherence_rate == analysis.adherence
    assert summary.patterns == analysis.patterns
    assert summary.suggestions == analysis.suggestions
    assert summary.fatigue_analysis == analysis.fatigue_analysis
    assert summary.total_volume["dailyLoad"]["done"] == list(analysis.daily_load)


def athletes_with_a_logged_week(count: int) -> list:
    squat = ExerciseFactory()
    ids = []
    for _ in range(count):
        athlete = AthleteFactory()
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat)
        logged_week(athlete)
        ids.append(athlete.pk)
    return ids


def queries_of_a_chunk(athlete_ids) -> int:
    with CaptureQueriesContext(connection) as queries:
        outcome = summarise_chunk(athlete_ids, now=NOW)
    assert len(outcome.created_ids) == len(athlete_ids)
    return len(queries)


def test_a_chunk_of_50_athletes_costs_the_queries_of_a_chunk_of_5():
    few = queries_of_a_chunk(athletes_with_a_logged_week(5))
    many = queries_of_a_chunk(athletes_with_a_logged_week(50))

    # Activity, stored summaries, planned weeks (plans, sessions, their logs, benchmarks,
    # exercise names), logs, exercises, first plans, the INSERT, the ids read back.
    assert few == many <= 12


def test_one_failing_athlete_week_is_logged_and_the_rest_written(monkeypatch, caplog):
    broken, fine = AthleteFactory(), AthleteFactory()
    logged_week(broken)
    logged_week(fine)
    real = jobs.analyse

    def fail_for_broken(week):
        if week.planned[0].session_id in broken_sessions:
            raise RuntimeError("a rule crashed")
        return real(week)

    broken_sessions = {str(s.pk) for s in TrainingPlan.objects.get(athlete=broken).sessions.all()}
    monkeypatch.setattr(jobs, "analyse", fail_for_broken)

    with caplog.at_level(logging.ERROR, logger="insights.jobs"):
        outcome = summarise_chunk([broken.pk, fine.pk], now=NOW)

    # Skipped: each athlete's week before, whose late-log window holds the Monday's log.
    assert (len(outcome.created_ids), outcome.skipped, outcome.failed) == (1, 2, 1)
    assert AIWeeklySummary.objects.get().athlete == fine
    assert caplog.records[0].getMessage() == (
        f"No summary for athlete {broken.pk}, week of {LAST_MONDAY.isoformat()}"
    )


def test_a_summary_stored_meanwhile_by_another_run_stands(monkeypatch):
    raced, alone = AthleteFactory(), AthleteFactory()
    raced_plan = logged_week(raced)
    logged_week(alone)
    real = jobs.summary_of
    theirs = []

    def other_run_inserts_first(athlete, plan, week, analysis, *, texts):
        if athlete.pk == raced.pk:
            theirs.append(WeeklySummaryFactory(plan=raced_plan))
        return real(athlete, plan, week, analysis, texts=texts)

    monkeypatch.setattr(jobs, "summary_of", other_run_inserts_first)

    outcome = summarise_chunk([raced.pk, alone.pk], now=NOW)

    assert outcome.created_ids == [AIWeeklySummary.objects.get(athlete=alone).pk]
    assert AIWeeklySummary.objects.get(athlete=raced).pk == theirs[0].pk


def test_a_backfill_leaves_stored_weeks_and_counts_weeks_without_logs():
    athlete = AthleteFactory()
    WeeklySummaryFactory(plan=logged_week(athlete))
    logged_week(athlete, LAST_MONDAY - timedelta(weeks=1))

    outcome = summarise_chunk([athlete.pk], now=NOW, weeks=3)

    # Three weeks back: nothing logged (skipped); two back: written; last week: stored before.
    assert (len(outcome.created_ids), outcome.skipped, outcome.failed) == (1, 1, 0)
    assert AIWeeklySummary.objects.filter(athlete=athlete).count() == 2


def test_chunks_hand_out_only_athletes_with_a_week_to_try():
    waiting = [AthleteFactory() for _ in range(5)]
    for athlete in waiting:
        logged_week(athlete)
    done, idle = AthleteFactory(), AthleteFactory()
    WeeklySummaryFactory(plan=logged_week(done))

    ids = sorted(athlete.pk for athlete in waiting)
    assert list(chunks(NOW, size=2)) == [ids[0:2], ids[2:4], ids[4:]]
    # A backfill tries every athlete's weeks, whatever was written.
    everyone = sorted(a.pk for a in [*waiting, done, idle])
    assert [pk for chunk in chunks(NOW, size=3, weeks=2) for pk in chunk] == everyone


def test_a_chunk_with_nothing_to_do_reads_once():
    athlete = AthleteFactory()
    WeeklySummaryFactory(plan=logged_week(athlete))

    with CaptureQueriesContext(connection) as queries:
        outcome = summarise_chunk([athlete.pk], now=NOW)

    assert outcome == jobs.ChunkOutcome(created_ids=[], skipped=0, failed=0)
    assert len(queries) == 1


def test_an_unplanned_watch_activity_counts_in_the_stored_week_by_heart_rate():
    athlete = AthleteFactory()
    logged_week(athlete)  # Monday's planned run, RPE 6 × 47 min = 282 AU
    WorkoutLogFactory(
        session=None,
        athlete=athlete,
        rpe=None,
        completed_at=datetime.combine(
            LAST_MONDAY + timedelta(days=2), time(7), tzinfo=athlete.user.zoneinfo
        ),
        actual_data=endurance_actual(avgHeartRate=150, zoneMinutes=[0, 40, 20, 0, 0]),
    )

    summarise_chunk([athlete.pk], now=NOW)

    summary = AIWeeklySummary.objects.get(athlete=athlete, week_end_date=LAST_SUNDAY)
    # Wednesday: (40 × 2 + 20 × 3) TRIMP × 2 AU = 280.
    assert summary.total_volume["dailyLoad"]["done"][:3] == [282, 0, 280]
    assert "1 activity without an RPE by heart rate (Edwards' TRIMP" in summary.fatigue_analysis
    assert summary.total_volume["endurance"] == "94min"
