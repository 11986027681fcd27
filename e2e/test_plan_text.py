"""A coach plans the issue's 5-session week as text: open the text mode, type, see the
preview with the athlete's targets, save, and find the sessions in the builder — in a handful
of actions, with a mouse at 1280 px and with the keyboard on a 375 px phone."""

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import AthleteFactory
from e2e.test_plan_builder import sign_in
from training.catalog import load_system_catalog
from training.models import Exercise, PlanStatus, TrainingPlan
from training.tests.factories import BenchmarkFactory
from training.tests.text.test_parse_week import ISSUE_WEEK

# The issue's week, typed in two goes: all but its last line, then the last line.
WEEK, LAST_LINE = ISSUE_WEEK.removesuffix("\n").rsplit("\n", 1)
WEEK += "\n"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 375])
def test_coach_writes_the_issue_s_week_as_text(live_server, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    load_system_catalog()
    athlete = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    squat = Exercise.objects.get(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    BenchmarkFactory(athlete=athlete, metric_type="FTP", value=250)
    sign_in(page, live_server.url, "coach@example.com")

    actions = 0
    page.get_by_role("link", name="Plan next week").click()
    actions += 1
    page.get_by_role("link", name="Write as text").click()
    actions += 1
    text = page.get_by_label("The week, one day header per session")
    text.fill(WEEK)  # a paste
    actions += 1
    text.press("End")
    text.press_sequentially(LAST_LINE, delay=20)  # the keyup that asks for the preview
    actions += 1

    preview = page.locator("#preview")
    expect(preview.get_by_role("heading", name="4 sessions")).to_be_visible()
    expect(preview.get_by_text("→ 105 kg")).to_be_visible()  # 75 % of 140 kg
    expect(preview.get_by_text("→ 175 W")).to_be_visible()  # 70 % of 250 W
    expect(preview.get_by_text("Warm-up")).to_be_visible()
    expect(preview.get_by_text("3 × 8–10 @ RPE 7.5")).to_be_visible()  # the rep range, whole

    # A mistake is shown at its line and word, and nothing can be lost by it.
    text.press("Control+Home")
    text.press("ArrowDown")
    text.press("End")
    text.press_sequentially(" heavy", delay=20)
    expect(preview.get_by_text("1 problem: nothing will be saved")).to_be_visible()
    # Following the error selects its word in the text.
    preview.get_by_role("link", name="Line 2").click()
    expect(text).to_be_focused()
    selected = text.evaluate("t => t.value.slice(t.selectionStart, t.selectionEnd)")
    assert selected == "heavy"
    text.press("End")
    for _ in " heavy":
        text.press("Backspace")
    expect(preview.get_by_role("heading", name="4 sessions")).to_be_visible()
    actions += 1  # the detour, counted

    if width == 375:
        text.press("Tab")  # the keyboard's way: Save week is the next control
        expect(page.get_by_role("button", name="Save week")).to_be_focused()
        page.keyboard.press("Enter")
    else:
        page.get_by_role("button", name="Save week").click()
    actions += 1

    expect(page.get_by_text("Saved 4 sessions from text.")).to_be_visible()
    expect(page.locator("article.session")).to_have_count(4)
    expect(page.locator("#builder strong", has_text="Long ride")).to_be_visible()
    assert actions <= 12
    plan = TrainingPlan.objects.get(athlete=athlete, status=PlanStatus.ACTIVE)
    assert plan.sessions.count() == 4
