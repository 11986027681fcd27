"""An athlete opens last week's summary on a phone and sees the chart and the suggestions."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from insights.services import generate_summary
from logging_app.tests.factories import WorkoutLogFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory


@pytest.mark.django_db(transaction=True)
def test_athlete_reads_last_weeks_summary(live_server, browser: Browser):
    athlete = AthleteFactory(user__email="sam@example.com", user__time_zone="UTC")
    last_monday = monday_of(timezone.localdate()) - timedelta(weeks=1)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=last_monday, status="completed")
    sessions = [
        TrainingSessionFactory(plan=plan, date=last_monday + timedelta(days=day))
        for day in (0, 1, 3, 5)
    ]
    # One of four done: adherence 25 %, which the analysis answers with a suggestion.
    WorkoutLogFactory(
        session=sessions[0],
        athlete=athlete,
        rpe=6,
        completed_at=datetime.combine(last_monday, time(18), tzinfo=timezone.UTC),
    )
    summary, _ = generate_summary(athlete=athlete, week_start=last_monday)
    assert summary.suggestions

    phone = browser.new_context(viewport={"width": 375, "height": 812})
    page = phone.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Weekly summaries").click()
    page.get_by_role("link", name=f"Week ending {summary.week_end_date:%a %-d %b %Y}").click()

    expect(page.get_by_role("heading", name="Load by day")).to_be_visible()
    expect(page.get_by_role("img", name="Session load by day, planned and done")).to_be_visible()
    expect(page.get_by_text("25%", exact=True)).to_be_visible()
    first = summary.suggestions[0]
    expect(page.get_by_role("heading", name=first["suggestion"])).to_be_visible()
    expect(page.get_by_text(first["reasoning"])).to_be_visible()
    expect(page.get_by_text("not medical advice")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    phone.close()
