"""A person's published sessions as an iCalendar document (RFC 5545), drawn with `icalendar`.

The window is whole weeks: the week of the owner's today, the 2 before it and the 8 after
(WEEKS_BEFORE, WEEKS_AFTER). Each session is an all-day event on its date: the app knows how
many minutes an athlete has on a weekday, never at what time, and an all-day event needs no
time zone. The text is the pages' own (training.display): the title in a few words, the
lines with the targets worked out from the athlete's benchmarks, a link to the session.

An event's UID is the session's id, so an edited session updates its event. SEQUENCE is the
plan's version: every edit of a session bumps it, and a session never changes plan.
LAST-MODIFIED (and DTSTAMP, which means the same in a feed without METHOD) is the latest of
the session's own change and the athlete's newest benchmark, which changes its targets.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event, vDuration

from accounts.models import Athlete
from hybridpeaks.core.templatetags.site_links import url_of
from training.display import SessionView, session_title, session_view, text_lines
from training.models import SessionType
from training.selectors import exercise_names, monday_of, standing_weeks
from training.targets import Benchmarks

WEEKS_BEFORE, WEEKS_AFTER = 2, 8
# How often calendar apps are asked to fetch the feed again (those that listen: Apple,
# Thunderbird; Google and Outlook keep their own pace, hours to a day).
REFRESH = timedelta(hours=1)
UID_DOMAIN = "hybridpeaks"
PRODID = "-//HybridPeaks//Training calendar//EN"


@dataclass(frozen=True)
class FeedOwner:
    """Whose feed it is: the calendar's name and zone, and whether its reader coaches (a
    coach's events carry the athlete's name and link to the builder)."""

    name: str
    time_zone: str
    coach: bool


def window(today: date) -> list[date]:
    """The Mondays of the feed's weeks, oldest first."""
    this_monday = monday_of(today)
    return [this_monday + timedelta(weeks=n) for n in range(-WEEKS_BEFORE, WEEKS_AFTER + 1)]


@dataclass(frozen=True)
class FeedSession:
    athlete: Athlete
    view: SessionView
    revised: datetime  # the latest change to what the event says


def planned_sessions(athletes: list[Athlete], today: date) -> list[FeedSession]:
    """Every published session of the athletes in the window, by date, as the athlete's
    pages read them: the plans that stand (archived plans and drafts are not), targets from
    each athlete's benchmarks. Four queries whatever the number of athletes and sessions."""
    weeks = standing_weeks([a.pk for a in athletes], window(today), published_only=True)
    names = exercise_names([s for week in weeks.values() for s in week.sessions])
    by_id = {athlete.pk: athlete for athlete in athletes}
    indexes, planned = {}, []
    for (athlete_id, _), week in weeks.items():
        if athlete_id not in indexes:
            newest = max((b.updated_at for b in week.benchmarks), default=None)
            indexes[athlete_id] = (Benchmarks(week.benchmarks), newest)
        index, newest = indexes[athlete_id]
        for session in week.sessions:
            revised = max(session.updated_at, newest) if newest else session.updated_at
            view = session_view(session, index, names)
            planned.append(FeedSession(by_id[athlete_id], view, revised))
    planned.sort(key=lambda item: (item.view.session.date, item.athlete.name))
    return planned


def calendar_of(owner: FeedOwner, planned: list[FeedSession], site: str) -> bytes:
    """The feed's bytes: CRLF line ends, lines folded at 75 octets (icalendar does both).
    `site` is the absolute root of the links ("https://peaks.example.com")."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"HybridPeaks · {owner.name}")
    calendar.add("x-wr-timezone", owner.time_zone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    for item in planned:
        calendar.add_component(_event(item, owner, site))
    return calendar.to_ical()


def _event(item: FeedSession, owner: FeedOwner, site: str) -> Event:
    session, athlete = item.view.session, item.athlete
    title = session_title(item.view)
    if owner.coach:
        title = f"{athlete.name} — {title}"
        link = site + url_of("training:week", athlete.pk, session.plan.week_start_date)
    else:
        link = site + url_of("logging_app:log_session", session.pk)
    event = Event()
    event.add("uid", f"{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", item.revised)
    event.add("last-modified", item.revised)
    event.add("sequence", session.plan.version)
    event.add("dtstart", session.date)
    event.add("dtend", session.date + timedelta(days=1))
    event.add("summary", title)
    event.add("description", _description(item.view, owner, link))
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    return event


def _description(view: SessionView, owner: FeedOwner, link: str) -> str:
    session = view.session
    lines = [session.focus] if session.focus else []
    lines += text_lines(view, coach=owner.coach)
    if session.type == SessionType.STRENGTH and view.minutes:
        lines.append(f"About {view.minutes} min")
    lines += ["", f"Open in HybridPeaks: {link}"]
    return "\n".join(lines)
