"""The coach's builder on a phone (375 px) and a desktop (1280 px): the editor opens at the
tapped day with the focus inside, search results sit under the search box, an endurance
session's minutes follow its duration, only the chosen intensity's field shows, Escape gives
the focus back, and the week shows which sessions were done or missed."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.catalog import load_system_catalog
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

WIDTHS = {
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture(params=list(WIDTHS))
def coach_page(request, browser: Browser, live_server):
    context = browser.new_context(**WIDTHS[request.param])
    page = context.new_page()
    yield page
    context.close()


def a_week_with_done_and_missed():
    """The week holding yesterday: yesterday's two sessions, one logged, one not."""
    load_system_catalog()
    athlete = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    yesterday = timezone.localdate() - timedelta(days=1)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(yesterday))
    done = TrainingSessionFactory(plan=plan, date=yesterday, focus="Logged run")
    TrainingSessionFactory(plan=plan, date=yesterday, focus="Skipped run")
    WorkoutLogFactory(session=done, athlete=athlete)
    return athlete, plan


def sign_in_and_open(page: Page, base_url: str, athlete, plan):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill("coach@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base_url}/coach/athletes/{athlete.pk}/weeks/{plan.week_start_date}/")


def in_viewport(page: Page, selector: str) -> bool:
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight;
        }""",
        selector,
    )


def assert_selects_show_their_options(page: Page):
    """Every visible select has room for its longest option ("minut"), and Pico's arrow, drawn
    in the right padding, stays clear of the text."""
    cut = page.evaluate(
        r"""() => {
            const ctx = document.createElement("canvas").getContext("2d");
            const shown = [...document.querySelectorAll("select")].filter(s => s.offsetParent);
            return shown.filter(s => {
                const style = getComputedStyle(s);
                ctx.font = style.font;
                const padRight = parseFloat(style.paddingRight);
                const room = s.clientWidth - parseFloat(style.paddingLeft) - padRight;
                const longest = Math.max(...[...s.options].map(o => ctx.measureText(o.text).width));
                const right = style.backgroundPositionX.match(/[\d.]+px/) || ["0"];
                const offset = parseFloat(right[0]);
                const arrow = offset + parseFloat(style.backgroundSize);
                return longest > room + 0.5 || arrow > padRight;
            }).map(s => s.id);
        }"""
    )
    assert cut == []


def no_sideways_scroll(page: Page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]


@pytest.mark.django_db(transaction=True)
def test_builder_at_the_tapped_day(coach_page: Page, live_server):
    page = coach_page
    athlete, plan = a_week_with_done_and_missed()
    sign_in_and_open(page, live_server.url, athlete, plan)
    sunday = plan.week_start_date + timedelta(days=6)

    logged = page.locator("article.session", has_text="Logged run")
    skipped = page.locator("article.session", has_text="Skipped run")
    expect(logged.get_by_text("✓ Done")).to_be_visible()
    expect(skipped.get_by_text("Missed")).to_be_visible()
    no_sideways_scroll(page)
    assert_selects_show_their_options(page)  # the cards' day pickers

    # + Strength on Sunday: a 44 px target; the editor opens in Sunday's slot, in view, focused.
    add_strength = page.locator(f"#add-strength-{sunday}")
    assert add_strength.bounding_box()["height"] >= 44
    add_strength.scroll_into_view_if_needed()
    add_strength.click()
    expect(page.locator("#editor")).to_be_visible()
    expect(page.get_by_label("Find an exercise to add")).to_be_focused()
    assert in_viewport(page, "#editor")
    assert page.evaluate(
        f"document.querySelector('#editor').previousElementSibling.matches(':has(#day-{sunday})')"
    )

    # Typing searches; the results sit right under the search box and are in view.
    page.keyboard.type("squat", delay=20)
    first_result = page.locator("#exercise-results button").first
    expect(first_result).to_be_visible()
    search = page.get_by_label("Find an exercise to add").bounding_box()
    results = page.locator("#exercise-results").bounding_box()
    assert 0 <= results["y"] - (search["y"] + search["height"]) <= 24
    assert in_viewport(page, "#exercise-results button")
    page.get_by_role("button", name="Add Back Squat", exact=True).click()
    expect(page.locator("#editor legend", has_text="1. Back Squat")).to_be_visible()
    expect(page.get_by_label("Find an exercise to add")).to_be_focused()

    # Escape closes the editor and gives the focus back to the control that opened it.
    page.keyboard.press("Escape")
    expect(page.locator("#editor")).to_have_count(0)
    expect(add_strength).to_be_focused()

    # Endurance: only the chosen intensity's field shows; 80 minutes read "80 min".
    page.locator(f"#add-endurance-{sunday}").click()
    expect(page.get_by_label("Modality")).to_be_focused()
    assert in_viewport(page, "#editor")
    expect(page.get_by_label("Estimated minutes")).to_have_count(0)
    expect(page.get_by_label("Zone (1–5)")).to_be_visible()
    expect(page.get_by_label("% FTP")).to_be_hidden()
    page.get_by_label("Intensity").select_option("ftp_percent")
    expect(page.get_by_label("% FTP")).to_be_visible()
    expect(page.get_by_label("Zone (1–5)")).to_be_hidden()
    page.get_by_label("Intensity").select_option("heart_rate_zone")
    expect(page.get_by_label("Zone (1–5)")).to_be_visible()
    page.get_by_label("Duration:", exact=True).fill("80")
    page.get_by_label("Focus").fill("Long run")
    assert_selects_show_their_options(page)
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text("Session saved.")).to_be_visible()
    expect(page.locator("article.session", has_text="Long run")).to_contain_text("80 min")
    expect(page.locator(f"#add-endurance-{sunday}")).to_be_focused()

    # Copy the run to Saturday: one day picker serves Move and Copy.
    long_run = page.locator("article.session", has_text="Long run")
    long_run.locator("summary").press("Enter")  # More: its forms load into the card
    long_run.get_by_label("Day to move or copy").select_option(str(sunday - timedelta(days=1)))
    long_run.get_by_role("button", name="Copy").click()
    expect(page.get_by_text("Session copied to Saturday.")).to_be_visible()
    expect(page.locator("article.session", has_text="Long run")).to_have_count(2)
    assert plan.sessions.filter(focus="Long run", estimated_duration=80).count() == 2
    no_sideways_scroll(page)
