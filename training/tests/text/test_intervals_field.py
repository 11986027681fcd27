"""The endurance editor's Intervals field: steps typed in the text syntax, read by the same
parser, errors beside the field, and a stored session's steps printed back into it."""

import pytest
from django.urls import reverse

from training.tests.builder.posts import MONDAY
from training.tests.builder.test_endurance_editor import endurance_post
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db
INTERVALS = "15min Z1, 5x(3min 105% FTP, 2min Z1), 10min Z1"


@pytest.fixture
def week(athlete):
    return TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


def new_url(plan):
    return reverse("training:new_session", args=[plan.pk]) + "?type=endurance"


def test_typed_intervals_are_stored_as_steps_and_may_stand_for_duration_and_intensity(
    coach_client, week
):
    data = endurance_post(
        week, modality="bike", intervals=INTERVALS, duration_value="", intensity_type=""
    )
    assert coach_client.post(new_url(week), data).status_code == 302
    session = week.sessions.get()
    steps = session.prescription["steps"]
    assert [s.get("kind") or s["repeat"] for s in steps] == ["warmup", 5, "cooldown"]
    assert "duration" not in session.prescription and "intensity" not in session.prescription
    assert session.estimated_duration == 50


def test_an_error_in_the_intervals_is_shown_beside_the_field(coach_client, week):
    data = endurance_post(week, intervals="15min Z1, 5x(3min 105%, 2min Z1)")
    response = coach_client.post(new_url(week), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Column 19, “105%”: a percentage of what? Write it as 70% FTP" in page
    assert not week.sessions.exists()


def test_a_stepped_session_s_steps_print_back_into_the_field_and_can_be_removed(coach_client, week):
    session = TrainingSessionFactory(
        plan=week,
        prescription={"modality": "bike", "duration": {"value": 50, "unit": "minutes"},
                      "intensity": {"type": "heart_rate_zone", "zone": 2}, "steps": []},
    )  # fmt: skip
    session.prescription["steps"] = [
        {"kind": "work", "duration": {"value": 20, "unit": "minutes"},
         "intensity": {"type": "ftp_percent", "value": 88, "valueTo": 94}},
    ]  # fmt: skip
    session.save()
    edit = reverse("training:edit_session", args=[session.pk])
    page = coach_client.get(edit).content.decode()
    assert ">\nwork 20min 88-94% FTP</textarea>" in page
    week.refresh_from_db()
    data = endurance_post(week, modality="bike", duration_value="50", intervals="")
    assert coach_client.post(edit, data).status_code == 302
    session.refresh_from_db()
    assert "steps" not in session.prescription
