"""A coach builds a week in the browser, copies it forward, and a stale tab is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.tests.factories import AthleteFactory
from training.catalog import load_system_catalog
from training.models import Exercise, PlanStatus, TrainingPlan
from training.tests.factories import BenchmarkFactory


def sign_in(page: Page, base_url: str, email: str):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("Correct-Horse-42")
    page.get_by_role("button", name="Sign in").click()


def day_section(page: Page, day: str):
    return page.locator(f"section.day:has(h2:has-text('{day}'))")


def save_session(page: Page, day: str, sessions_before: int):
    """Save, then wait for the day to show one session more: a "Session saved." left from the
    previous save would let the next step start before this one is stored (under load)."""
    page.get_by_role("button", name="Save session").click()
    expect(day_section(page, day).locator("article.session")).to_have_count(sessions_before + 1)
    expect(page.get_by_text("Session saved.")).to_be_visible()


def add_strength(page: Page, day: str, exercise: str, percent: str):
    before = day_section(page, day).locator("article.session").count()
    day_section(page, day).get_by_role("link", name="+ Strength").click()
    search = page.get_by_label("Find an exercise to add")
    search.press_sequentially(exercise.split()[0], delay=30)
    results = page.locator("#exercise-results")
    results.get_by_role("button", name=f"Add {exercise}", exact=True).click()
    # The row arrives with the editor's answer: type into it only once nothing is in flight
    # (under load, a late answer redrew the row over a typed value).
    expect(page.locator(".htmx-request")).to_have_count(0)
    page.get_by_label("Intensity:").select_option("percent_1rm")
    page.get_by_label("Value:").fill(percent)
    page.get_by_label("Focus:").fill(f"{exercise} day")
    expect(page.get_by_label("Value:")).to_have_value(percent)
    save_session(page, day, before)


def add_endurance(page: Page, day: str, intensity: str, **fields):
    before = day_section(page, day).locator("article.session").count()
    day_section(page, day).get_by_role("link", name="+ Endurance").click()
    page.get_by_label("Intensity:").select_option(intensity)
    for label, value in fields.items():
        page.get_by_label(label).fill(value)
    save_session(page, day, before)


@pytest.mark.django_db(transaction=True)
def test_coach_builds_copies_and_meets_a_conflict(live_server, page: Page):
    load_system_catalog()
    athlete = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    squat = Exercise.objects.get(name="Back Squat")
    bench = Exercise.objects.get(name="Bench Press")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=bench, value=100)
    BenchmarkFactory(athlete=athlete, metric_type="FTP", value=250)
    for zone, bpm in enumerate([114, 133, 152, 171, 190], start=1):
        BenchmarkFactory(athlete=athlete, metric_type=f"HR_zone_{zone}", value=bpm)

    sign_in(page, live_server.url, "coach@example.com")
    page.get_by_role("link", name="Plan next week").click()
    page.get_by_role("button", name="Create plan").click()
    expect(page.get_by_text("Plan created.")).to_be_visible()

    add_strength(page, "Monday", "Back Squat", "75")
    add_strength(page, "Thursday", "Bench Press", "80")
    add_endurance(page, "Tuesday", "heart_rate_zone", **{"Zone (1–5):": "2"})
    add_endurance(page, "Saturday", "ftp_percent", **{"% FTP:": "88"})

    builder = page.locator("#builder")
    expect(builder.get_by_text("→ 105 kg")).to_be_visible()  # 140 × 75 %
    expect(builder.get_by_text("→ 80 kg")).to_be_visible()  # 100 × 80 %
    expect(builder.get_by_text("→ 115–133 bpm")).to_be_visible()  # zone 2: (114, 133]
    expect(builder.get_by_text("→ 220 W")).to_be_visible()  # 250 × 88 %

    next_monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() - 7)
    page.get_by_role("link", name="Next week →").click()
    page.get_by_text("Copy a week into this one…").click()  # the picker loads when opened
    page.get_by_label("Week of").select_option(next_monday.isoformat())
    page.get_by_role("button", name="Copy into this week").click()
    expect(page.get_by_text("Copied the week of")).to_be_visible()
    expect(page.locator("article.session")).to_have_count(4)

    # Two tabs on the same week: the second saves from a stale version.
    week_url = page.url
    second = page.context.new_page()
    second.goto(week_url)
    # Each card's Delete is behind its More, loaded when opened; the second tab opens it first.
    second.locator("article.session").last.locator("summary").click()
    page.locator("article.session").first.locator("summary").click()
    page.once("dialog", lambda dialog: dialog.accept())  # hx-confirm asks first
    page.locator("article.session").first.get_by_role("button", name="Delete").click()
    expect(page.locator("article.session")).to_have_count(3)
    second.once("dialog", lambda dialog: dialog.accept())
    second.locator("article.session").last.get_by_role("button", name="Delete").click()
    expect(second.get_by_text("This plan changed while you were editing")).to_be_visible()
    expect(second.locator("article.session")).to_have_count(3)

    copied = TrainingPlan.objects.get(
        athlete=athlete, week_start_date=next_monday + timedelta(days=7), status=PlanStatus.ACTIVE
    )
    assert copied.sessions.count() == 3
