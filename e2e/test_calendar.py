"""The coach's calendar in Chromium at 1280 px and 375 px: a session dragged to another day of
its week moves there (and a drop on another week is refused by the page itself); the keyboard's
"Move to…" picker does the same; the grid has no sideways scroll; a draft week reaches the
athlete's phone only once the coach publishes it. Screenshots of both widths go
to E2E_SCREENSHOTS (default: the system's temporary directory)."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

WIDTHS = {
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", tempfile.gettempdir()))


@pytest.fixture
def next_week():
    """A published plan next week: a run on Monday, a tempo run on Wednesday."""
    athlete = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    monday = monday_of(timezone.localdate()) + timedelta(weeks=1)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    run = TrainingSessionFactory(plan=plan, date=monday, focus="Easy run")
    tempo = TrainingSessionFactory(
        plan=plan, date=monday + timedelta(days=2), focus="Tempo run", estimated_duration=50
    )
    return athlete, monday, run, tempo


def open_calendar(page: Page, base_url: str, athlete, monday):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill("coach@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base_url}/coach/athletes/{athlete.pk}/calendar/{monday.year}/{monday.month}/")
    expect(page.locator("#calendar")).to_be_visible()


def day_cell(page: Page, day):
    return page.locator(f'li.calendar-day[data-date="{day.isoformat()}"]')


def no_sideways_scroll(page: Page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def move_with_the_keyboard(page: Page, session, day_label: str):
    """Tab to the session's "Move to…", open it, choose the day with the arrow keys, submit."""
    summary = page.locator(f"#cal-{session.pk} summary")
    summary.focus()
    page.keyboard.press("Enter")
    select = page.locator(f"#move-{session.pk}")
    page.keyboard.press("Tab")
    expect(select).to_be_focused()
    for _ in range(7):
        if select.evaluate("s => s.options[s.selectedIndex].text") == day_label:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True)
def test_drag_a_session_to_another_day_at_1280(browser: Browser, live_server, next_week):
    athlete, monday, run, tempo = next_week
    context = browser.new_context(**WIDTHS["desktop"])
    page = context.new_page()
    open_calendar(page, live_server.url, athlete, monday)
    no_sideways_scroll(page)
    page.screenshot(path=SHOTS / "calendar-1280.png", full_page=True)

    # Onto Thursday of the same week: it moves, the server saves it, the grid is redrawn.
    thursday = monday + timedelta(days=3)
    page.locator(f"#cal-{run.pk}").drag_to(day_cell(page, thursday))
    expect(day_cell(page, thursday).locator(f"#cal-{run.pk}")).to_be_visible()
    expect(page.get_by_text("Easy run moved to Thursday")).to_be_visible()
    run.refresh_from_db()
    assert run.date == thursday

    # Onto another week: the page does not accept the drop; nothing is posted or moved.
    page.locator(f"#cal-{run.pk}").drag_to(day_cell(page, monday + timedelta(days=8)))
    expect(day_cell(page, thursday).locator(f"#cal-{run.pk}")).to_be_visible()
    run.refresh_from_db()
    assert run.date == thursday

    # The keyboard does the same as a drag.
    move_with_the_keyboard(page, tempo, (monday + timedelta(days=4)).strftime("%a %-d %b"))
    friday = monday + timedelta(days=4)
    expect(day_cell(page, friday).locator(f"#cal-{tempo.pk}")).to_be_visible()
    expect(page.locator(f"#cal-{tempo.pk} summary")).to_be_focused()  # where the keys left it
    tempo.refresh_from_db()
    assert tempo.date == friday
    context.close()


@pytest.mark.django_db(transaction=True)
def test_the_day_list_and_move_to_at_375(browser: Browser, live_server, next_week):
    athlete, monday, run, _ = next_week
    context = browser.new_context(**WIDTHS["phone"])
    page = context.new_page()
    open_calendar(page, live_server.url, athlete, monday)
    no_sideways_scroll(page)
    page.screenshot(path=SHOTS / "calendar-375.png", full_page=True)
    # A list of days: each day as wide as the page, one under the other.
    first, second = day_cell(page, monday), day_cell(page, monday + timedelta(days=1))
    assert first.bounding_box()["width"] > 300
    assert second.bounding_box()["y"] > first.bounding_box()["y"]
    summary = page.locator(f"#cal-{run.pk} summary")
    assert summary.bounding_box()["height"] >= 44

    sunday = monday + timedelta(days=6)
    move_with_the_keyboard(page, run, sunday.strftime("%a %-d %b"))
    expect(day_cell(page, sunday).locator(f"#cal-{run.pk}")).to_be_visible()
    run.refresh_from_db()
    assert run.date == sunday
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_draft_reaches_the_athlete_when_the_coach_publishes_it(browser: Browser, live_server):
    athlete = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today), published_at=None)
    TrainingSessionFactory(plan=plan, date=today, focus="Drafted run")

    phone = browser.new_context(**WIDTHS["phone"]).new_page()
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.get_by_label("Email").fill(athlete.user.email)
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    phone.goto(f"{live_server.url}/today/")
    expect(phone.get_by_text("Drafted run")).to_have_count(0)

    coach = browser.new_context(**WIDTHS["desktop"]).new_page()
    open_calendar(coach, live_server.url, athlete, plan.week_start_date)
    expect(coach.get_by_text("Draft — not visible to Alex Kim")).to_be_visible()
    coach.get_by_role("link", name=f"Week of {plan.week_start_date:%-d %b}").click()
    coach.get_by_role("button", name="Publish to Alex Kim").click()
    expect(coach.get_by_text("Published — Alex Kim sees this plan")).to_be_visible()

    phone.reload()
    expect(phone.get_by_text("Drafted run").first).to_be_visible()
    phone.context.close()
    coach.context.close()
