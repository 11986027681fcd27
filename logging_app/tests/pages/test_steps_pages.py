"""A stepped endurance session on the athlete's pages (issue 13): today's card and the log
form's planned header list the steps with the athlete's own targets, the form starts from the
steps' minutes, and the pages' query budgets hold."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from logging_app.tests.pages.links import log_url
from training.tests.factories import BenchmarkFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

Z1 = {"type": "heart_rate_zone", "zone": 1}
TRACK = {
    "modality": "run",
    "steps": [
        {"kind": "warmup", "duration": {"value": 15, "unit": "minutes"}, "intensity": Z1},
        {"repeat": 6, "steps": [
            {"kind": "work", "distance": {"value": 400, "unit": "meters"},
             "intensity": {"type": "race_pace", "race": "5k"}},
            {"kind": "recovery", "duration": {"value": 90, "unit": "seconds"}, "intensity": Z1},
        ]},
        {"kind": "cooldown", "duration": {"value": 10, "unit": "minutes"}, "intensity": Z1},
    ],
}  # fmt: skip


@pytest.fixture
def track(plan, today):
    return TrainingSessionFactory(
        plan=plan, date=today, focus="Track", estimated_duration=34, prescription=TRACK
    )


def test_today_lists_the_steps_with_targets(athlete_client, athlete, track):
    BenchmarkFactory(athlete=athlete, metric_type="pace_5k", value=Decimal(270), exercise=None)
    page = athlete_client.get(reverse("logging_app:today")).content.decode()
    assert "about 34 min + 2.4 km" in page
    assert "400 m at 5k pace" in page and "→ 4:30 /km" in page  # the 270 s/km benchmark
    # No heart-rate bounds yet: the steps say so rather than hide.
    assert "Zone 1 (no heart-rate zone 1 and 5 upper bounds yet)" in page


def test_the_log_form_shows_the_plan_and_starts_from_the_steps_minutes(athlete_client, track):
    page = athlete_client.get(log_url(track)).content.decode()
    assert 'aria-label="Planned"' in page and "Cool-down" in page and "6 ×" in page
    assert 'name="actualData.duration.value" value="34"' in page


def test_a_stepped_session_keeps_the_pages_query_budgets(
    athlete_client, track, django_assert_max_num_queries
):
    # Budgets as for any session (DESIGN.md): the steps are read from the row already loaded.
    with django_assert_max_num_queries(8):
        assert athlete_client.get(reverse("logging_app:today")).status_code == 200
    with django_assert_max_num_queries(8):
        assert athlete_client.get(log_url(track)).status_code == 200


def test_another_athlete_s_stepped_session_is_404(client, track):
    other = AthleteFactory()
    client.force_login(other.user)
    assert client.get(log_url(track)).status_code == 404
