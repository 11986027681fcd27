"""The endurance editor: minutes follow the duration; only the chosen intensity counts."""

import pytest
from django.urls import reverse

from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    new_session_url,
)
from training.tests.factories import (
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db


def endurance_post(plan, **fields):
    return {
        "version": plan.version, "type": "endurance", "date": MONDAY.isoformat(),
        "focus": "", "modality": "run", "duration_value": "80", "duration_unit": "minutes",
        "distance_value": "", "distance_unit": "km", "intensity_type": "heart_rate_zone",
        "zone": "2", "ftp_percent": "", **fields,
    }  # fmt: skip


def test_endurance_minutes_follow_the_duration(coach_client, athlete, plan):
    page = coach_client.get(new_session_url(plan, "endurance")).content.decode()
    assert "Estimated minutes" not in page
    # A stale minutes value (an old form) is ignored: the duration decides.
    data = endurance_post(plan, estimated_duration="45")
    response = coach_client.post(new_session_url(plan, "endurance"), data, headers=HTMX)
    assert response.status_code == 200
    session = plan.sessions.get()
    assert session.estimated_duration == 80
    assert "Endurance · 80 min" in response.content.decode()
    assert "45 min" not in response.content.decode()


def test_endurance_minutes_of_a_duration_in_hours(coach_client, athlete, plan):
    data = endurance_post(plan, duration_value="1.5", duration_unit="hours")
    coach_client.post(new_session_url(plan, "endurance"), data)
    assert plan.sessions.get().estimated_duration == 90


def test_editing_the_duration_updates_the_minutes(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY, estimated_duration=45)
    data = endurance_post(plan, duration_value="80")
    response = coach_client.post(reverse("training:edit_session", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.estimated_duration == 80 and session.prescription["duration"]["value"] == 80


def test_the_unchosen_intensity_field_is_ignored(coach_client, athlete, plan):
    data = endurance_post(plan, intensity_type="heart_rate_zone", zone="3", ftp_percent="lots")
    assert coach_client.post(new_session_url(plan, "endurance"), data).status_code == 302
    assert plan.sessions.get().prescription["intensity"] == {"type": "heart_rate_zone", "zone": 3}
    plan.refresh_from_db()
    data = endurance_post(plan, intensity_type="ftp_percent", zone="x", ftp_percent="90")
    assert coach_client.post(new_session_url(plan, "endurance"), data).status_code == 302
    latest = plan.sessions.order_by("-created_at").first()
    assert latest.prescription["intensity"] == {"type": "ftp_percent", "value": 90.0}


def test_the_chosen_intensity_field_is_still_checked(coach_client, athlete, plan):
    data = endurance_post(plan, intensity_type="ftp_percent", zone="2", ftp_percent="lots")
    response = coach_client.post(new_session_url(plan, "endurance"), data)
    assert response.status_code == 422
    assert 'id="id_ftp_percent_error"><li>Enter a number.</li>' in response.content.decode()
    assert not plan.sessions.exists()
