"""The text mode's preview warns, as the builder does, where the typed week falls outside the
athlete's stated availability (training.availability.clashes)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Availability
from training.tests.text.conftest import MONDAY
from training.tests.text.test_parse_week import ISSUE_WEEK

pytestmark = pytest.mark.django_db


def test_the_preview_names_days_outside_the_availability(client, athlete):
    Availability.objects.create(
        athlete=athlete, minutes_by_weekday=[60, 0, 0, 60, 0, 120, 0], has_gym=False
    )
    client.force_login(athlete.coach.user)
    url = reverse("training:preview_text", args=[athlete.pk, MONDAY.isoformat()])

    page = client.post(url, {"text": ISSUE_WEEK}, headers={"HX-Request": "true"}).content.decode()

    name = athlete.name
    assert f"Outside {name}’s availability" in page
    assert "cannot train on Tuesdays." in page  # "Tue Easy run"
    assert f"Lower body has lifts at %1RM, and {name} has no gym." in page
    saturday = MONDAY + timedelta(days=5)
    assert f"Saturday {saturday:%-d %b}: 150 min planned, {name} has 120 min that day." in page
