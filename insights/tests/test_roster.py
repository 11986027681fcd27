"""The coach's roster (completion over 7, 30 and 90 days, summary flags, sorting) and athlete
page: what each row says, and the query budget."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from insights.roster import ago
from insights.roster_lines import HIGH_SESSION_RPE
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory, endurance_actual
from training.models import PlanStatus, TrainingPlan
from training.selectors import monday_of
from training.tests.factories import (
    TrainingPlanFactory,
    TrainingSessionFactory,
    busy_roster,
    endurance_prescription,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return CoachFactory()


@pytest.fixture
def today():
    return timezone.localdate()


def rows_by_name(client, **query):
    response = client.get(reverse("training:roster"), query)
    assert response.status_code == 200
    return {row.name: row for row in response.context["rows"]}


def session_on(athlete, day, *, minutes=60, done_minutes=None, published=True):
    """An endurance session of `minutes` on `day` in its week's plan (made if missing), logged
    for `done_minutes` when given."""
    monday = monday_of(day)
    plan = TrainingPlan.objects.filter(athlete=athlete, week_start_date=monday).first()
    if plan is None:
        plan = TrainingPlanFactory(
            athlete=athlete,
            week_start_date=monday,
            published_at=timezone.now() if published else None,
        )
    duration = {"value": minutes, "unit": "minutes"}
    session = TrainingSessionFactory(
        plan=plan, date=day, prescription=endurance_prescription(duration=duration)
    )
    if done_minutes is not None:
        actual = endurance_actual(duration={"value": done_minutes, "unit": "minutes"})
        WorkoutLogFactory(session=session, athlete=athlete, actual_data=actual, rpe=6)
    return session


def html_of(client, **query) -> str:
    response = client.get(reverse("training:roster"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_completion_over_7_30_and_90_days_counts_sessions_and_time(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Alex")
    session_on(athlete, today - timedelta(days=1), minutes=60, done_minutes=45)
    session_on(athlete, today - timedelta(days=6), minutes=40)  # missed, inside 7 days
    session_on(athlete, today - timedelta(days=7), minutes=50, done_minutes=50)  # 8th day back
    session_on(athlete, today - timedelta(days=89), minutes=30, done_minutes=30)
    session_on(athlete, today - timedelta(days=90), minutes=30)  # outside 90 days
    session_on(athlete, today, minutes=30)  # today, not logged yet: not due
    session_on(athlete, today - timedelta(days=2), minutes=30, published=True)
    client.force_login(coach.user)

    [row] = rows_by_name(client).values()

    # 7 days: 60 (45 done), 40 (missed), 30 (missed); 30 days adds the 50 done.
    assert row.figures["windows"]["7"] == [3, 1, 130, 45]
    assert row.figures["windows"]["30"] == [4, 2, 180, 95]
    assert row.figures["windows"]["90"] == [5, 3, 210, 125]
    page = html_of(client)
    assert "<td>1/3 · 35%</td><td>2/4 · 53%</td><td>3/5 · 60%</td>" in page
    assert "2 missed in 7 days" in row.flags(timezone.now())


def test_a_session_done_today_counts_and_drafts_never_do(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Alex")
    session_on(athlete, today, minutes=30, done_minutes=30)
    draft_day = today + timedelta(days=7)
    TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(draft_day), published_at=None)
    client.force_login(coach.user)
    [row] = rows_by_name(client).values()
    assert row.figures["windows"]["7"] == [1, 1, 30, 30]
    assert "Next week not published" in row.flags(timezone.now())

    other = AthleteFactory(coach=coach, name="Blake")
    session_on(other, today - timedelta(days=1), minutes=30, done_minutes=30, published=False)
    assert rows_by_name(client)["Blake"].figures["windows"]["7"] == [0, 0, 0, 0]
    assert "<td>—</td>" in html_of(client)


def test_a_drop_of_20_points_in_30_day_completion_is_flagged(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Dropping")
    for days_back in (35, 40, 45, 50):  # the 30 days before: 4 of 4 done
        session_on(athlete, today - timedelta(days=days_back), done_minutes=60)
    for days_back, done in ((3, 60), (10, None), (20, 60), (25, None)):  # now: 2 of 4
        session_on(athlete, today - timedelta(days=days_back), done_minutes=done)
    steady = AthleteFactory(coach=coach, name="Steady")
    for days_back in (5, 40):
        session_on(steady, today - timedelta(days=days_back), done_minutes=60)
    client.force_login(coach.user)

    rows = rows_by_name(client)

    assert rows["Dropping"].drop == 50
    assert "30-day completion down 50 points" in rows["Dropping"].flags(timezone.now())
    assert rows["Steady"].drop is None


def test_flags_name_the_hard_session_the_missing_plan_and_the_last_log(client, coach, today):
    busy = AthleteFactory(coach=coach, name="Busy")
    session = session_on(busy, today - timedelta(days=1), done_minutes=60)
    session.logs.update(rpe=9)
    TrainingPlanFactory(athlete=busy, week_start_date=monday_of(today) + timedelta(days=7))
    AthleteFactory(coach=coach, name="Idle")
    AthleteFactory(name="Someone else's")
    client.force_login(coach.user)

    rows = rows_by_name(client)

    assert set(rows) == {"Busy", "Idle"}
    now = timezone.now()
    assert rows["Busy"].flags(now) == [f"RPE {HIGH_SESSION_RPE}+ in 7 days"]
    assert rows["Idle"].flags(now) == ["No plan next week"]
    page = html_of(client)
    assert "<td>within the hour</td>" in page and "<td>none</td>" in page


def test_roster_stays_in_budget_for_100_athletes_whether_its_lines_are_fresh_or_not(
    client, coach, today, django_assert_max_num_queries
):
    busy_roster(coach, monday_of(today), athletes=100)
    client.force_login(coach.user)
    with django_assert_max_num_queries(10):  # every line computed and stored
        first = client.get(reverse("training:roster"))
    with django_assert_max_num_queries(5):  # every line read as kept
        second = client.get(reverse("training:roster"))
    assert first.context["table_rows"] == second.context["table_rows"]
    rows = second.context["rows"]
    assert len(rows) == 100
    # busy_roster: sessions Monday to Friday, the first two logged; due = before today, or
    # today's if logged.
    weekday = today.weekday()
    due = sum(1 for day in range(5) if day < weekday or (day == weekday and day < 2))
    done = sum(1 for day in range(2) if day <= weekday)
    assert all(row.figures["windows"]["7"][:2] == [due, done] for row in rows)


def test_the_table_sorts_by_any_heading_and_says_which(client, coach, today):
    for name, done in (("Ann", 60), ("Bob", None), ("Cyd", 30)):
        athlete = AthleteFactory(coach=coach, name=name)
        session_on(athlete, today - timedelta(days=2), minutes=60, done_minutes=done)
    client.force_login(coach.user)

    def order(sort):
        rows = client.get(reverse("training:roster"), {"sort": sort}).context["rows"]
        return [row.name for row in rows]

    assert order("name") == ["Ann", "Bob", "Cyd"]
    assert order("7") == ["Bob", "Ann", "Cyd"]  # lowest completion first; Ann and Cyd 1/1
    assert order("-name") == ["Cyd", "Bob", "Ann"]
    assert order("nonsense") == ["Ann", "Bob", "Cyd"]
    page = html_of(client, sort="7")
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-7">7 days</a></th>' in page
    assert '<a href="?sort=30">30 days</a>' in page


def test_the_latest_summary_is_labelled_by_week_and_severity(client, coach, today):
    athlete = AthleteFactory(coach=coach, name="Alex")
    monday = monday_of(today) - timedelta(days=7)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    summary = WeeklySummaryFactory(
        plan=plan,
        patterns=["Load up 40%", "RPE above plan", "Knee pain noted"],
        pattern_kinds=["fatigue", "fatigue", "safety"],
    )
    legacy = AthleteFactory(coach=coach, name="Blake")
    WeeklySummaryFactory(
        plan=TrainingPlanFactory(athlete=legacy, week_start_date=monday), pattern_kinds=[]
    )
    client.force_login(coach.user)

    page = html_of(client)

    url = reverse("insights:athlete_summary", args=[athlete.pk, summary.week_end_date])
    week = f"{summary.week_end_date:%-d %b}"
    assert f'<a href="{url}">w/e {week}</a>: 1 safety, 2 fatigue' in page
    assert f"w/e {week}</a>: 1 flag<" in page  # written before kinds were kept
    assert "Knee pain noted" not in page  # the texts are on the summary's page
    assert [row.name for row in rows_by_name(client, sort="summary").values()] == ["Alex", "Blake"]


def test_the_last_log_reads_in_hours_then_days():
    now = timezone.now()
    assert ago(now - timedelta(minutes=59), now) == "within the hour"
    assert ago(now - timedelta(hours=23, minutes=59), now) == "23 h ago"
    assert ago(now - timedelta(days=3, hours=5), now) == "3 d ago"


def test_roster_row_is_compact_and_escapes_names(client, coach, today):
    """One table row per athlete: name linking to their page (which shows the e-mail), the
    figures, the plan link; no e-mail on the roster, and a name is text, never markup."""
    athlete = AthleteFactory(coach=coach, name="<b>Alex</b> & co")
    client.force_login(coach.user)
    page = html_of(client)
    assert page.count("<tbody>") == 1 and page.count("<tr>") == 2  # head and one athlete
    link = reverse("training:athlete", args=[athlete.pk])
    assert f'<a href="{link}">&lt;b&gt;Alex&lt;/b&gt; &amp; co</a>' in page
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
