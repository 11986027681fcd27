"""A phone shared by two athletes (issue 10, part 7): one's pending log is neither shown to,
nor sent or discarded by, the other; it waits for its owner. Sign-out empties the phone."""

import pytest
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from e2e.conftest import OUTBOX_ENTRIES
from e2e.test_athlete_offline import PHONE, week_of_sessions
from logging_app.models import WorkoutLog

API = "**/api/v1/workout-logs/"


def sign_in_as(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()


def log_while_offline(page, run):
    """Save a log that cannot be sent (no connection to the API): it waits on the phone."""
    page.route(API, lambda route: route.abort("internetdisconnected"))
    page.locator(f"[data-session-id='{run.pk}']").get_by_role("link", name="Log it").click()
    # The button shows while the page still parses; only once its deferred scripts have run
    # (before DOMContentLoaded) does Save go to the outbox rather than straight to the server.
    page.wait_for_url(f"**/sessions/{run.pk}/log/", wait_until="domcontentloaded")
    page.get_by_role("button", name="Save log").click()
    page.wait_for_url("**/today/")
    expect(page.locator("#outbox")).to_contain_text("waiting to sync")
    page.unroute(API)


def session_expires(phone, page):
    """The signed-in session ends without a sign-out. The page is left first: a request still in
    flight from it could otherwise set a cookie after the clearing (a stale CSRF token)."""
    page.goto("about:blank")
    phone.clear_cookies()


def wait_for(condition, page, seconds=5):
    """Let the page run until `condition()` holds (a dialog comes after the outbox is sent)."""
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page never got there")


@pytest.mark.django_db(transaction=True)
def test_a_pending_log_waits_for_its_owner(live_server, browser: Browser):
    _, _, run = week_of_sessions()  # sam@example.com
    AthleteFactory(user__email="kim@example.com", user__time_zone="UTC")
    # Routing cannot see what passes through a service worker (test_athlete_offline.py).
    phone = browser.new_context(**PHONE, service_workers="block")
    page = phone.new_page()
    sign_in_as(page, live_server.url, "sam@example.com")
    log_while_offline(page, run)

    # Sam's session ends without a sign-out (it expired); Kim signs in on the same phone, online.
    session_expires(phone, page)
    sign_in_as(page, live_server.url, "kim@example.com")
    expect(page.locator("#outbox")).to_be_hidden()
    assert page.evaluate(OUTBOX_ENTRIES) == []
    assert "Easy run" not in page.content()
    page.reload()
    assert not WorkoutLog.objects.exists()  # not sent with Kim's cookies either

    # Sam comes back: the log is there, and goes.
    session_expires(phone, page)
    sign_in_as(page, live_server.url, "sam@example.com")
    expect(page.locator("#outbox")).to_contain_text("All logs are synced")
    assert WorkoutLog.objects.filter(session=run, athlete__user__email="sam@example.com").exists()
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_sign_out_empties_the_phone_and_asks_before_an_unsent_log_goes(
    live_server, browser: Browser
):
    _, _, run = week_of_sessions()
    phone = browser.new_context(**PHONE, service_workers="block")  # for routing, as above
    page = phone.new_page()
    sign_in_as(page, live_server.url, "sam@example.com")
    page.wait_for_function("() => document.documentElement.dataset.offline === 'kept'")
    # Kept in the Cache API although the pages say Cache-Control: no-store.
    assert page.evaluate(f"async () => !!(await caches.match('/today/sessions/{run.pk}/log/'))")
    log_while_offline(page, run)

    # The server is down: sign-out asks, and "no" keeps everything.
    page.route(API, lambda route: route.fulfill(status=503, body="down"))
    page.goto(f"{live_server.url}/accounts/account/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Sign out").click()
    wait_for(lambda: asked, page)
    expect(page.locator("#outbox")).to_contain_text("waiting to sync")
    assert "1 log is not yet on the server" in asked[0]
    assert page.url.endswith("/accounts/account/")

    # Once it can be sent, sign-out sends it, does not ask, and leaves nothing of Sam's.
    page.unroute(API)
    page.once("dialog", lambda dialog: asked.append(dialog.message))
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert len(asked) == 1
    assert WorkoutLog.objects.filter(session=run).count() == 1
    assert page.evaluate("async () => await caches.keys()") == []
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0
    phone.close()
