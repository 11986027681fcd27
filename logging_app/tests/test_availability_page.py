"""The athlete states when they can train; the coach sees it and is warned in the builder."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Availability
from accounts.tests.factories import AthleteFactory
from training.tests.builder.posts import MONDAY
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

URL = reverse("logging_app:availability")


def form(*minutes, gym=True) -> dict:
    data = {f"day_{index}": "" if m is None else str(m) for index, m in enumerate(minutes)}
    return {**data, **({"has_gym": "on"} if gym else {})}


@pytest.fixture
def athlete():
    return AthleteFactory(name="Alex")


def test_the_athlete_states_days_minutes_and_gym(client, athlete):
    client.force_login(athlete.user)
    assert client.get(URL).status_code == 200

    response = client.post(URL, form(60, None, 45, 0, 60, 120, None, gym=False), follow=True)

    assert "Availability saved" in response.content.decode()
    stated = Availability.objects.get(athlete=athlete)
    assert stated.minutes_by_weekday == [60, 0, 45, 0, 60, 120, 0]
    assert stated.has_gym is False
    page = client.get(URL).content.decode()
    assert 'name="day_0" value="60"' in page and 'name="day_1"' in page


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ((60, 2000, 0, 0, 0, 0, 0), "Tuesday: must be a whole number 0–1440."),
        ((60, -5, 0, 0, 0, 0, 0), "Tuesday: must be a whole number 0–1440."),
        (("lots", 0, 0, 0, 0, 0, 0), "Monday: must be a whole number 0–1440."),
    ],
)
def test_a_wrong_day_is_named_and_nothing_stored_changes(client, athlete, minutes, message):
    Availability.objects.create(athlete=athlete, minutes_by_weekday=[30] * 7, has_gym=True)
    client.force_login(athlete.user)

    response = client.post(URL, form(*minutes))

    assert response.status_code == 422
    assert message in response.content.decode()
    assert Availability.objects.get(athlete=athlete).minutes_by_weekday == [30] * 7


def test_only_athletes_have_the_page(client, athlete):
    client.force_login(athlete.coach.user)
    assert client.get(URL).status_code == 403


def test_the_coach_sees_it_and_the_builder_warns(client, athlete, django_assert_max_num_queries):
    Availability.objects.create(
        athlete=athlete, minutes_by_weekday=[60, 0, 45, 0, 60, 120, 0], has_gym=True
    )
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=1))  # a Tuesday
    client.force_login(athlete.coach.user)

    page = client.get(reverse("training:athlete", args=[athlete.pk])).content.decode()
    assert "Mon 60 min, Wed 45 min, Fri 60 min, Sat 120 min; a gym." in page
    with django_assert_max_num_queries(8):
        builder = client.get(reverse("training:week", args=[athlete.pk, MONDAY.isoformat()]))
    html = builder.content.decode()
    assert "Outside Alex’s availability" in html
    assert "Tuesday 1 Dec: Alex cannot train on Tuesdays." in html


def test_a_builder_without_stated_availability_says_nothing(client, athlete):
    client.force_login(athlete.coach.user)
    html = client.get(reverse("training:week", args=[athlete.pk, MONDAY.isoformat()])).content
    assert "availability" not in html.decode().lower()
