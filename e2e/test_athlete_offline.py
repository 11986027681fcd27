"""An athlete on a phone: logs a session, goes offline, logs another, and nothing is lost."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from e2e.conftest import OUTBOX_ENTRIES
from logging_app.models import WorkoutLog
from training.selectors import monday_of
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


def log_form_ready(page):
    """The log form has loaded and its deferred scripts have run (DOMContentLoaded): under
    load, a Save clicked before the outbox script enhanced the form went straight to the
    server, past the routes these tests set."""
    page.wait_for_url("**/log/", wait_until="domcontentloaded")


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


def week_of_sessions():
    athlete = AthleteFactory(user__email="sam@example.com", user__time_zone="UTC")
    today = timezone.localdate()
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=120)
    strength = TrainingSessionFactory(
        plan=plan, date=today, type="strength", focus="Squat day",
        prescription=strength_prescription(squat.pk, sets=2, reps=5),
    )  # fmt: skip
    run = TrainingSessionFactory(plan=plan, date=today, focus="Easy run")
    return athlete, strength, run


def sign_in(page, base_url):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()


def wait_until_kept_offline(page, path):
    """The service worker controls the page and the page is in the offline copy.

    Synchronous predicates only: an async one returns a Promise, which is truthy, so the wait
    would end at once. outbox.js marks the page once the week is kept; then the cache is asked
    once, by evaluate(), which does await."""
    page.wait_for_function(
        "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)"
    )
    page.wait_for_function(
        "() => document.documentElement.dataset.offline === 'kept'", timeout=10_000
    )
    assert page.evaluate("async (path) => !!(await caches.match(path))", path)


@pytest.mark.django_db(transaction=True)
def test_log_online_then_offline_then_sync(live_server, phone):
    athlete, strength, run = week_of_sessions()
    page = phone.new_page()
    sign_in(page, live_server.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # Online: a strength session, as planned, is one tap on "Save log".
    page.locator(f"[data-session-id='{strength.pk}']").get_by_role("link", name="Log it").click()
    log_form_ready(page)
    expect(page.get_by_label("Set 1 of Back Squat: weight (kg)")).to_have_value("90")  # 120 × 75 %
    page.get_by_label("Set 1 of Back Squat: RPE").fill("8")
    page.get_by_role("button", name="Add a set of Back Squat").click()  # on the phone
    expect(page.get_by_label("Set 3 of Back Squat: weight (kg)")).to_have_value("90")
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.locator(f"[data-session-id='{strength.pk}'] [data-state]")).to_have_text("done")
    # Sent by the phone's outbox through the sync API (not by the no-JavaScript form post).
    expect(page.locator("#outbox")).to_contain_text("All logs are synced")
    logged = WorkoutLog.objects.get(session=strength)
    assert len(logged.actual_data["exercises"][0]["sets"]) == 3

    run_path = f"/today/sessions/{run.pk}/log/"
    wait_until_kept_offline(page, run_path)

    # Offline: today comes from the phone, and the run is logged there.
    phone.set_offline(True)
    page.reload()
    expect(page.get_by_text("Easy run")).to_be_visible()
    page.locator(f"[data-session-id='{run.pk}']").get_by_role("link", name="Log it").click()
    log_form_ready(page)
    expect(page.get_by_role("heading", name="Easy run")).to_be_visible()  # the kept form
    page.get_by_label("Average heart rate (bpm, optional)").fill("142")
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    outbox = page.locator("#outbox")
    expect(outbox).to_contain_text("1 log on this phone not yet on the server")
    expect(outbox).to_contain_text("waiting to sync")
    assert not WorkoutLog.objects.filter(session=run).exists()

    # Back online: it is sent, once.
    phone.set_offline(False)
    expect(outbox).to_contain_text("All logs are synced", timeout=10_000)
    log = WorkoutLog.objects.get(session=run)
    assert log.actual_data["avgHeartRate"] == 142
    assert WorkoutLog.objects.filter(athlete=athlete).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_refused_log_shows_why_and_can_be_discarded(live_server, phone):
    _, _, run = week_of_sessions()
    page = phone.new_page()
    sign_in(page, live_server.url)
    page.locator(f"[data-session-id='{run.pk}']").get_by_role("link", name="Log it").click()
    log_form_ready(page)
    too_early = timezone.localtime() - timedelta(days=10)
    page.get_by_label("Finished at").fill(too_early.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save log").click()
    outbox = page.locator("#outbox")
    expect(outbox).to_contain_text("not synced")
    expect(outbox).to_contain_text("within 7 days")
    page.once("dialog", lambda dialog: dialog.accept())
    outbox.get_by_role("button", name="Discard").click()
    expect(outbox).to_be_hidden()
    assert not WorkoutLog.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_server_errors_are_retried_three_times_then_shown_and_retryable(live_server, browser):
    _, _, run = week_of_sessions()
    # Playwright's routing cannot see requests that pass through a service worker, so this
    # test runs without one: what it checks is the outbox's counting of tries.
    phone = browser.new_context(**PHONE, service_workers="block")
    page = phone.new_page()
    sign_in(page, live_server.url)
    # The server fails (a 5xx other than 503) for a while: each attempt is one of three tries.
    page.route("**/api/v1/workout-logs/", lambda route: route.fulfill(status=500, body="bug"))
    page.locator(f"[data-session-id='{run.pk}']").get_by_role("link", name="Log it").click()
    log_form_ready(page)
    page.get_by_role("button", name="Save log").click()
    page.wait_for_url("**/today/")
    outbox = page.locator("#outbox")
    expect(outbox).to_be_visible()
    for _ in range(3):  # each page load sends what waits: one more try each time
        if "not synced" in outbox.inner_text():
            break
        page.reload()
        expect(outbox).to_be_visible()
    expect(outbox).to_contain_text("not synced")
    expect(outbox).to_contain_text("The server had a problem (500)")
    tries = [entry["tries"] for entry in page.evaluate(OUTBOX_ENTRIES)]
    assert tries == [3]
    assert not WorkoutLog.objects.exists()

    page.unroute("**/api/v1/workout-logs/")
    outbox.get_by_role("button", name="Retry").click()
    expect(outbox).to_contain_text("All logs are synced")
    assert WorkoutLog.objects.filter(session=run).count() == 1
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_a_server_that_is_down_leaves_the_log_waiting_then_it_syncs(live_server, browser):
    """503 (the server or its database down) and no connection are not tries: it waits."""
    _, _, run = week_of_sessions()
    phone = browser.new_context(**PHONE, service_workers="block")  # see the test above
    page = phone.new_page()
    sign_in(page, live_server.url)
    page.route("**/api/v1/workout-logs/", lambda route: route.fulfill(status=503, body="down"))
    page.locator(f"[data-session-id='{run.pk}']").get_by_role("link", name="Log it").click()
    log_form_ready(page)
    page.get_by_role("button", name="Save log").click()
    page.wait_for_url("**/today/")
    outbox = page.locator("#outbox")
    for _ in range(4):  # more page loads than the three tries a failing server gets
        expect(outbox).to_contain_text("waiting to sync")
        expect(outbox).to_contain_text("The server is down for a moment")
        page.reload()
    expect(outbox).to_contain_text("waiting to sync")
    page.route("**/api/v1/workout-logs/", lambda route: route.abort("internetdisconnected"))
    page.reload()
    expect(outbox).to_contain_text("No connection to the server")
    entries = [(entry["state"], entry["tries"]) for entry in page.evaluate(OUTBOX_ENTRIES)]
    assert entries == [("pending", 0)]
    assert not WorkoutLog.objects.exists()

    page.unroute("**/api/v1/workout-logs/")
    page.reload()
    expect(outbox).to_contain_text("All logs are synced")
    assert WorkoutLog.objects.filter(session=run).count() == 1
    phone.close()
