"""The endurance editor keeps a session's interval steps (issue 13): changing its other
fields never drops them, and a stepped session may leave its duration and intensity to them."""

import pytest
from django.urls import reverse

from training.tests.builder.posts import MONDAY, week_url
from training.tests.builder.test_endurance_editor import endurance_post
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

STEPS = [
    {"kind": "warmup", "duration": {"value": 15, "unit": "minutes"},
     "intensity": {"type": "heart_rate_zone", "zone": 1}},
    {"repeat": 5, "steps": [
        {"kind": "work", "duration": {"value": 3, "unit": "minutes"},
         "intensity": {"type": "ftp_percent", "value": 105, "valueTo": 110}},
        {"kind": "recovery", "duration": {"value": 2, "unit": "minutes"},
         "intensity": {"type": "heart_rate_zone", "zone": 1}},
    ]},
    {"kind": "cooldown", "duration": {"value": 10, "unit": "minutes"},
     "intensity": {"type": "heart_rate_zone", "zone": 1}},
]  # fmt: skip


def stepped_session(plan, **prescription):
    return TrainingSessionFactory(
        plan=plan,
        date=MONDAY,
        focus="Intervals",
        estimated_duration=50,
        prescription={"modality": "bike", "steps": STEPS, **prescription},
    )


def edit(client, session, plan, **fields):
    plan.refresh_from_db()
    url = reverse("training:edit_session", args=[session.pk])
    return client.post(url, endurance_post(plan, focus="Hard intervals", **fields))


def test_editing_a_stepped_session_s_other_fields_keeps_its_steps(coach_client, plan):
    session = stepped_session(plan, duration={"value": 50, "unit": "minutes"},
                              intensity={"type": "heart_rate_zone", "zone": 3})  # fmt: skip
    response = edit(coach_client, session, plan, modality="bike", duration_value="55")
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.focus == "Hard intervals"
    assert session.prescription["steps"] == STEPS
    assert session.prescription["duration"] == {"value": 55, "unit": "minutes"}


def test_a_stepped_session_may_leave_duration_and_intensity_to_its_steps(coach_client, plan):
    session = stepped_session(plan)
    page = coach_client.get(reverse("training:edit_session", args=[session.pk])).content.decode()
    assert "From the steps" in page
    response = edit(
        coach_client, session, plan, modality="bike", duration_value="", intensity_type=""
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.prescription == {"modality": "bike", "steps": STEPS}
    assert session.estimated_duration == 50  # 15 + 5 × (3 + 2) + 10, from the steps


def test_a_session_without_steps_still_needs_its_duration(coach_client, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    response = edit(coach_client, session, plan, duration_value="")
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.focus != "Hard intervals"


def test_the_builder_week_lists_the_steps_with_targets(
    coach_client, athlete, plan, django_assert_max_num_queries
):
    stepped_session(plan)
    with django_assert_max_num_queries(12):  # the builder's budget (DESIGN.md)
        page = coach_client.get(week_url(athlete)).content.decode()
    assert "Endurance · 50 min" in page
    assert 'Warm-up</span> <span class="rx">15 min Z1' in page
    assert "5 ×" in page and "3 min 105–110% FTP" in page
    assert "needs FTP" in page
