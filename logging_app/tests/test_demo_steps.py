"""The demo's interval sessions (issue 13): a bike session and a track run with real steps,
valid, shown with the athlete's own targets, and planned for as long as their steps."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from training.builder import estimated_minutes
from training.models import TrainingSession
from training.prescription import Prescription

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo")


def test_the_bike_intervals_and_the_track_run_have_steps(demo):
    for focus, minutes in (("Bike intervals", 60), ("Track intervals", 34)):
        sessions = TrainingSession.objects.filter(focus=focus)
        assert sessions.count() == 10  # 5 athletes × 2 weeks
        for session in sessions:
            session.full_clean()
            plan = Prescription.of("endurance", session.prescription)
            assert plan.steps and plan.minutes == minutes
            # The stored estimate follows the builder's rule for endurance sessions.
            assert session.estimated_duration == estimated_minutes(plan)


def test_alex_sees_the_steps_with_concrete_targets(demo, client):
    alex = User.objects.get(email="alex@example.com")
    client.force_login(alex)
    page = client.get(reverse("logging_app:week")).content.decode()
    # Alex: FTP 250 → 105–110 % = 263–275 W; 5 km pace 270 s = 4:30 /km;
    # heart-rate zone 1 = 50 % of 190 … 60 % of 190 = 95–114 bpm.
    assert "3 min 105–110% FTP" in page and "263–275 W" in page
    assert "400 m at 5k pace" in page and "4:30 /km" in page
    assert "95–114 bpm" in page
    assert "about 34 min + 2.4 km" in page


def test_running_twice_keeps_the_steps(demo):
    before = list(TrainingSession.objects.order_by("pk").values_list("pk", "prescription"))
    call_command("seed_demo")
    assert list(TrainingSession.objects.order_by("pk").values_list("pk", "prescription")) == before
