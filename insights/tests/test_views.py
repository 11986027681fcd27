"""The weekly summary pages: the athlete's own, the coach's view, "Write it now", the roster."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from insights.models import DISCLAIMER, AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.selectors import monday_of
from training.tests.factories import (
    TrainingPlanFactory,
    TrainingSessionFactory,
    busy_roster,
)

pytestmark = pytest.mark.django_db

PATTERN = "4/5 planned sessions done; missed: endurance on Thursday."
SUGGESTION = "Repeat this week's loads next week."
REASONING = "Adherence was 80% (4 of 5 sessions); under 90% the week is repeated."
VOLUME = {
    "strength": "2500kg",
    "endurance": "95min",
    "byModality": {"run": {"minutes": 95.0, "distanceKm": 16.4}},
    "dailyLoad": {
        "planned": [300.0, 0.0, 270.0, 0.0, 270.0, 0.0, 0.0],
        "done": [320.0, 0.0, 282.0, 0.0, 0.0, 0.0, 0.0],
    },
}


@pytest.fixture(autouse=True)
def _narrator_off(settings):
    settings.LLM_BASE_URL = ""


@pytest.fixture
def this_monday():
    # Athletes and coaches are made in UTC (the default zone), as is the server.
    return monday_of(timezone.localdate())


@pytest.fixture
def last_monday(this_monday):
    return this_monday - timedelta(weeks=1)


@pytest.fixture
def coach():
    return CoachFactory()


@pytest.fixture
def athlete(coach):
    return AthleteFactory(coach=coach, name="Alex")


@pytest.fixture
def summary(athlete, last_monday):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=last_monday)
    return WeeklySummaryFactory(
        plan=plan,
        adherence_rate="0.800",
        total_volume=VOLUME,
        patterns=[PATTERN],
        suggestions=[{"suggestion": SUGGESTION, "reasoning": REASONING}],
        fatigue_analysis="Weekly load was 602 AU (session RPE × minutes) from 2 sessions.",
    )


def my_url(summary):
    return reverse("insights:my_summary", args=[summary.week_end_date.isoformat()])


def coach_url(summary):
    return reverse(
        "insights:athlete_summary", args=[summary.athlete_id, summary.week_end_date.isoformat()]
    )


def generate_url(athlete):
    return reverse("insights:generate", args=[athlete.pk])


def log_week(athlete, monday):
    """A plan for the week of `monday` with one session, logged at noon that day."""
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=monday)
    WorkoutLogFactory(session=session, completed_at=datetime.combine(monday, time(12), UTC))
    return plan


def assert_whole_summary(page: str):
    assert "80%" in page
    assert 'role="img"' in page
    assert "Mon: planned 300, done 320." in page
    assert "2,500 kg" in page and "run 95 min, 16.4 km" in page
    assert "Weekly load was 602 AU" in page
    assert PATTERN in page
    assert SUGGESTION.replace("'", "&#x27;") in page
    assert f"<strong>Why:</strong> {REASONING}" in page
    assert DISCLAIMER in page


# --- The athlete's own pages ----------------------------------------------------------------


def test_athlete_sees_their_summary(client, summary):
    client.force_login(summary.athlete.user)

    response = client.get(my_url(summary))

    assert response.status_code == 200
    page = response.content.decode()
    assert_whole_summary(page)
    assert reverse("training:roster") not in page  # the coach's breadcrumb is not theirs


def test_the_list_links_to_each_summary(client, summary):
    older = WeeklySummaryFactory(
        plan=TrainingPlanFactory(
            athlete=summary.athlete,
            week_start_date=summary.week_end_date - timedelta(days=13),
        )
    )
    WeeklySummaryFactory()  # another athlete's
    client.force_login(summary.athlete.user)

    response = client.get(reverse("insights:my_summaries"))

    assert response.status_code == 200
    assert list(response.context["summaries"]) == [summary, older]
    page = response.content.decode()
    assert f'href="{my_url(summary)}"' in page
    assert f'href="{my_url(older)}"' in page


def test_an_athlete_without_summaries_gets_an_empty_list(client, summary):
    client.force_login(AthleteFactory().user)
    response = client.get(reverse("insights:my_summaries"))
    assert response.status_code == 200
    assert my_url(summary) not in response.content.decode()
    assert "Your first summary appears" in response.content.decode()


def test_another_athlete_cannot_see_the_summary(client, summary):
    client.force_login(AthleteFactory(coach=summary.athlete.coach).user)
    # Their own URL for that week: they have no summary of it.
    assert client.get(my_url(summary)).status_code == 404
    # The coach's URL is not for athletes at all, not even for the owner.
    assert client.get(coach_url(summary)).status_code == 403
    client.force_login(summary.athlete.user)
    assert client.get(coach_url(summary)).status_code == 403


@pytest.mark.parametrize("week_end", ["2026-02-30", "last-sunday", "2026-13-01"])
def test_a_bad_date_is_a_404(client, summary, week_end):
    client.force_login(summary.athlete.user)
    # Typed URLs: reverse() itself refuses what is not shaped like a date.
    assert client.get(f"/today/summaries/{week_end}/").status_code == 404
    client.force_login(summary.athlete.coach.user)
    url = f"/coach/athletes/{summary.athlete_id}/summaries/{week_end}/"
    assert client.get(url).status_code == 404


def test_a_day_without_a_summary_is_a_404(client, summary):
    client.force_login(summary.athlete.user)
    day_before = summary.week_end_date - timedelta(days=1)
    url = reverse("insights:my_summary", args=[day_before.isoformat()])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, summary):
    for url in (my_url(summary), coach_url(summary), reverse("insights:my_summaries")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_summary_page_stays_in_budget(client, summary, django_assert_max_num_queries):
    client.force_login(summary.athlete.user)
    # Session, user, athlete profile, summary (plus savepoints, if any): well under 10.
    with django_assert_max_num_queries(10):
        response = client.get(my_url(summary))
    assert response.status_code == 200
    client.force_login(summary.athlete.coach.user)
    with django_assert_max_num_queries(10):
        response = client.get(coach_url(summary))
    assert response.status_code == 200


# --- The coach's view -------------------------------------------------------------------------


def test_coach_sees_their_athletes_summary(client, summary):
    client.force_login(summary.athlete.coach.user)

    response = client.get(coach_url(summary))

    assert response.status_code == 200
    page = response.content.decode()
    assert_whole_summary(page)
    assert "Alex" in page
    assert reverse("training:athlete", args=[summary.athlete_id]) in page


def test_another_coach_gets_a_404(client, summary):
    client.force_login(CoachFactory().user)
    assert client.get(coach_url(summary)).status_code == 404


def test_athlete_page_links_to_the_summaries(client, summary, last_monday):
    client.force_login(summary.athlete.coach.user)
    page = client.get(reverse("training:athlete", args=[summary.athlete_id])).content.decode()
    assert f'href="{coach_url(summary)}"' in page
    assert f'<option value="{last_monday.isoformat()}">' in page
    assert generate_url(summary.athlete) in page


# --- "Write it now" -----------------------------------------------------------------------------


def test_write_it_now_stores_an_ended_weeks_summary_and_shows_it(
    client, coach, athlete, last_monday
):
    plan = log_week(athlete, last_monday)
    client.force_login(coach.user)

    response = client.post(generate_url(athlete), {"week": last_monday.isoformat()})

    summary = AIWeeklySummary.objects.get(athlete=athlete)
    assert summary.plan == plan
    assert summary.week_end_date == last_monday + timedelta(days=6)
    assert response.status_code == 302
    assert response["Location"] == coach_url(summary)
    # Asking again shows the same summary rather than writing another.
    again = client.post(generate_url(athlete), {"week": last_monday.isoformat()})
    assert again["Location"] == coach_url(summary)
    assert AIWeeklySummary.objects.count() == 1


def test_write_it_now_queues_the_narration_of_a_new_summary_only(
    client, coach, athlete, last_monday, settings, monkeypatch
):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:9/v1", "test-model"
    queued = []
    monkeypatch.setattr("insights.tasks.narrate_summary.delay", queued.append)
    log_week(athlete, last_monday)
    client.force_login(coach.user)

    client.post(generate_url(athlete), {"week": last_monday.isoformat()})
    client.post(generate_url(athlete), {"week": last_monday.isoformat()})

    assert queued == [str(AIWeeklySummary.objects.get(athlete=athlete).pk)]


def test_write_it_now_refuses_the_current_week(client, coach, athlete, this_monday):
    log_week(athlete, this_monday)
    client.force_login(coach.user)

    response = client.post(generate_url(athlete), {"week": this_monday.isoformat()}, follow=True)

    assert response.redirect_chain == [(reverse("training:athlete", args=[athlete.pk]), 302)]
    assert "That week has not ended yet" in response.content.decode()
    assert not AIWeeklySummary.objects.exists()


def test_write_it_now_refuses_a_week_without_logs(client, coach, athlete, last_monday):
    TrainingPlanFactory(athlete=athlete, week_start_date=last_monday)
    client.force_login(coach.user)

    response = client.post(generate_url(athlete), {"week": last_monday.isoformat()}, follow=True)

    assert response.redirect_chain == [(reverse("training:athlete", args=[athlete.pk]), 302)]
    assert "Nothing was logged that week" in response.content.decode()
    assert not AIWeeklySummary.objects.exists()


@pytest.mark.parametrize("week", ["", "not-a-date", "tuesday"])
def test_write_it_now_needs_a_monday(client, coach, athlete, last_monday, week):
    log_week(athlete, last_monday)
    if week == "tuesday":
        week = (last_monday + timedelta(days=1)).isoformat()
    client.force_login(coach.user)

    response = client.post(generate_url(athlete), {"week": week})

    assert response.status_code == 302
    assert response["Location"] == reverse("training:athlete", args=[athlete.pk])
    assert not AIWeeklySummary.objects.exists()


def test_write_it_now_for_another_coachs_athlete_is_a_404(client, athlete, last_monday):
    log_week(athlete, last_monday)
    client.force_login(CoachFactory().user)

    response = client.post(generate_url(athlete), {"week": last_monday.isoformat()})

    assert response.status_code == 404
    assert not AIWeeklySummary.objects.exists()


def test_write_it_now_is_for_coaches_and_posts_only(client, coach, athlete, last_monday):
    log_week(athlete, last_monday)
    client.force_login(athlete.user)
    assert client.post(generate_url(athlete), {"week": last_monday.isoformat()}).status_code == 403
    client.force_login(coach.user)
    assert client.get(generate_url(athlete), {"week": last_monday.isoformat()}).status_code == 405
    assert not AIWeeklySummary.objects.exists()


# --- The roster ---------------------------------------------------------------------------------


def test_roster_shows_the_latest_summary(client, summary):
    older_plan = TrainingPlanFactory(
        athlete=summary.athlete, week_start_date=summary.week_end_date - timedelta(days=13)
    )
    older = WeeklySummaryFactory(plan=older_plan, adherence_rate="0.250")
    client.force_login(summary.athlete.coach.user)

    response = client.get(reverse("training:roster"))

    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row.summary["week_end_date"] == summary.week_end_date
    page = response.content.decode()
    week = f"{summary.week_end_date:%-d %b}"
    assert f'href="{coach_url(summary)}">w/e {week}</a>: 1 flag' in page  # kinds not kept
    assert coach_url(older) not in page
    assert PATTERN not in page  # listed on the summary page only


def test_roster_of_100_athletes_with_summaries_stays_in_budget_and_under_60_kb(
    client, coach, this_monday, last_monday, django_assert_max_num_queries
):
    for athlete in busy_roster(coach, this_monday, athletes=100):
        for weeks_back in (1, 2, 3):
            monday = this_monday - timedelta(weeks=weeks_back)
            WeeklySummaryFactory(plan=TrainingPlanFactory(athlete=athlete, week_start_date=monday))
    client.force_login(coach.user)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:roster"))

    rows = response.context["rows"]
    assert len(rows) == 100
    assert all(row.summary["week_end_date"] == last_monday + timedelta(days=6) for row in rows)
    assert response.content.decode().count(f"w/e {last_monday + timedelta(days=6):%-d %b}") == 100
    assert len(response.content) < 60 * 1024  # issue 12: a compact row per athlete


def test_write_it_now_names_a_number_the_analysis_cannot_use(client, coach, athlete, last_monday):
    log = log_week(athlete, last_monday).sessions.get().logs.get()
    # Written straight to the table, as a row stored before the schema had bounds.
    actual = {**log.actual_data, "distance": {"value": 1e308, "unit": "km"}}
    type(log).objects.filter(pk=log.pk).update(actual_data=actual)
    client.force_login(coach.user)

    response = client.post(generate_url(athlete), {"week": last_monday.isoformat()}, follow=True)

    assert response.redirect_chain == [(reverse("training:athlete", args=[athlete.pk]), 302)]
    assert "That week cannot be analysed" in response.content.decode()
    assert "actualData.distance.value is 1e+308" in response.content.decode()
    assert not AIWeeklySummary.objects.exists()
