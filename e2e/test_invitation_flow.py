import pytest
from playwright.sync_api import Browser, Page, expect

from accounts.models import Athlete
from accounts.tests.factories import PASSWORD, CoachFactory

NEW_PASSWORD = "Strong-Legs-2026"


@pytest.mark.django_db(transaction=True)
def test_coach_invites_and_athlete_joins_on_a_phone(live_server, page: Page, browser: Browser):
    coach = CoachFactory(name="Maria Lopez", user__email="maria@example.com")

    page.goto(f"{live_server.url}/")
    page.get_by_label("Email").fill("MARIA@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your athletes")).to_be_visible()

    page.get_by_role("link", name="Invite an athlete").click()
    page.get_by_label("Athlete's email (optional)").fill("sam@example.com")
    page.get_by_role("button", name="Create invitation link").click()
    link = page.get_by_label("Invitation link (works once, for 7 days)").input_value()
    expect(page.get_by_role("cell", name="sam@example.com")).to_be_visible()

    phone = browser.new_context(viewport={"width": 375, "height": 812})
    athlete_page = phone.new_page()
    athlete_page.goto(link)
    heading = athlete_page.get_by_role("heading", name="Join Maria Lopez on HybridPeaks")
    expect(heading).to_be_visible()
    expect(athlete_page.get_by_label("Email")).to_have_value("sam@example.com")
    athlete_page.get_by_label("Name").fill("Sam Rivera")
    athlete_page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    athlete_page.get_by_label("Password confirmation").fill(NEW_PASSWORD)
    athlete_page.get_by_label("Time zone").select_option("America/New_York")
    athlete_page.get_by_role("button", name="Create my account").click()
    expect(athlete_page.get_by_text("Maria Lopez is your coach")).to_be_visible()
    expect(athlete_page.get_by_role("heading", name="Today")).to_be_visible()
    page_width = athlete_page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 375, "the page must not scroll sideways on a phone"

    athlete_page.goto(link)
    expect(athlete_page.get_by_role("heading", name="already been used")).to_be_visible()
    phone.close()

    assert Athlete.objects.get(user__email="sam@example.com").coach == coach
    page.reload()
    expect(page.get_by_text("accepted by Sam Rivera")).to_be_visible()
