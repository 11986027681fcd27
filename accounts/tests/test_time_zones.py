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


# --- Changing one's zone: the account page and the travel offer's "Switch" -----------------

CHANGE = reverse("accounts:change_time_zone")
ACCOUNT = reverse("accounts:account")


def test_the_account_page_shows_the_zone_selected(client):
    athlete = berlin_athlete()
    client.force_login(athlete.user)

    page = client.get(ACCOUNT).content.decode()

    assert '<option value="Europe/Berlin" selected>Europe/Berlin</option>' in page
    assert f'action="{CHANGE}"' in page


def test_switching_changes_the_profile_audits_it_and_returns(client):
    from audit.models import AuditLog

    athlete = berlin_athlete()
    bystander = berlin_athlete()
    client.force_login(athlete.user)

    response = client.post(
        CHANGE, {"time_zone": "America/New_York", "next": "/today/week/?x=1"}, follow=True
    )

    assert response.redirect_chain == [("/today/week/?x=1", 302)]
    athlete.user.refresh_from_db()
    bystander.user.refresh_from_db()
    assert athlete.user.time_zone == "America/New_York"
    assert bystander.user.time_zone == "Europe/Berlin"
    entry = AuditLog.objects.get(action="change_time_zone")
    assert entry.user == athlete.user and entry.entity_id == athlete.user.pk
    assert entry.metadata == {"old": "Europe/Berlin", "new": "America/New_York"}
    assert "Your time zone is now America/New York." in response.content.decode()


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", ""])
def test_switching_never_leaves_the_site(client, unsafe):
    client.force_login(berlin_athlete().user)

    response = client.post(CHANGE, {"time_zone": "Asia/Tokyo", "next": unsafe})

    assert response.status_code == 302 and response["Location"] == ACCOUNT


def test_the_same_zone_is_not_a_change(client):
    from audit.models import AuditLog

    client.force_login(berlin_athlete().user)
    client.post(CHANGE, {"time_zone": "Europe/Berlin"})

    assert not AuditLog.objects.filter(action="change_time_zone").exists()


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "<script>"])
def test_a_zone_we_do_not_know_is_refused_beside_the_field(client, zone):
    athlete = berlin_athlete()
    client.force_login(athlete.user)

    response = client.post(CHANGE, {"time_zone": zone})

    assert response.status_code == 422
    page = response.content.decode()
    assert "Time zone" in page
    assert ("is not a time zone we know" if zone else "This field is required") in page
    athlete.user.refresh_from_db()
    assert athlete.user.time_zone == "Europe/Berlin"


def test_anonymous_visitors_cannot_switch(client):
    response = client.post(CHANGE, {"time_zone": "Asia/Tokyo"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(CHANGE).status_code in (302, 405)


def test_the_travel_offer_is_on_every_signed_in_page_and_hidden_until_needed(client):
    athlete = berlin_athlete()
    client.force_login(athlete.user)

    page = client.get(reverse("logging_app:history")).content.decode()

    assert 'data-zone-offer data-profile-zone="Europe/Berlin"' in page
    assert "hidden>" in page.split("data-zone-offer", 1)[1].split("\n", 1)[0]
    assert 'name="next" value="/today/history/"' in page


def test_the_signup_forms_ask_the_device_for_its_zone_only_when_fresh(client):
    signup = reverse("accounts:signup")

    fresh = client.get(signup).content.decode()
    refused = client.post(signup, {"time_zone": "Asia/Tokyo"}).content.decode()

    assert "data-browser-zone" in fresh and "js/timezone.js" in fresh
    assert "data-browser-zone" not in refused  # a re-shown form keeps what the person chose
    assert '<option value="Asia/Tokyo" selected>' in refused


def test_the_invitation_form_asks_the_device_too(client):
    from accounts.invitations import token_for
    from accounts.services import create_invitation

    invitation = create_invitation(coach=CoachFactory())
    url = reverse("accounts:accept_invitation", args=[token_for(invitation)])

    page = client.get(url).content.decode()

    assert 'name="time_zone"' in page and "data-browser-zone" in page
    assert "js/timezone.js" in page
