"""The coach's calendar of one athlete (insights/calendar.py, calendar_views.py): the month,
planned beside done with compliance, drafts marked, who may open it, and its query budget."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from insights.calendar import month_mondays
from logging_app.tests.factories import WorkoutLogFactory, endurance_actual
from training.models import PlanStatus
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db
AUGUST = date(2026, 8, 1)  # a Saturday: six weeks, 27 Jul – 6 Sep


@pytest.fixture
def athlete():
    return AthleteFactory(name="Alex Kim", user__time_zone="UTC")


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


def month_url(athlete, first=AUGUST):
    return reverse("training:calendar_month", args=[athlete.pk, first.year, first.month])


def noon(day):
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def test_a_month_is_four_to_six_monday_first_weeks():
    february = [date(2026, 1, 26) + timedelta(weeks=n) for n in range(5)]
    assert month_mondays(date(2026, 2, 1)) == february
    assert len(month_mondays(date(2027, 2, 1))) == 4  # 1 Feb 2027 is a Monday, 28 days
    assert len(month_mondays(AUGUST)) == 6
    assert all(monday.weekday() == 0 for monday in month_mondays(AUGUST))


def test_planned_and_done_side_by_side_with_their_colour(coach_client, athlete):
    plan = TrainingPlanFactory(
        athlete=athlete, week_start_date=date(2026, 8, 3), status=PlanStatus.COMPLETED
    )
    on_target = TrainingSessionFactory(plan=plan, date=date(2026, 8, 3), focus="Easy run")
    short = TrainingSessionFactory(plan=plan, date=date(2026, 8, 4), focus="Tempo run")
    TrainingSessionFactory(plan=plan, date=date(2026, 8, 5), focus="Hill run")  # missed
    WorkoutLogFactory(session=on_target, completed_at=noon(on_target.date))
    WorkoutLogFactory(
        session=short,
        completed_at=noon(short.date),
        actual_data=endurance_actual(duration={"value": 30, "unit": "minutes"}),
    )

    page = coach_client.get(month_url(athlete)).content.decode()

    assert "Planned 45 min" in page and "Done 47 min" in page
    assert "mark-green" in page and "On target (104 %)" in page
    assert "mark-yellow" in page and "Partly done (67 %)" in page
    assert "mark-red" in page and "Missed" in page


def test_the_future_is_neutral_and_drafts_are_marked(coach_client, athlete):
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday, published_at=None)
    TrainingSessionFactory(plan=plan, date=monday, focus="Next week's run")

    page = coach_client.get(month_url(athlete, monday.replace(day=1))).content.decode()

    assert "Next week&#x27;s run" in page
    assert "mark-neutral" in page and "○" in page
    assert "Draft — not visible to Alex Kim" in page


def test_a_log_without_a_shown_session_appears_as_unplanned(coach_client, athlete):
    WorkoutLogFactory(session=None, athlete=athlete, completed_at=noon(date(2026, 8, 12)))

    page = coach_client.get(month_url(athlete)).content.decode()

    assert "Unplanned" in page and "Done 47 min" in page


def test_strength_compliance_counts_repetitions(coach_client, athlete):
    squat = ExerciseFactory()
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=date(2026, 8, 10))
    session = TrainingSessionFactory(
        plan=plan,
        date=date(2026, 8, 10),
        type="strength",
        focus="Squats",
        prescription=strength_prescription(squat.pk, sets=5, reps=5),
    )
    sets = [{"weight": 100, "reps": 5}] * 3
    WorkoutLogFactory(
        session=session,
        completed_at=noon(session.date),
        actual_data={"exercises": [{"exerciseId": str(squat.pk), "sets": sets}]},
    )

    page = coach_client.get(month_url(athlete)).content.decode()

    assert "Planned 25 reps" in page and "Done 15 reps" in page and "Partly done (60 %)" in page


def test_the_current_month_opens_by_default_and_links_each_week_to_the_builder(
    coach_client, athlete
):
    today = timezone.localdate()
    page = coach_client.get(reverse("training:calendar", args=[athlete.pk])).content.decode()

    assert today.strftime("%B %Y") in page
    monday = today - timedelta(days=today.weekday())
    assert reverse("training:week", args=[athlete.pk, monday.isoformat()]) in page


@pytest.mark.parametrize(("year", "month"), [(2026, 13), (2026, 0), (1999, 5), (2101, 1)])
def test_a_month_out_of_range_is_a_404(coach_client, athlete, year, month):
    url = reverse("training:calendar_month", args=[athlete.pk, year, month])
    assert coach_client.get(url).status_code == 404


def test_another_coach_gets_a_404(client, athlete):
    client.force_login(CoachFactory().user)

    assert client.get(month_url(athlete)).status_code == 404
    assert client.get(reverse("training:calendar", args=[athlete.pk])).status_code == 404


def test_an_athlete_cannot_open_it_not_even_their_own(client, athlete):
    client.force_login(athlete.user)

    assert client.get(month_url(athlete)).status_code == 403


def test_the_htmx_answer_is_the_calendar_region(coach_client, athlete):
    response = coach_client.get(month_url(athlete), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content and b'id="calendar"' in response.content


def test_six_weeks_of_six_logged_sessions_stay_within_12_queries(
    client, athlete, django_assert_max_num_queries
):
    squat = ExerciseFactory()
    for monday in month_mondays(AUGUST):
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
        for day in range(6):
            strength = day % 2 == 0
            session = TrainingSessionFactory(
                plan=plan,
                date=monday + timedelta(days=day),
                type="strength" if strength else "endurance",
                **({"prescription": strength_prescription(squat.pk)} if strength else {}),
            )
            actual = (
                {"exercises": [{"exerciseId": str(squat.pk), "sets": [{"weight": 90, "reps": 5}]}]}
                if strength
                else endurance_actual()
            )
            WorkoutLogFactory(session=session, completed_at=noon(session.date), actual_data=actual)
    WorkoutLogFactory(session=None, athlete=athlete, completed_at=noon(date(2026, 8, 9)))
    client.force_login(athlete.coach.user)

    # Session, user, athlete; plans, sessions, logs, benchmarks; unplanned logs.
    with django_assert_max_num_queries(12):
        response = client.get(month_url(athlete))

    assert response.status_code == 200
    assert response.content.decode().count('class="cal-session') == 37
