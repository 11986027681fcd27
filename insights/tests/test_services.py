"""Weekly summaries on the database side: when a week has ended, what is gathered and stored.

Every date is explicit: a January week (no daylight-saving change in either Auckland or Los
Angeles), and `now` passed to the services, so nothing depends on when the tests run.
"""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from accounts.tests.factories import AthleteFactory
from insights.models import DISCLAIMER, AIWeeklySummary
from insights.services import (
    NothingLogged,
    WeekNotOver,
    complete_ended_plans,
    gather_week,
    generate_summary,
    week_has_ended,
)
from logging_app.tests.factories import WorkoutLogFactory, endurance_actual
from training.models import PlanStatus, TrainingPlan
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _narrator_off(settings):
    # The engine's own words, whatever a developer's .env configures.
    settings.LLM_BASE_URL = ""


MONDAY = date(2026, 1, 12)
SUNDAY = date(2026, 1, 18)
NEXT_MONDAY = date(2026, 1, 19)
# The week ends at 2026-01-18 11:00 UTC in Auckland (UTC+13) and at 2026-01-19 08:00 UTC in
# Los Angeles (UTC−8): at noon UTC on the Sunday, only the first has ended.
SUNDAY_NOON_UTC = datetime(2026, 1, 18, 12, 0, tzinfo=UTC)
TUESDAY_AFTER = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)


def athlete_in(zone: str):
    return AthleteFactory(user__time_zone=zone)


def local(athlete, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=athlete.user.zoneinfo)


def squat_log_data(exercise, *, weight=100, reps=5, sets=5):
    entry = {"weight": weight, "reps": reps, "rpe": 8}
    return {"exercises": [{"exerciseId": str(exercise.pk), "sets": [entry] * sets}]}


@pytest.fixture
def logged_week():
    """A plan of three sessions (strength Monday, runs Wednesday and Saturday); two logged."""
    athlete = athlete_in("Europe/Paris")
    squat = ExerciseFactory(name="Back Squat")
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    strength = TrainingSessionFactory(
        plan=plan,
        date=MONDAY,
        type="strength",
        focus="Squat",
        estimated_duration=60,
        prescription=strength_prescription(squat.pk),
    )
    run = TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=2))
    TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=5))  # never logged
    WorkoutLogFactory(
        session=strength,
        completed_at=local(athlete, MONDAY, 18),
        actual_data=squat_log_data(squat),
        rpe=8,
    )
    WorkoutLogFactory(
        session=run,
        completed_at=local(athlete, MONDAY + timedelta(days=2), 7),
        actual_data=endurance_actual(duration={"value": 47, "unit": "minutes"}),
        rpe=6,
    )
    return athlete, plan


# --- When a week has ended ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "ended"),
    [("Pacific/Auckland", True), ("America/Los_Angeles", False), ("UTC", False)],
)
def test_week_ends_at_midnight_after_sunday_in_the_athletes_zone(zone, ended):
    assert week_has_ended(athlete_in(zone), MONDAY, now=SUNDAY_NOON_UTC) is ended


@pytest.mark.parametrize(
    ("zone", "midnight_utc"),
    [
        ("Pacific/Auckland", datetime(2026, 1, 18, 11, 0, tzinfo=UTC)),
        ("America/Los_Angeles", datetime(2026, 1, 19, 8, 0, tzinfo=UTC)),
    ],
)
def test_week_ends_exactly_at_local_midnight(zone, midnight_utc):
    athlete = athlete_in(zone)
    assert not week_has_ended(athlete, MONDAY, now=midnight_utc - timedelta(seconds=1))
    assert week_has_ended(athlete, MONDAY, now=midnight_utc)


# --- Refusals -----------------------------------------------------------------------------


def test_a_week_not_over_is_refused_and_nothing_stored():
    athlete = athlete_in("America/Los_Angeles")
    session = TrainingSessionFactory(plan__athlete=athlete, plan__week_start_date=MONDAY)
    WorkoutLogFactory(session=session, completed_at=local(athlete, MONDAY, 9))

    with pytest.raises(WeekNotOver):
        generate_summary(athlete=athlete, week_start=MONDAY, now=SUNDAY_NOON_UTC)

    assert not AIWeeklySummary.objects.exists()


def test_a_week_without_logs_is_refused_and_nothing_stored():
    athlete = athlete_in("Europe/Paris")
    TrainingSessionFactory(plan__athlete=athlete, plan__week_start_date=MONDAY)
    # A log of the week before is history, not this week's training.
    earlier = TrainingSessionFactory(
        plan__athlete=athlete, plan__week_start_date=MONDAY - timedelta(weeks=1)
    )
    WorkoutLogFactory(session=earlier, completed_at=local(athlete, MONDAY - timedelta(days=3), 9))

    with pytest.raises(NothingLogged):
        generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)

    assert not AIWeeklySummary.objects.exists()


def test_another_athletes_logs_never_count():
    athlete = athlete_in("Europe/Paris")
    TrainingSessionFactory(plan__athlete=athlete, plan__week_start_date=MONDAY)
    other = TrainingSessionFactory(plan__week_start_date=MONDAY)  # another athlete's plan
    WorkoutLogFactory(session=other, completed_at=local(athlete, MONDAY, 9))

    with pytest.raises(NothingLogged):
        generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)

    assert not AIWeeklySummary.objects.exists()


# --- What is stored -------------------------------------------------------------------------


def test_an_ended_week_with_logs_stores_one_complete_summary(logged_week):
    athlete, plan = logged_week
    # Another athlete's heavy week in the same days must not leak into this one.
    stranger = TrainingSessionFactory(plan__week_start_date=MONDAY, estimated_duration=300)
    WorkoutLogFactory(session=stranger, completed_at=local(athlete, MONDAY, 10), rpe=10)

    summary, created = generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)

    assert created is True
    summary.refresh_from_db()
    summary.full_clean()
    assert AIWeeklySummary.objects.filter(athlete=athlete).count() == 1
    assert summary.plan == plan
    assert summary.week_end_date == SUNDAY
    assert summary.adherence_rate == Decimal("0.667")  # 2 of 3 planned sessions logged
    volume = summary.total_volume
    assert volume["strength"] == "2500kg"  # 5 sets × 5 reps × 100 kg
    assert volume["endurance"] == "47min"
    assert volume["byModality"] == {"run": {"minutes": 47.0, "distanceKm": 8.2}}
    planned, done = volume["dailyLoad"]["planned"], volume["dailyLoad"]["done"]
    assert len(planned) == len(done) == 7
    # Session RPE × minutes: the squat session's 60 planned minutes at 8, the run's 47 at 6.
    assert done == [480.0, 0.0, 282.0, 0.0, 0.0, 0.0, 0.0]
    assert planned[0] > 0 and planned[2] > 0 and planned[5] > 0
    assert planned[1] == planned[3] == planned[4] == planned[6] == 0
    assert "2/3 planned sessions done" in summary.patterns[0]
    assert "Saturday" in summary.patterns[0]
    assert summary.suggestions
    assert all(item["suggestion"] and item["reasoning"] for item in summary.suggestions)
    assert "67%" in summary.suggestions[0]["reasoning"]
    assert "Weekly load was 762 AU" in summary.fatigue_analysis
    assert summary.disclaimer == DISCLAIMER
    assert summary.generated_at is not None


def test_generating_twice_returns_the_stored_summary(logged_week):
    athlete, _ = logged_week
    first, created = generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)
    again, created_again = generate_summary(
        athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER + timedelta(days=1)
    )

    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.generated_at == first.generated_at
    assert AIWeeklySummary.objects.count() == 1


def test_the_summary_is_stored_in_the_engines_words_even_with_a_narrator(
    logged_week, settings, monkeypatch
):
    # The narrator is slow and outside: it rephrases a stored summary later, as a task.
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:9/v1", "test-model"
    monkeypatch.setattr("insights.narrator.narrate", lambda findings: pytest.fail("asked"))
    athlete, _ = logged_week

    summary, created = generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)

    assert created
    assert summary.generated_at <= summary.created_at  # not narrated (tasks.is_narrated)


def test_a_completed_plan_is_the_weeks_plan_and_an_archived_one_is_not():
    athlete = athlete_in("UTC")
    TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status=PlanStatus.ARCHIVED)
    completed = TrainingPlanFactory(
        athlete=athlete, week_start_date=MONDAY, status=PlanStatus.COMPLETED
    )
    session = TrainingSessionFactory(plan=completed, date=MONDAY)
    WorkoutLogFactory(session=session, completed_at=local(athlete, MONDAY, 9))

    summary, _ = generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)

    assert summary.plan == completed
    assert summary.adherence_rate == Decimal("1.000")


# --- Which week a log belongs to ----------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "completed_at", "week_start", "local_day"),
    [
        # Sunday 23:30 in Los Angeles is Monday 07:30 UTC: still the Sunday's week.
        (
            "America/Los_Angeles",
            datetime(2026, 1, 19, 7, 30, tzinfo=UTC),
            MONDAY,
            SUNDAY,
        ),
        # Monday 00:30 in Auckland is Sunday 11:30 UTC: already the next week.
        (
            "Pacific/Auckland",
            datetime(2026, 1, 18, 11, 30, tzinfo=UTC),
            NEXT_MONDAY,
            NEXT_MONDAY,
        ),
    ],
)
def test_a_log_belongs_to_the_week_of_its_local_date(zone, completed_at, week_start, local_day):
    athlete = athlete_in(zone)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=week_start)
    session = TrainingSessionFactory(plan=plan, date=local_day)
    WorkoutLogFactory(session=session, completed_at=completed_at)
    other_week = NEXT_MONDAY if week_start == MONDAY else MONDAY

    week, found_plan = gather_week(athlete, week_start)
    elsewhere, _ = gather_week(athlete, other_week)

    assert found_plan == plan
    assert [log.completed_on for log in week.logs] == [local_day]
    assert [log.session_id for log in week.logs] == [str(session.pk)]
    assert elsewhere.logs == []
    # The week after sees it as history; the week before does not see it at all.
    assert len(elsewhere.history) == (1 if other_week > week_start else 0)


def test_gathering_reads_only_the_athletes_own_logs(logged_week):
    athlete, _ = logged_week
    stranger = TrainingSessionFactory(plan__week_start_date=MONDAY)
    WorkoutLogFactory(session=stranger, completed_at=local(athlete, MONDAY, 12))

    week, _ = gather_week(athlete, MONDAY)

    assert len(week.logs) == 2
    assert {log.session_id for log in week.logs} <= {s.session_id for s in week.planned}
    assert len(week.planned) == 3


def test_a_late_log_of_a_sunday_session_counts_for_its_weeks_adherence():
    athlete = athlete_in("Europe/Paris")
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    saturday = TrainingSessionFactory(plan=plan, date=SUNDAY - timedelta(days=1))
    sunday = TrainingSessionFactory(plan=plan, date=SUNDAY)
    WorkoutLogFactory(
        session=saturday, completed_at=local(athlete, SUNDAY - timedelta(days=1), 9), rpe=5
    )
    # Logged the next morning, as record_workout allows (within 7 days of the session).
    WorkoutLogFactory(session=sunday, completed_at=local(athlete, NEXT_MONDAY, 8), rpe=5)

    summary, _ = generate_summary(athlete=athlete, week_start=MONDAY, now=TUESDAY_AFTER)
    next_week, _ = gather_week(athlete, NEXT_MONDAY)

    assert summary.adherence_rate == Decimal("1.000")
    # Its load belongs to the day it was done: the next week's Monday, not this week's Sunday.
    assert summary.total_volume["dailyLoad"]["done"] == [0.0] * 5 + [235.0, 0.0]
    assert [log.session_id for log in next_week.logs] == [str(sunday.pk)]


# --- Completing ended plans -----------------------------------------------------------------


def test_complete_ended_plans_uses_each_athletes_zone():
    auckland, los_angeles = athlete_in("Pacific/Auckland"), athlete_in("America/Los_Angeles")
    ended = TrainingPlanFactory(athlete=auckland, week_start_date=MONDAY)
    not_yet = TrainingPlanFactory(athlete=los_angeles, week_start_date=MONDAY)
    current = TrainingPlanFactory(athlete=auckland, week_start_date=NEXT_MONDAY)
    archived = TrainingPlanFactory(
        athlete=auckland, week_start_date=MONDAY - timedelta(weeks=1), status=PlanStatus.ARCHIVED
    )

    assert complete_ended_plans(SUNDAY_NOON_UTC) == 1

    statuses = dict(TrainingPlan.objects.values_list("pk", "status"))
    assert statuses == {
        ended.pk: PlanStatus.COMPLETED,
        not_yet.pk: PlanStatus.ACTIVE,
        current.pk: PlanStatus.ACTIVE,
        archived.pk: PlanStatus.ARCHIVED,
    }
    # Once Los Angeles reaches Monday too, its plan follows; nothing else changes.
    assert complete_ended_plans(datetime(2026, 1, 19, 8, 0, tzinfo=UTC)) == 1
    assert TrainingPlan.objects.get(pk=not_yet.pk).status == PlanStatus.COMPLETED
    assert TrainingPlan.objects.get(pk=current.pk).status == PlanStatus.ACTIVE
    assert TrainingPlan.objects.get(pk=archived.pk).status == PlanStatus.ARCHIVED
