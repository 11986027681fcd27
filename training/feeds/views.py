"""The calendar feed (the secret URL is the credential: no sign-in, no cookie) and the page
where its owner sees the URL, copies it, makes a new one or turns it off."""

import hashlib

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.http import require_GET, require_POST, require_safe

from accounts.permissions import athletes_visible_to, is_athlete, is_coach, person_required
from training.feeds import ical, secrets

CONTENT_TYPE = "text/calendar; charset=utf-8"


@require_safe
def feed(request, secret):
    """The owner's published sessions as iCalendar; 404 for a secret that opens no live feed
    (unknown, revoked, replaced, or its owner deactivated or without a profile)."""
    calendar_feed = secrets.feed_for_secret(secret)
    # A deactivated account's URL stops with its sign-in.
    user = calendar_feed.user if calendar_feed and calendar_feed.user.is_active else None
    if user is not None and is_coach(user):
        athletes = list(athletes_visible_to(user).only("name"))
        owner = ical.FeedOwner(f"{user.coach.name}'s athletes", user.time_zone, coach=True)
    elif user is not None and is_athlete(user):
        athletes = [user.athlete]
        owner = ical.FeedOwner(user.athlete.name, user.time_zone, coach=False)
    else:
        raise Http404
    today = timezone.localdate(timezone=user.zoneinfo)
    site = request.build_absolute_uri("/").removesuffix("/")
    body = ical.calendar_of(owner, ical.planned_sessions(athletes, today), site)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="hybridpeaks.ics"'
    # Whoever holds the URL may keep the answer, no shared cache; nor should a search engine.
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    # The same sessions draw the same bytes (DTSTAMP is their last change, not now): an app
    # asking again with the ETag it has gets a 304 until something changes.
    response["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    return get_conditional_response(request, etag=response["ETag"], response=response)


@person_required
@require_GET
def page(request):
    """The person's calendar URL (https, and webcal:// for apps that subscribe by a click),
    or the offer to make one."""
    calendar_feed = secrets.live_feed(request.user)
    secret = secrets.secret_of(calendar_feed) if calendar_feed else None
    url = request.build_absolute_uri(reverse("calendar:feed", args=[secret])) if secret else ""
    context = {
        "calendar_feed": calendar_feed,
        "url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1] if url else "",
        "coach": is_coach(request.user),
    }
    return render(request, "training/calendar_feed.html", context)


@person_required
@require_POST
def new_url(request):
    """Make the person's calendar URL, or replace it: the old one stops working at once."""
    replaced = secrets.live_feed(request.user) is not None
    secrets.new_feed(user=request.user, request=request)
    if replaced:
        messages.success(request, "New calendar URL made. The old one no longer works.")
    else:
        messages.success(request, "Calendar URL made. Add it to your calendar app.")
    return redirect("calendar:page")


@person_required
@require_POST
def turn_off(request):
    if secrets.revoke_feed(user=request.user, request=request):
        messages.success(request, "Calendar URL turned off. Calendars using it get nothing now.")
    return redirect("calendar:page")
