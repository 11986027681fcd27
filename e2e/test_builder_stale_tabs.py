"""Two tabs of one week in the builder: what the second, stale tab shows when it acts on what
the first changed. Each answer is the builder's conflict message and the current plan, in
place (htmx swaps 409s), never an error page or a click that does nothing."""

import pytest
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

CONFLICT = "This plan changed while you were editing"


@pytest.fixture
def two_tabs(browser: Browser, live_server):
    athlete = AthleteFactory(coach__user__email="coach@example.com")
    plan = TrainingPlanFactory(athlete=athlete)
    TrainingSessionFactory(plan=plan, date=plan.week_start_date, focus="Tempo run")
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    first = context.new_page()
    first.goto(f"{live_server.url}/accounts/login/")
    first.get_by_label("Email").fill("coach@example.com")
    first.get_by_label("Password").fill(PASSWORD)
    first.get_by_role("button", name="Sign in").click()
    first.wait_for_url("**/coach/**")
    second = context.new_page()
    week = f"{live_server.url}/coach/athletes/{athlete.pk}/weeks/{plan.week_start_date}/"
    for page in (first, second):
        page.goto(week)
        page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm's "Delete this session?"
    yield first, second
    context.close()


def open_actions(page, session_name):
    """Open a card's More: its move, copy and delete forms load into the card."""
    page.locator("article.session", has_text=session_name).locator("summary").click()
    expect(page.get_by_role("button", name=f"Delete {session_name}")).to_be_visible()


def test_deleting_in_a_stale_tab_shows_the_current_plan(two_tabs):
    first, second = two_tabs
    open_actions(second, "Tempo run")  # opened before the first tab's change
    open_actions(first, "Tempo run")
    first.get_by_role("button", name="Delete Tempo run").click()
    expect(first.get_by_text("Session deleted.")).to_be_visible()

    second.get_by_role("button", name="Delete Tempo run").click()

    expect(second.get_by_text(CONFLICT)).to_be_visible()
    expect(second.get_by_text("version 2, active")).to_be_visible()
    expect(second.locator("article.session")).to_have_count(0)


def test_archiving_in_a_stale_tab_shows_the_archived_plan(two_tabs):
    first, second = two_tabs
    first.get_by_role("button", name="Archive").click()
    expect(first.get_by_text("Plan archived.")).to_be_visible()

    second.get_by_role("button", name="Archive").click()

    expect(second.get_by_text(CONFLICT)).to_be_visible()
    expect(second.get_by_text("archived").first).to_be_visible()


def test_editing_in_a_stale_tab_shows_the_current_plan(two_tabs):
    first, second = two_tabs
    open_actions(first, "Tempo run")
    first.get_by_role("button", name="Delete Tempo run").click()
    expect(first.get_by_text("Session deleted.")).to_be_visible()

    second.get_by_role("link", name="Edit Tempo run").click()

    expect(second.get_by_text(CONFLICT)).to_be_visible()
    expect(second.locator("#editor")).to_have_count(0)
    expect(second.locator("article.session")).to_have_count(0)
