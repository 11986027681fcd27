"""From a watch file to a matched log, on a phone (375 px): the athlete imports a FIT file
(built with Garmin's encoder) from Today, sees it matched to the day's run, unmatches it,
matches it to another run of the week, and keeps it. Screenshots go to E2E_SCREENSHOTS (the
system's temporary directory by default)."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from accounts.tests.factories import AthleteFactory
from e2e.test_athlete_offline import PHONE
from e2e.test_log_form import EMAIL, sign_in
from logging_app.imports.models import ImportedActivity
from logging_app.tests.fit_files import fit_activity
from logging_app.tests.imports.helpers import run_on
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory

SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", tempfile.gettempdir()))


def week_with_two_runs():
    """A Berlin athlete's week: an easy run on the day of a run that started two hours ago,
    and a tempo run on another day of that week."""
    athlete = AthleteFactory(user__email=EMAIL, user__time_zone="Europe/Berlin")
    started = timezone.now() - timedelta(hours=2)
    day = timezone.localdate(started, athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(day))
    easy = run_on(plan, day.weekday(), minutes=45, focus="Easy run")
    tempo = run_on(plan, 1 if day.weekday() == 0 else 0, minutes=40, focus="Tempo")
    return athlete, started, easy, tempo


@pytest.mark.django_db(transaction=True)
def test_a_watch_file_becomes_a_matched_log_then_rematched_and_kept(live_server, browser, tmp_path):
    _, started, easy, tempo = week_with_two_runs()
    run = tmp_path / "morning-run.fit"
    run.write_bytes(fit_activity(45 * 60, start=started, heart_rate=lambda s: 145))
    phone = browser.new_context(**PHONE, timezone_id="Europe/Berlin")
    page = phone.new_page()
    sign_in(page, live_server.url)

    page.get_by_role("link", name="Import from your watch").click()
    expect(page.get_by_role("heading", name="Import from your watch")).to_be_visible()
    page.get_by_label("Watch files").set_input_files(str(run))
    page.get_by_role("button", name="Import").click()

    easy_day = dateformat.format(easy.date, "l")
    outcomes = page.locator("#outcomes")
    expect(outcomes).to_contain_text(
        f"Matched: morning-run.fit: matched to {easy_day}'s run “Easy run”."
    )
    page.screenshot(path=SHOTS / "watch-import-batch-375.png", full_page=True)
    page.get_by_role("link", name="Check the matches").click()
    row = page.locator("article.import-row")
    expect(row.locator(".import-match")).to_have_text(f"Matched to {easy_day}'s run “Easy run”")

    row.get_by_role("button", name="Unmatch this import").click()
    expect(page.locator(".messages")).to_contain_text("Unmatched")
    expect(row.locator(".import-match")).to_have_text("Unplanned")

    tempo_day = dateformat.format(tempo.date, "l")
    row.get_by_label("Match to a session").select_option(str(tempo.pk))
    row.get_by_role("button", name="Re-match").click()
    expect(row.locator(".import-match")).to_have_text(f"Matched to {tempo_day}'s run “Tempo”")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    page.screenshot(path=SHOTS / "watch-import-open-375.png", full_page=True)

    # By keyboard: focus Keep and press Enter.
    row.get_by_role("button", name="Keep this import as it is").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Kept as it is.")
    expect(page.get_by_text("Nothing waiting.")).to_be_visible()

    imported = ImportedActivity.objects.select_related("log").get()
    assert imported.log.session_id == tempo.pk and imported.confirmed_at is not None
    assert imported.log.actual_data["avgHeartRate"] == 145
    phone.close()
