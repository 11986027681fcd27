"""The week as the plan builder shows it: each session's card with its minutes and status.

Kept apart from the view so the rules are plain functions: what an endurance session stores
as its estimate (its prescribed duration, never a second number that can disagree with it),
and whether a session is done (a log exists) or missed (its day has passed in the athlete's
zone, no log).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils import dateformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from hybridpeaks.core.templatetags.site_links import url_of
from training.models import ESTIMATED_MINUTES_MAX
from training.prescription import Prescription


class Status(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"


def estimated_minutes(prescription) -> int | None:
    """What an endurance session stores as its estimated duration: the prescribed duration,
    or nothing when it lies outside the column's 1–300 minutes (a six-hour ride).
    `prescription` is an EndurancePrescription or its stored JSON."""
    minutes = Prescription.of("endurance", prescription).whole_minutes
    return minutes if minutes and minutes <= ESTIMATED_MINUTES_MAX else None


@dataclass(frozen=True)
class Card:
    view: object  # display.SessionView
    status: Status
    name: str  # the session's focus, else its type: "Lower body", "Endurance"
    edit_url: str
    actions_url: str

    @property
    def session(self):
        return self.view.session

    @property
    def minutes(self) -> int | None:
        return self.view.minutes


def card(view, *, today: date) -> Card:
    """`view.session` carries `logged` (selectors.week_plan annotates it); `today` is the
    athlete's local date, since a session is missed when the athlete's day has passed."""
    session = view.session
    if session.logged:
        status = Status.DONE
    elif session.date < today:
        status = Status.MISSED
    else:
        status = Status.PLANNED
    return Card(
        view=view,
        status=status,
        name=session.focus or session.get_type_display(),
        edit_url=url_of("training:edit_session", session.pk),
        actions_url=url_of("training:session_actions", session.pk),
    )


@dataclass(frozen=True)
class Day:
    """A column of the builder's week: the day written once for its heading, ids and links,
    and its cards."""

    date: date
    iso: str  # "2026-12-07": ids, links
    name: str  # "Monday"
    short: str  # "7 Dec"
    cards: list[Card]


def week_columns(monday: date, cards: list[Card]) -> list[Day]:
    """Monday to Sunday, each day with its cards (in the order given)."""
    dates = [monday + timedelta(days=offset) for offset in range(7)]
    return [
        Day(
            date=day,
            iso=day.isoformat(),
            name=dateformat.format(day, "l"),
            short=dateformat.format(day, "j M"),
            cards=[card for card in cards if card.session.date == day],
        )
        for day in dates
    ]


def day_picker(monday: date, selected: date) -> SafeString:
    """The <option>s of a session's move/copy day picker: the week's days (value: the ISO
    date, label: "Mon"), the session's own day chosen; escaped by format_html."""
    days = [monday + timedelta(days=offset) for offset in range(7)]
    return SafeString(
        "".join(
            format_html(
                '<option value="{}"{}>{}</option>',
                day.isoformat(),
                " selected" if day == selected else "",
                dateformat.format(day, "D"),
            )
            for day in days
        )
    )


def week_options(mondays) -> SafeString:
    """The <option>s of the builder's "Copy the week of" picker: value the ISO date, label
    "Mon 30 Nov 2026"; escaped by format_html_join."""
    return format_html_join(
        "",
        '<option value="{}">{}</option>',
        ((monday.isoformat(), dateformat.format(monday, "D j M Y")) for monday in mondays),
    )
