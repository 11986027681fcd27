"""The coach's roster and athlete page: what each row says, and the query budget."""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace
from uuid import uuid4

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from insights.roster import ago
from logging_app.tests.factories import WorkoutLogFactory
from training.models import PlanStatus
from training.selectors import monday_of
from training.targets import missing_benchmarks, session_targets
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    busy_roster,
    endurance_prescription,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return CoachFactory()


@pytest.fixture
def today():
    return timezone.localdate()


def rows_by_name(client):
    response = client.get(reverse("training:roster"))
    assert response.status_code == 200
    return {row.name: row for row in response.context["rows"]}


def test_roster_shows_the_week_and_the_flags(client, coach, today):
    monday = monday_of(today)
    squat = ExerciseFactory(name="Back Squat")
    busy = AthleteFactory(coach=coach, name="Busy")
    plan = TrainingPlanFactory(athlete=busy, week_start_date=monday)
    done = TrainingSessionFactory(plan=plan, date=monday)
    TrainingSessionFactory(plan=plan, date=monday + timedelta(days=6))  # not due yet
    TrainingSessionFactory(
        plan=plan, date=monday, type="strength", prescription=strength_prescription(squat.pk)
    )  # due, not logged, and its 1RM is missing
    WorkoutLogFactory(session=done, athlete=busy, rpe=9, completed_at=timezone.now())
    TrainingPlanFactory(athlete=busy, week_start_date=monday + timedelta(days=7))
    idle = AthleteFactory(coach=coach, name="Idle")
    AthleteFactory(name="Someone else's")
    client.force_login(coach.user)

    rows = rows_by_name(client)

    assert set(rows) == {"Busy", "Idle"}
    busy_row, idle_row = rows["Busy"], rows["Idle"]
    assert (busy_row.planned, busy_row.done) == (3, 1)
    assert busy_row.last_log == "within the hour"
    flags = busy_row.flags
    assert "No plan next week" not in flags
    assert "Missing 1RM for Back Squat, heart-rate zone 1 and 2 upper bounds" in flags
    assert "RPE 9+ in 7 days" in flags
    missed = 1 if today > monday else 0
    assert ("1 missed" in flags) == bool(missed)
    assert busy_row.missed == missed
    assert idle_row.week is None and idle_row.flags == ["No plan next week"]
    assert idle.pk == idle_row.athlete_id


def test_roster_stays_in_budget_for_100_athletes(
    client, coach, today, django_assert_max_num_queries
):
    busy_roster(coach, monday_of(today), athletes=100)
    client.force_login(coach.user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:roster"))
    rows = response.context["rows"]
    assert len(rows) == 100
    assert all(row.done == 2 and row.planned == 5 for row in rows)
    assert not any(row.missing_benchmarks for row in rows)  # each has the squat's 1RM


def test_missing_benchmarks_are_each_athletes_own_and_count_next_week(client, coach, today):
    """The same prescriptions for two athletes, only one with the 1RM they need: the rule is
    worked out once per prescription and set of benchmarks, never shared across sets."""
    monday = monday_of(today)
    squat = ExerciseFactory(name="Back Squat")
    for name, has_1rm in (("Has", True), ("Lacks", False)):
        athlete = AthleteFactory(coach=coach, name=name)
        TrainingPlanFactory(athlete=athlete, week_start_date=monday)
        next_week = TrainingPlanFactory(athlete=athlete, week_start_date=monday + timedelta(7))
        TrainingSessionFactory(
            plan=next_week, type="strength", prescription=strength_prescription(squat.pk)
        )
        if has_1rm:
            BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat)
    client.force_login(coach.user)

    rows = rows_by_name(client)

    assert rows["Has"].missing_benchmarks == frozenset()
    assert rows["Lacks"].missing_benchmarks == {"1RM for Back Squat"}
    assert (rows["Lacks"].planned, rows["Lacks"].done) == (0, 0)  # next week is not counted


def test_missing_benchmarks_needs_only_which_benchmarks_exist():
    """The roster's read (targets.missing_benchmarks, no values) names what session_targets
    names with the athlete's real benchmarks."""
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


def test_the_last_log_reads_in_hours_then_days():
    now = timezone.now()
    assert ago(now - timedelta(minutes=59), now) == "within the hour"
    assert ago(now - timedelta(hours=23, minutes=59), now) == "23 h ago"
    assert ago(now - timedelta(days=3, hours=5), now) == "3 d ago"


def test_roster_row_is_compact(client, coach, today):
    """One table row per athlete: name linking to their page (which shows the e-mail), the
    week, the plan link; no e-mail on the roster."""
    athlete = AthleteFactory(coach=coach, name="Alex")
    client.force_login(coach.user)
    page = client.get(reverse("training:roster")).content.decode()
    assert page.count("<tbody>") == 1 and page.count("<tr>") == 2  # head and one athlete
    assert f'<a href="{reverse("training:athlete", args=[athlete.pk])}">Alex</a>' in page
    assert f'href="{reverse("training:next_week", args=[athlete.pk])}">Plan next week' in page
    assert athlete.user.email not in page


def test_athlete_page_shows_weeks_and_is_the_coachs_only(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Alex")
    monday = monday_of(today)
    plan = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday - timedelta(days=7), status=PlanStatus.COMPLETED
    )
    session = TrainingSessionFactory(plan=plan, date=plan.week_start_date)
    TrainingSessionFactory(plan=plan, date=plan.week_start_date + timedelta(days=1))
    WorkoutLogFactory(session=session, athlete=athlete)
    client.force_login(coach.user)
    page = client.get(reverse("training:athlete", args=[athlete.pk])).content.decode()
    assert "completed, version 1" in page
    assert "1 / 2" in page
    assert reverse("training:athlete_benchmarks", args=[athlete.pk]) in page
    client.force_login(CoachFactory().user)
    assert client.get(reverse("training:athlete", args=[athlete.pk])).status_code == 404


def test_the_athlete_page_has_a_breadcrumb(client):
    athlete = AthleteFactory(name="Alex Kim")
    client.force_login(athlete.coach.user)
    page = client.get(reverse("training:athlete", args=[athlete.pk])).content.decode()
    roster = reverse("training:roster")
    assert f'<nav aria-label="breadcrumb"><ul><li><a href="{roster}">Athletes</a></li>' in page
    assert '<li aria-current="page">Alex Kim</li>' in page
