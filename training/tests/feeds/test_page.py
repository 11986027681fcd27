"""The page that shows a person's calendar URL, and the secrets behind it: made, shown again,
replaced and turned off (audited), stored only as a digest."""

import json

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory
from audit.models import AuditLog
from training.feeds import secrets
from training.models import CalendarFeed

pytestmark = pytest.mark.django_db

PAGE, NEW, OFF = (reverse(f"calendar:{name}") for name in ("page", "new", "off"))


@pytest.fixture
def athlete_client(client):
    athlete = AthleteFactory(name="Alex Kim")
    client.force_login(athlete.user)
    client.athlete = athlete
    return client


def actions(user) -> list[tuple[str, dict | None]]:
    entries = AuditLog.objects.filter(user=user).order_by("created_at")
    return [(e.action, e.metadata) for e in entries if e.action.startswith("calendar_feed")]


def test_without_a_url_the_page_offers_to_make_one(athlete_client):
    response = athlete_client.get(PAGE)

    assert response.status_code == 200
    assert b"Make my calendar URL" in response.content
    assert b'id="feed-url"' not in response.content


def test_making_a_url_shows_it_in_https_and_webcal_and_audits_it(athlete_client):
    made = athlete_client.post(NEW)
    page = athlete_client.get(made["Location"], secure=True).text

    feed = CalendarFeed.objects.get(user=athlete_client.athlete.user)
    path = reverse("calendar:feed", args=[secrets.secret_of(feed)])
    assert f'value="https://testserver{path}"' in page
    assert f'href="webcal://testserver{path}"' in page
    assert "Calendar URL made." in page
    assert '<label for="feed-url">' in page and 'data-copy="feed-url"' in page
    assert actions(athlete_client.athlete.user) == [("calendar_feed_create", None)]
    # Shown again, the same URL: a second device can copy it.
    assert f'value="https://testserver{path}"' in athlete_client.get(PAGE, secure=True).text


def test_a_new_url_replaces_the_old_one_at_once(athlete_client):
    athlete_client.post(NEW)
    old = secrets.live_feed(athlete_client.athlete.user)
    old_path = reverse("calendar:feed", args=[secrets.secret_of(old)])

    response = athlete_client.post(NEW, follow=True)

    assert "New calendar URL made. The old one no longer works." in response.text
    assert athlete_client.get(old_path).status_code == 404
    new = secrets.live_feed(athlete_client.athlete.user)
    assert new.pk != old.pk and secrets.secret_of(new) in response.text
    assert actions(athlete_client.athlete.user) == [
        ("calendar_feed_create", None),
        ("calendar_feed_revoke", {"reason": "replaced"}),
        ("calendar_feed_create", None),
    ]


def test_turning_it_off_ends_the_feed_and_offers_a_new_one(athlete_client):
    athlete_client.post(NEW)
    path = reverse(
        "calendar:feed", args=[secrets.secret_of(secrets.live_feed(athlete_client.athlete.user))]
    )

    response = athlete_client.post(OFF, follow=True)

    assert "Calendar URL turned off." in response.text and "Make my calendar URL" in response.text
    assert athlete_client.get(path).status_code == 404
    assert actions(athlete_client.athlete.user)[-1] == (
        "calendar_feed_revoke", {"reason": "turned_off"},
    )  # fmt: skip
    # Nothing to turn off: nothing happens, nothing is audited.
    athlete_client.post(OFF)
    assert len(actions(athlete_client.athlete.user)) == 2


def test_a_coach_has_a_feed_of_their_own(client):
    coach = CoachFactory()
    client.force_login(coach.user)

    response = client.post(NEW, follow=True)

    assert "your athletes" in response.text
    assert CalendarFeed.objects.filter(user=coach.user, revoked_at=None).count() == 1


def test_the_database_holds_a_digest_never_the_secret(athlete_client, db_rejects):
    feed = secrets.new_feed(user=athlete_client.athlete.user)
    secret = secrets.secret_of(feed)

    assert len(secret) == 64 and feed.digest != secret
    stored = json.dumps(list(CalendarFeed.objects.values()), default=str)
    assert secret not in stored
    assert secrets.feed_for_secret(secret) == feed
    with db_rejects("one_live_calendar_feed_per_user"):
        CalendarFeed.objects.create(user=athlete_client.athlete.user, digest="0" * 64)


def test_after_a_key_rotation_the_url_is_shown_while_the_old_key_is_a_fallback(
    athlete_client, settings
):
    feed = secrets.new_feed(user=athlete_client.athlete.user)
    secret = secrets.secret_of(feed)
    old_key = settings.SECRET_KEY

    with override_settings(SECRET_KEY="a-new-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[old_key]):
        assert secrets.secret_of(feed) == secret
    with override_settings(SECRET_KEY="a-new-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[]):
        assert secrets.secret_of(feed) is None
        athlete_client.force_login(athlete_client.athlete.user)  # sessions are signed too
        page = athlete_client.get(PAGE).text
        assert "cannot be shown again" in page and 'id="feed-url"' not in page
        # The apps that have it still read it: the lookup needs no key.
        assert athlete_client.get(reverse("calendar:feed", args=[secret])).status_code == 200


def test_the_page_reads_in_a_few_queries(athlete_client, django_assert_max_num_queries):
    athlete_client.post(NEW)
    # The session, the user, the feed (a coach's or athlete's profile is joined to the user).
    with django_assert_max_num_queries(5):
        assert athlete_client.get(PAGE).status_code == 200


def test_the_account_page_links_to_it(athlete_client):
    assert f'href="{PAGE}"' in athlete_client.get(reverse("accounts:account")).text


def test_the_data_export_lists_the_calendar_urls_but_not_their_secrets(athlete_client):
    feed = secrets.new_feed(user=athlete_client.athlete.user)
    secrets.new_feed(user=athlete_client.athlete.user)

    document = athlete_client.get(reverse("accounts:export_data")).json()

    assert [feed["revokedAt"] is None for feed in document["calendarFeeds"]] == [True, False]
    assert secrets.secret_of(feed) not in json.dumps(document)


def test_an_admin_turns_a_leaked_url_off(client, athlete_client):
    feed = secrets.new_feed(user=athlete_client.athlete.user)
    path = reverse("calendar:feed", args=[secrets.secret_of(feed)])
    admin_user = UserFactory(is_staff=True, is_superuser=True, role="coach")
    client.force_login(admin_user)
    changelist = reverse("admin:training_calendarfeed_changelist")

    assert secrets.secret_of(feed) not in client.get(changelist).text
    client.post(changelist, {"action": "turn_off", "_selected_action": [feed.pk]})

    assert client.get(path).status_code == 404
    entry = AuditLog.objects.get(action="calendar_feed_revoke")
    assert entry.user == admin_user and entry.metadata == {"reason": "turned_off_by_admin"}
