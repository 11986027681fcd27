"""From a planned session to a file on the watch, on a phone: the athlete taps 'Send to watch
(.fit)' on today's card, the browser downloads a FIT workout, and its steps are the plan's."""

from pathlib import Path

import pytest
from django.utils import timezone
from garmin_fit_sdk import Decoder, Stream
from playwright.sync_api import expect

from e2e.test_athlete_offline import PHONE
from e2e.test_log_form import berlin_week, sign_in


@pytest.mark.django_db(transaction=True)
def test_the_athlete_sends_todays_strength_session_to_the_watch(live_server, browser):
    athlete, strength, _ = berlin_week()
    phone = browser.new_context(**PHONE, accept_downloads=True)
    page = phone.new_page()
    sign_in(page, live_server.url)
    link = page.locator(f"article[data-session-id='{strength.pk}']").get_by_role(
        "link", name="Send to watch (.fit)"
    )
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb's target at 375 px
    with page.expect_download() as download_info:
        link.tap()
    download = download_info.value
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    assert download.suggested_filename == f"{today.isoformat()}-squat-and-pull.fit"
    data = bytearray(Path(download.path()).read_bytes())
    messages, errors = Decoder(Stream.from_byte_array(data)).read()
    assert errors == []
    assert messages["workout_mesgs"][0]["wkt_name"] == "Squat and pull"
    steps = messages["workout_step_mesgs"]
    # 5 × 5 Back Squat at 75 % of 120 kg = 90 kg, then 3 × 8 Pull-Ups at RPE 7 (no load).
    squats = [s for s in steps if s["wkt_step_name"] == "Back Squat"]
    pull_ups = [s for s in steps if s["wkt_step_name"] == "Pull-Up"]
    assert [(s["duration_reps"], s["exercise_weight"]) for s in squats] == [(5, 90.0)] * 5
    assert [s["duration_reps"] for s in pull_ups] == [8] * 3
    assert all("exercise_weight" not in s for s in pull_ups)
    phone.close()
