"""Every time a person sees is on their own clock; a coach sees an athlete's on the athlete's.

Times are fixed in UTC and read back through the pages, so a missing zone shows up as the
UTC hour.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def berlin_athlete(**kwargs):
    return AthleteFactory(user__time_zone="Europe/Berlin", **kwargs)


def log_at(athlete, moment):
    monday = moment.date() - timedelta(days=moment.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=moment.date())
    return WorkoutLogFactory(session=session, athlete=athlete, completed_at=moment)


@pytest.fixture
def winter_evening():
    """17:30 UTC, 18:30 in Berlin (CET), a few days ago."""
    day = timezone.now().date() - timedelta(days=3)
    return datetime(day.year, day.month, day.day, 17, 30, tzinfo=UTC)


def test_history_and_log_detail_show_the_athletes_own_time(client, winter_evening):
    athlete = berlin_athlete()
    log = log_at(athlete, winter_evening)
    berlin = timezone.localtime(winter_evening, athlete.user.zoneinfo).strftime("%H:%M")
    client.force_login(athlete.user)
    history = client.get(reverse("logging_app:history")).content.decode()
    detail = client.get(reverse("logging_app:log_detail", args=[log.pk])).content.decode()
    assert berlin in history and "17:30" not in history
    assert berlin in detail and "17:30" not in detail


def test_a_tokyo_athlete_reads_the_next_morning(client):
    athlete = AthleteFactory(user__time_zone="Asia/Tokyo")
    moment = (timezone.now() - timedelta(days=2)).replace(hour=22, minute=5, second=0)
    log_at(athlete, moment)
    client.force_login(athlete.user)
    page = client.get(reverse("logging_app:history")).content.decode()
    tokyo = timezone.localtime(moment, athlete.user.zoneinfo)
    assert f"{tokyo:%H:%M}" == "07:05"
    assert "07:05" in page and "22:05" not in page


def test_summary_generated_time_is_the_athletes_and_labelled_for_the_coach(client, winter_evening):
    coach = CoachFactory(user__time_zone="America/New_York")
    athlete = berlin_athlete(coach=coach)
    monday = winter_evening.date() - timedelta(days=winter_evening.weekday() + 7)
    summary = WeeklySummaryFactory(
        plan=TrainingPlanFactory(athlete=athlete, week_start_date=monday),
        generated_at=winter_evening,
    )
    berlin = timezone.localtime(winter_evening, athlete.user.zoneinfo).strftime("%H:%M")
    week_end = summary.week_end_date.isoformat()

    client.force_login(athlete.user)
    own = client.get(reverse("insights:my_summary", args=[week_end])).content.decode()
    assert f"{berlin}</time>." in own  # no label on one's own page

    client.force_login(coach.user)
    url = reverse("insights:athlete_summary", args=[athlete.pk, week_end])
    page = client.get(url).content.decode()
    assert f'{berlin}</time> <small class="zone-label">Europe/Berlin</small>' in page
    assert "12:30" not in page  # the coach's New York clock is not used for her times


def test_a_coachs_own_times_are_on_the_coachs_clock(client, winter_evening):
    from accounts.models import Invitation

    coach = CoachFactory(user__time_zone="Asia/Kolkata")
    invitation = Invitation.objects.create(
        coach=coach, expires_at=winter_evening + timedelta(days=14)
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=winter_evening)
    client.force_login(coach.user)
    page = client.get(reverse("accounts:invitations")).content.decode()
    assert "23:00" in page and "17:30" not in page  # UTC+5:30


def test_the_zone_does_not_outlive_the_request(client):
    athlete = AthleteFactory(user__time_zone="Pacific/Auckland")
    client.force_login(athlete.user)
    client.get(reverse("logging_app:history"))
    assert timezone.get_current_timezone_name() == "UTC"
    client.logout()
    client.get(reverse("accounts:login"))
    assert timezone.get_current_timezone_name() == "UTC"
