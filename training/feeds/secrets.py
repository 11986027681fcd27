"""Secret calendar URLs: make, show again, look up and revoke them (audited).

The URL's secret is the credential: whoever has it reads the feed, no sign-in. It is never
stored. It is an HMAC of the feed's random id with SECRET_KEY, so the person's page can show
it again (a calendar app takes it once, a second device wants it later), and the database
holds only its SHA-256 digest (accounts.tokens.hash_secret, as for API tokens), unique and
indexed: a leaked backup alone opens no feed, and a presented secret is found by one indexed
equality, never by comparing secrets. Revoking marks the row, and the lookup only sees live
rows: the old URL is a 404 at once.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

import audit
from accounts.models import User
from accounts.tokens import hash_secret
from training.feeds.models import CalendarFeed

SALT = "training.CalendarFeed"


def _secret(feed: CalendarFeed, key: str) -> str:
    return salted_hmac(SALT, str(feed.pk), secret=key, algorithm="sha256").hexdigest()


def secret_of(feed: CalendarFeed) -> str | None:
    """The feed's secret, worked out again; with a rotated SECRET_KEY the old key (kept in
    SECRET_KEY_FALLBACKS) still gives it. None when no key does: the URL still works for the
    apps that have it, but cannot be shown; a new one can be made."""
    for key in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
        secret = _secret(feed, key)
        if hash_secret(secret) == feed.digest:
            return secret
    return None


def live_feed(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_for_secret(secret: str) -> CalendarFeed | None:
    """The live feed a URL's secret opens, with its owner's profile, in one query."""
    return (
        CalendarFeed.objects.select_related("user__athlete", "user__coach")
        .filter(digest=hash_secret(secret), revoked_at__isnull=True)
        .first()
    )


def _revoke(feed: CalendarFeed, request, reason: str, by: User | None = None) -> None:
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit.record(
        "calendar_feed_revoke", by or feed.user, entity=feed, request=request, reason=reason
    )


@transaction.atomic
def new_feed(*, user: User, request=None) -> CalendarFeed:
    """A new secret URL for the person; the one they had, if any, stops working now.

    The person's row is locked so two clicks at once cannot leave two live feeds (the
    partial unique constraint would refuse the second anyway)."""
    User.objects.select_for_update().filter(pk=user.pk).exists()
    previous = live_feed(user)
    if previous is not None:
        _revoke(previous, request, reason="replaced")
    feed = CalendarFeed(user=user)
    feed.digest = hash_secret(_secret(feed, settings.SECRET_KEY))
    feed.save()
    audit.record("calendar_feed_create", user, entity=feed, request=request)
    return feed


@transaction.atomic
def revoke_feed(*, user: User, by: User | None = None, request=None) -> bool:
    """Turn the person's calendar URL off; False when they had none. `by` is the admin who
    did it, when it was not the person themself."""
    User.objects.select_for_update().filter(pk=user.pk).exists()
    feed = live_feed(user)
    if feed is None:
        return False
    _revoke(feed, request, reason="turned_off" if by is None else "turned_off_by_admin", by=by)
    return True
