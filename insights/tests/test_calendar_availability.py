"""The calendar warns where weeks to come fall outside the athlete's stated availability (the
builder's rule, training.availability.clashes); weeks that have ended are history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Availability
from accounts.tests.factories import AthleteFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_the_month_names_sessions_outside_the_availability_of_weeks_to_come(client):
    athlete = AthleteFactory(name="Alex")
    Availability.objects.create(athlete=athlete, minutes_by_weekday=[0] * 7, has_gym=True)
    this_monday = monday_of(timezone.localdate(timezone=athlete.user.zoneinfo))
    ahead = TrainingPlanFactory(athlete=athlete, week_start_date=this_monday + timedelta(weeks=1))
    TrainingSessionFactory(plan=ahead, date=ahead.week_start_date)
    ended = TrainingPlanFactory(athlete=athlete, week_start_date=this_monday - timedelta(weeks=1))
    ended_session = TrainingSessionFactory(plan=ended, date=ended.week_start_date)
    client.force_login(athlete.coach.user)

    def month_of(day):
        url = reverse("training:calendar_month", args=[athlete.pk, day.year, day.month])
        return client.get(url).content.decode()

    coming, past = month_of(ahead.week_start_date), month_of(ended.week_start_date)

    assert "Outside Alex’s availability" in coming
    assert f"Monday {ahead.week_start_date:%-d %b}: Alex cannot train on Mondays." in coming
    assert f'data-session-id="{ended_session.pk}"' in past or str(ended_session.pk) in past
    assert f"Monday {ended.week_start_date:%-d %b}:" not in past
