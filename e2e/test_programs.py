"""A coach writes a 3-week program as text (the issue's 5-session week, a rest week, an easy
week), applies it to two athletes from next Monday — replacing one athlete's planned week,
keeping (skipping) the other's — and finds the plans in the builder: at 1280 px and 375 px.
Writing and applying take ≤ 12 actions; applying an existing program takes 5."""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.tests.factories import AthleteFactory
from e2e.test_plan_builder import sign_in
from training.catalog import load_system_catalog
from training.models import PlanStatus, TrainingPlan
from training.tests.factories import (
    BenchmarkFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    this_monday,
)

PROGRAM = """\
Week 1
Mon Lower body ~60min
  Back squat 5x5 @75% rest 3min
  Romanian deadlift 3x8-10 @RPE7.5 tempo 3010
  Pull-up 4x8 @RPE8
Tue Easy run
  Run 45min Z2
Thu Track
  Run 15min Z1, 6x(400m @5k pace, 90s Z1), 10min Z1
Sat Long ride
  Bike 2h30 70% FTP
Week 2
Week 3
Wed Easy
  Run 30min Z2
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 375])
def test_coach_writes_a_program_and_applies_it_to_two_athletes(live_server, page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    load_system_catalog()
    alex = AthleteFactory(name="Alex Kim", coach__user__email="coach@example.com")
    blake = AthleteFactory(name="Blake Chen", coach=alex.coach)
    BenchmarkFactory(athlete=alex, metric_type="FTP", value=250)
    start = this_monday() + timedelta(weeks=1)
    for athlete, focus in ((alex, "Old plan"), (blake, "Keep me")):
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=start)
        TrainingSessionFactory(plan=plan, date=start, focus=focus)
    sign_in(page, live_server.url, "coach@example.com")

    actions = 0
    if width == 375:  # on a phone the header keeps four links; the roster links to Programs
        page.get_by_role("link", name="Programs: plan several athletes at once").click()
    else:
        page.get_by_role("link", name="Programs", exact=True).click()
    page.get_by_role("button", name="New program").click()
    page.get_by_label("Name").fill("Base block")
    page.get_by_label("The weeks").fill(PROGRAM)  # a paste
    actions += 4
    preview = page.locator("#preview")
    expect(preview.get_by_role("heading", name="3 weeks, 5 sessions")).to_be_visible()
    expect(preview.get_by_text("A rest week: no sessions.")).to_be_visible()
    page.get_by_role("button", name="Save program").click()
    actions += 1
    expect(page.get_by_text("Saved “Base block”: 3 weeks.")).to_be_visible()

    applying = 0
    page.get_by_role("link", name="Apply…").click()
    page.get_by_label("Alex Kim").check()
    page.get_by_label("Blake Chen").check()
    page.get_by_role("button", name="Preview").click()
    applying += 4
    alex_box = page.locator(f"#athlete-{alex.pk}")
    expect(alex_box.get_by_text("1 week already planned")).to_be_visible()
    expect(alex_box.locator("tbody tr")).to_have_count(3)
    alex_box.get_by_label("Replace planned weeks").check()
    applying += 1
    page.get_by_role("button", name="Apply", exact=True).click()
    applying += 1
    expect(page.get_by_text("Applied “Base block”")).to_be_visible()
    assert actions + applying <= 12

    # Alex: the program replaced the planned week (the old plan archived); it stays published,
    # as the plan it replaced was (create_plan's rule); the weeks after are drafts.
    page.goto(live_server.url + reverse("training:week", args=[alex.pk, start.isoformat()]))
    builder = page.locator("#builder")
    expect(builder.locator("strong", has_text="Lower body")).to_be_visible()
    expect(builder.locator("strong", has_text="Old plan")).to_have_count(0)
    expect(builder.get_by_text("Published — Alex Kim sees this plan")).to_be_visible()
    expect(builder.get_by_text("→ 175 W")).to_be_visible()  # 70 % of Alex's 250 W FTP
    # Blake: the planned week kept; the program's week 3 written.
    page.goto(live_server.url + reverse("training:week", args=[blake.pk, start.isoformat()]))
    expect(page.locator("#builder strong", has_text="Keep me")).to_be_visible()
    expect(page.locator("#builder strong", has_text="Lower body")).to_have_count(0)
    third = (start + timedelta(weeks=2)).isoformat()
    page.goto(live_server.url + reverse("training:week", args=[blake.pk, third]))
    expect(page.locator("#builder strong", has_text="Easy")).to_be_visible()
    expect(page.get_by_text("Draft — not visible to Blake Chen.")).to_be_visible()
    assert TrainingPlan.objects.filter(athlete=alex, status=PlanStatus.ARCHIVED).count() == 1
    assert TrainingPlan.objects.filter(athlete=blake, status=PlanStatus.ACTIVE).count() == 3
