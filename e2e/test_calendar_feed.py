"""The calendar feed's page on a phone (375 px), by keyboard: make the URL, copy it, and the
URL answers a calendar."""

import pytest
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}


def test_an_athlete_makes_copies_and_uses_their_calendar_url_on_a_phone(
    browser: Browser, live_server
):
    athlete = AthleteFactory(name="Alex Kim")
    TrainingSessionFactory(plan__athlete=athlete)
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(athlete.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/accounts/account/")

    page.get_by_role("link", name="Your training in your calendar").click()
    make = page.get_by_role("button", name="Make my calendar URL")
    make.focus()
    page.keyboard.press("Enter")

    field = page.get_by_label("Calendar URL", exact=True)
    expect(field).to_be_visible()
    url = field.input_value()
    assert url.startswith(f"{live_server.url}/calendar/") and url.endswith(".ics")
    copy = page.get_by_role("button", name="Copy")
    copy.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".copy-status")).to_have_text("Copied. Paste it into your calendar app.")
    assert page.evaluate("navigator.clipboard.readText()") == url
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for name in ("Make a new URL", "Turn it off"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    answer = context.request.get(url)
    assert answer.status == 200
    assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "SUMMARY:Run 45 min Z2" in answer.text()
    context.close()
