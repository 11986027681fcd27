"""API tokens on a phone (375 px), by keyboard: make one, read its secret once, use it from a
script, revoke it."""

import pytest
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}


def test_an_athlete_makes_uses_and_revokes_a_token_on_a_phone(browser: Browser, live_server):
    athlete = AthleteFactory(name="Alex Kim")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(athlete.user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/accounts/account/")

    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Token name").fill("Training export")
    page.get_by_label("Expires after").select_option(label="30 days")
    page.get_by_label("Expires after").press("Tab")
    page.keyboard.press("Enter")  # the focus is on "Create token"

    field = page.get_by_label("Copy it now: it is shown only this once.")
    expect(field).to_be_visible()
    secret = field.input_value()
    assert secret.startswith("hp_")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    revoke = page.get_by_role("button", name="Revoke Training export")
    box = revoke.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    script = context.request  # no cookie of the page's: a script with the token alone
    me = script.get(
        f"{live_server.url}/api/v1/me/",
        headers={"Authorization": f"Bearer {secret}", "Cookie": ""},
    )
    assert me.status == 200 and me.json()["name"] == "Alex Kim"

    revoke.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("revoked", exact=False).first).to_be_visible()
    again = script.get(
        f"{live_server.url}/api/v1/me/",
        headers={"Authorization": f"Bearer {secret}", "Cookie": ""},
    )
    assert again.status == 401
    context.close()
