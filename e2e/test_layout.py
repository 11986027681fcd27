"""The phone layout: a compact header, the athlete's bottom tab bar, Sign out on Account,
and no page that scrolls sideways at 375 px (athlete and coach pages, on the demo data)."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, expect

from e2e.test_accessibility import ATHLETE, COACH, athlete_pages, coach_pages, sign_in

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TABS = ["Today", "Week", "History", "Summaries", "Benchmarks"]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=StringIO())
    call_command("generate_weekly_summaries", stdout=StringIO())


def open_as(browser, live_server, email, size):
    context = browser.new_context(**size, service_workers="block")
    page = context.new_page()
    sign_in(page, live_server.url, email)
    return context, page


def box(locator):
    return locator.bounding_box()


def test_athlete_phone_has_a_tab_bar_and_a_compact_header(live_server, browser: Browser, demo):
    context, page = open_as(browser, live_server, ATHLETE, PHONE)
    page.goto(f"{live_server.url}/today/week/")

    tabs = page.get_by_role("navigation", name="Main")
    for name in TABS:
        tab = tabs.get_by_role("link", name=name, exact=True)
        expect(tab).to_be_visible()
        assert box(tab)["height"] >= 44 and box(tab)["width"] >= 44
    expect(tabs.get_by_role("link", name="Week")).to_have_attribute("aria-current", "page")
    expect(tabs.get_by_role("link", name="Today")).not_to_have_attribute("aria-current", "page")
    bar = box(tabs)
    assert bar["y"] + bar["height"] == pytest.approx(812, abs=1)  # pinned to the bottom
    header = box(page.locator("body > header"))
    assert header["height"] <= 60  # it took a quarter of the screen (~200 px) before
    expect(page.locator("body > header").get_by_role("button", name="Sign out")).to_have_count(0)

    # Scrolled to the end, the last day (Sunday) sits above the bar, not behind it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last = box(page.locator("main .athlete-day").last)
    assert last["y"] + last["height"] <= box(tabs)["y"] + 1

    # Sign out lives on the Account page now, and works.
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    context.close()


def test_athlete_desktop_has_a_top_nav(live_server, browser: Browser, demo):
    context, page = open_as(browser, live_server, ATHLETE, DESKTOP)
    page.goto(f"{live_server.url}/today/summaries/")

    header = page.locator("body > header")
    for name in [*TABS, "Account"]:
        expect(header.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(header.get_by_role("link", name="Summaries")).to_have_attribute("aria-current", "page")
    assert box(header)["height"] <= 60  # one row
    context.close()


def test_coach_phone_header_reaches_every_section(live_server, browser: Browser, demo):
    context, page = open_as(browser, live_server, COACH, PHONE)
    page.goto(f"{live_server.url}/coach/exercises/")

    header = page.locator("body > header")
    for name in ["Athletes", "Invitations", "Exercises", "Account"]:
        link = header.get_by_role("link", name=name, exact=True)
        expect(link).to_be_in_viewport()
        assert box(link)["height"] >= 44
    expect(header.get_by_role("link", name="Exercises")).to_have_attribute("aria-current", "page")
    assert box(header)["height"] <= 100  # brand, then one row of four links
    expect(page.locator(".tabbar")).to_have_count(0)
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(live_server, browser: Browser, demo):
    wide = []
    for email, pages in ((ATHLETE, athlete_pages()), (COACH, coach_pages())):
        context, page = open_as(browser, live_server, email, PHONE)
        for path in pages:
            page.goto(live_server.url + path)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                wide.append(f"{email} {path}: {width[0]} px wide in {width[1]} px")
        context.close()
    assert not wide, "\n".join(wide)
