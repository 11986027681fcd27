"""The phone's zone against the profile's: offered, never imposed (static/js/timezone.js).

Playwright's `timezone_id` sets the phone's clock; the profile's zone is the account's. Both
directions are run: a phone behind the profile (UTC vs Europe/Berlin) and ahead (Asia/Tokyo).
"""

import pytest
from playwright.sync_api import Browser, expect

from accounts.models import User
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
ALIASES = {"Asia/Kolkata": {"Asia/Kolkata", "Asia/Calcutta"}}
BEHIND_AND_AHEAD = pytest.mark.parametrize("phone_zone", ["UTC", "Asia/Tokyo"])


def signed_in_page(browser: Browser, live_server, email, *, zone, viewport=PHONE):
    context = browser.new_context(timezone_id=zone, viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


def offer(page):
    return page.locator("[data-zone-offer]")


@BEHIND_AND_AHEAD
def test_keep_hides_the_offer_and_is_remembered_for_that_phone_zone(
    browser: Browser, live_server, phone_zone
):
    athlete = AthleteFactory(user__time_zone="Europe/Berlin")
    page = signed_in_page(browser, live_server, athlete.user.email, zone=phone_zone)

    expect(offer(page)).to_be_visible()
    shown = phone_zone.replace("_", " ")
    expect(offer(page)).to_contain_text(
        f"This device is on {shown} time; your profile uses Europe/Berlin."
    )
    offer(page).get_by_role("button", name="Keep").click()
    expect(offer(page)).to_be_hidden()

    page.reload()
    page.wait_for_load_state("load")
    expect(page.locator("[data-zone-input]")).to_have_value("", timeout=1000)
    expect(offer(page)).to_be_hidden()
    athlete.user.refresh_from_db()
    assert athlete.user.time_zone == "Europe/Berlin"  # nothing switched silently
    page.context.close()


@BEHIND_AND_AHEAD
@pytest.mark.parametrize("role", ["athlete", "coach"])
def test_switch_changes_the_profile_and_comes_back(browser: Browser, live_server, phone_zone, role):
    if role == "athlete":
        user = AthleteFactory(user__time_zone="Europe/Berlin").user
    else:
        user = CoachFactory(user__time_zone="Europe/Berlin").user
    page = signed_in_page(browser, live_server, user.email, zone=phone_zone)
    start = page.url

    offer(page).get_by_role("button", name="Switch").click()

    expect(page.get_by_text(f"Your time zone is now {phone_zone}.")).to_be_visible()
    assert page.url == start
    expect(offer(page)).to_be_hidden()
    assert User.objects.get(pk=user.pk).time_zone == phone_zone
    page.context.close()


# Paris and Berlin keep the same clock all year: switching would change no time shown.
@pytest.mark.parametrize("phone_zone", ["Europe/Berlin", "Europe/Paris"])
def test_same_clock_no_offer(browser: Browser, live_server, phone_zone):
    athlete = AthleteFactory(user__time_zone="Europe/Berlin")
    page = signed_in_page(browser, live_server, athlete.user.email, zone=phone_zone)

    page.wait_for_load_state("load")
    # The script ran (it fills the hidden input only when it offers): give it its chance.
    page.wait_for_function("document.readyState === 'complete'")
    expect(offer(page)).to_be_hidden()
    assert page.locator("[data-zone-input]").input_value() == ""
    page.context.close()


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata"])
def test_signup_takes_the_browsers_zone_and_says_so(browser: Browser, live_server, zone):
    context = browser.new_context(timezone_id=zone, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")

    # Chromium may name a zone by its older alias (Asia/Calcutta): the device's name is kept.
    device = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    assert device in ALIASES.get(zone, {zone})
    expect(page.get_by_label("Time zone")).to_have_value(device)
    expect(page.get_by_text(f"Set from this device: {device.replace('_', ' ')}.")).to_be_visible()
    page.get_by_label("Name").fill("Nia Coach")
    page.get_by_label("Email").fill("nia@example.com")
    page.get_by_label("Password:", exact=True).fill("Strong-Legs-2026")
    page.get_by_label("Password confirmation").fill("Strong-Legs-2026")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Your athletes")).to_be_visible()
    assert User.objects.get(email="nia@example.com").time_zone == device
    expect(offer(page)).to_be_hidden()  # the new account is on this phone's clock
    context.close()


def test_signup_without_javascript_keeps_the_server_default(browser: Browser, live_server):
    context = browser.new_context(timezone_id="Asia/Tokyo", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")

    expect(page.get_by_label("Time zone")).to_have_value("UTC")
    context.close()
