"""The log form on a phone: the time the athlete means whatever the phone's zone, gym speed,
errors in words before the outbox takes a log, and a pending log counted as done."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD, AthleteFactory
from e2e.conftest import OUTBOX_ENTRIES
from e2e.test_athlete_offline import PHONE, wait_until_kept_offline
from logging_app.models import WorkoutLog
from training.selectors import monday_of
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
)

EMAIL = "berlin@example.com"


def berlin_week():
    """An athlete whose profile is in Berlin: a strength session (5×5 @ 75 % with a 1RM, and
    Pull-Ups @ RPE 7 with no load) and a run, today in Berlin."""
    athlete = AthleteFactory(user__email=EMAIL, user__time_zone="Europe/Berlin")
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    squat, pull_up = ExerciseFactory(name="Back Squat"), ExerciseFactory(name="Pull-Up")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=120)
    items = [
        {"exerciseId": str(squat.pk), "sets": 5, "reps": 5,
         "intensity": {"type": "percent_1rm", "value": 75}},
        {"exerciseId": str(pull_up.pk), "sets": 3, "reps": 8,
         "intensity": {"type": "rpe", "value": 7}},
    ]  # fmt: skip
    strength = TrainingSessionFactory(
        plan=plan, date=today, type="strength", focus="Squat and pull",
        prescription={"exercises": items},
    )  # fmt: skip
    run = TrainingSessionFactory(plan=plan, date=today, focus="Easy run")
    return athlete, strength, run


def phone_in(browser: Browser, zone: str):
    return browser.new_context(**PHONE, timezone_id=zone)


def sign_in(page, base_url):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()


def open_form(page, session):
    page.locator(f"article[data-session-id='{session.pk}']").get_by_role(
        "link", name="Log it"
    ).click()
    expect(page.locator("[data-log-form]")).to_be_visible()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("phone_zone", ["UTC", "Asia/Tokyo"])  # behind Berlin, and ahead
@pytest.mark.parametrize("online", [True, False], ids=["online", "offline"])
def test_the_finished_time_is_the_one_meant_whatever_the_phones_zone(
    live_server, browser, phone_zone, online
):
    athlete, _, run = berlin_week()
    berlin = athlete.user.zoneinfo
    phone = phone_in(browser, phone_zone)
    page = phone.new_page()
    sign_in(page, live_server.url)
    if not online:
        wait_until_kept_offline(page, f"/today/sessions/{run.pk}/log/")
        phone.set_offline(True)
        page.reload()
    open_form(page, run)
    # The form opens at "now" in Berlin, whatever the phone's own clock zone says.
    shown = page.get_by_label("Finished at").input_value()
    now_in_berlin = timezone.localtime(timezone=berlin)
    assert abs(now_in_berlin.replace(tzinfo=None) - _wall(shown)) < timedelta(minutes=2)
    meant = (now_in_berlin - timedelta(minutes=90)).replace(second=0, microsecond=0)
    page.get_by_label("Finished at").fill(meant.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    outbox = page.locator("#outbox")
    if not online:
        expect(outbox).to_contain_text("waiting to sync")
        phone.set_offline(False)
    expect(outbox).to_contain_text("All logs are synced", timeout=10_000)
    assert WorkoutLog.objects.get(session=run).completed_at == meant
    phone.close()


def _wall(value: str):
    from datetime import datetime

    return datetime.strptime(value, "%Y-%m-%dT%H:%M")


@pytest.mark.django_db(transaction=True)
def test_a_phone_in_utc_logs_now_without_being_refused(live_server, browser):
    """The bug of issue 9: a UTC phone read Berlin's "now" as UTC, an hour in the future."""
    _, _, run = berlin_week()
    phone = phone_in(browser, "UTC")
    page = phone.new_page()
    sign_in(page, live_server.url)
    open_form(page, run)
    page.get_by_role("button", name="Save log").click()
    expect(page.locator("#outbox")).to_contain_text("All logs are synced")
    stored = WorkoutLog.objects.get(session=run).completed_at
    assert abs(stored - timezone.now()) < timedelta(minutes=2)
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_a_session_as_planned_is_three_taps(live_server, browser):
    _, strength, _ = berlin_week()
    phone = phone_in(browser, "Europe/Berlin")
    page = phone.new_page()
    sign_in(page, live_server.url)
    open_form(page, strength)
    taps = []

    def tap(locator):
        taps.append(locator)
        locator.click()

    # Someone changes their mind first: one set fewer, then everything as planned again.
    page.get_by_role("button", name="Remove the last set of Back Squat").click()
    page.get_by_label("Set 1 of Pull-Up: done").uncheck()
    tap(page.get_by_role("button", name="Done as planned"))
    tap(page.get_by_role("radio", name="8", exact=True))
    tap(page.get_by_role("button", name="Save log"))
    expect(page.locator("#outbox")).to_contain_text("All logs are synced")
    assert len(taps) == 3

    log = WorkoutLog.objects.get(session=strength)
    squat, pull_up = log.actual_data["exercises"]
    assert squat["sets"] == [{"weight": 90, "reps": 5, "rpe": None}] * 5  # 120 × 75 %
    assert pull_up["sets"] == [{"weight": 0, "reps": 8, "rpe": 7}] * 3  # bodyweight, RPE 7
    assert log.rpe == 8
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_touch_targets_are_44_px_and_nothing_scrolls_sideways(live_server, browser):
    _, strength, _ = berlin_week()
    phone = phone_in(browser, "Europe/Berlin")
    page = phone.new_page()
    sign_in(page, live_server.url)
    open_form(page, strength)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for name in ("Done as planned", "Add a set of Back Squat", "Remove the last set of Pull-Up"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, name
    tick = page.locator(".lf-tick").first.bounding_box()
    assert tick["height"] >= 44
    rpe = page.locator(".lf-rpe label").first.bounding_box()
    assert rpe["height"] >= 44 and rpe["width"] >= 44
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_the_phone_refuses_bad_numbers_in_the_servers_words(live_server, browser):
    _, strength, _ = berlin_week()
    phone = phone_in(browser, "UTC")
    page = phone.new_page()
    sign_in(page, live_server.url)
    open_form(page, strength)
    page.get_by_label("Set 1 of Back Squat: reps").fill("10000")
    page.get_by_label("Set 2 of Back Squat: reps").fill("-1")
    page.get_by_label("Set 1 of Back Squat: weight (kg)").fill("abc")
    page.get_by_label("Set 1 of Pull-Up: weight (kg)").fill("")  # bodyweight: fine
    page.get_by_role("button", name="Save log").click()
    errors = page.locator("[data-errors]")
    expect(errors).to_contain_text("Set 1 of Back Squat: reps must be a whole number 0–100")
    expect(errors).to_contain_text("Set 2 of Back Squat: reps must be a whole number 0–100")
    expect(errors).to_contain_text("Set 1 of Back Squat: weight (kg) must be a number 0–600")
    row = page.locator("[data-set]").first
    expect(row.locator(".lf-err")).to_have_count(2)  # next to the fields
    assert "exercises[" not in errors.inner_text()
    assert page.evaluate(OUTBOX_ENTRIES) == []
    # An unticked set is not checked: it was not done.
    page.get_by_label("Set 2 of Back Squat: done").uncheck()
    page.get_by_label("Set 1 of Back Squat: reps").fill("5")
    page.get_by_label("Set 1 of Back Squat: weight (kg)").fill("92.5")
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.locator("#outbox")).to_contain_text("All logs are synced")
    squat, pull_up = WorkoutLog.objects.get(session=strength).actual_data["exercises"]
    assert len(squat["sets"]) == 4 and squat["sets"][0]["weight"] == 92.5
    assert pull_up["sets"][0]["weight"] == 0
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_a_server_refusal_shows_beside_the_field(live_server, browser):
    _, _, run = berlin_week()
    phone = phone_in(browser, "Asia/Tokyo")
    page = phone.new_page()
    sign_in(page, live_server.url)
    open_form(page, run)
    later = timezone.localtime(timezone=run.plan.athlete.user.zoneinfo) + timedelta(hours=3)
    page.get_by_label("Finished at").fill(later.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save log").click()
    message = "Finished at: a workout cannot be completed in the future."
    expect(page.locator("[data-errors]")).to_contain_text(message)
    expect(
        page.locator("label", has=page.get_by_label("Finished at")).locator(".lf-err")
    ).to_have_text(message)
    assert not WorkoutLog.objects.exists()
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_a_pending_log_shows_its_session_done_on_today_and_week(live_server, browser):
    _, strength, run = berlin_week()
    phone = phone_in(browser, "Europe/Berlin")
    page = phone.new_page()
    sign_in(page, live_server.url)
    wait_until_kept_offline(page, f"/today/sessions/{run.pk}/log/")
    expect(page.locator("[data-left-some]")).to_have_text("2 of 2 sessions left")
    phone.set_offline(True)
    page.reload()
    open_form(page, run)
    page.get_by_role("button", name="Save log").click()
    card = page.locator(f"article[data-session-id='{run.pk}']")
    expect(card.locator("[data-state]")).to_have_text("done, waiting to sync")
    expect(card.get_by_role("link", name="Log it")).to_be_hidden()
    expect(page.locator("[data-left-some]")).to_have_text("1 of 2 sessions left")
    phone.set_offline(False)
    page.goto(f"{live_server.url}/today/week/")
    week_card = page.locator(f"article[data-session-id='{run.pk}']")
    expect(week_card.locator("[data-state]")).to_have_text("done")
    expect(week_card.get_by_role("link", name="Log it")).to_have_count(0)
    assert WorkoutLog.objects.filter(session=run).exists()
    assert strength.logs.count() == 0
    phone.close()
