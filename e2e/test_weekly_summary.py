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


def last_weeks_summary():
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
    return summary


def sign_in(page, base_url):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.django_db(transaction=True)
def test_athlete_reads_last_weeks_summary(live_server, browser: Browser):
    summary = last_weeks_summary()
    assert summary.suggestions

    phone = browser.new_context(viewport={"width": 375, "height": 812})
    page = phone.new_page()
    sign_in(page, live_server.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Summaries").click()
    page.get_by_role("link", name=f"Week ending {summary.week_end_date:%a %-d %b %Y}").click()

    expect(page.get_by_role("heading", name="Load by day")).to_be_visible()
    expect(page.get_by_role("img", name="Session load by day, planned and done")).to_be_visible()
    expect(page.get_by_text("25%", exact=True)).to_be_visible()
    first = summary.suggestions[0]
    expect(page.get_by_role("heading", name=first["suggestion"])).to_be_visible()
    expect(page.get_by_text(first["reasoning"])).to_be_visible()
    expect(page.get_by_text("not medical advice")).to_be_visible()
    # The chart's numbers, as a table too, in AU with thousands separators.
    page.get_by_text("The numbers").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("row", name="Mon")).to_contain_text(
        f"{summary.total_volume['dailyLoad']['done'][0]:,.0f}"
    )
    expect(page.locator(".load-chart .chart-tick").first).to_have_text("0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    phone.close()


# WCAG 2.1 relative luminance and contrast ratio of two "rgb(r, g, b)" colours.
CONTRAST = """([a, b]) => {
  const lum = (c) => {
    const [r, g, b_] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b_;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_bars_stand_out_from_the_page(live_server, browser: Browser, scheme):
    summary = last_weeks_summary()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/today/summaries/{summary.week_end_date:%Y-%m-%d}/")

    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background.startswith("rgb(")  # opaque: the page colour itself
    for bar in (".bar-planned", ".bar-done"):
        fill = page.locator(f".load-chart {bar}").first.evaluate("e => getComputedStyle(e).fill")
        ratio = page.evaluate(CONTRAST, [fill, background])
        assert ratio >= 3, f"{scheme} {bar}: {fill} on {background} is {ratio:.2f}:1"
    context.close()
