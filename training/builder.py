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
from django.utils.html import format_html
from django.utils.safestring import SafeString

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

    @property
    def session(self):
        return self.view.session

    @property
    def minutes(self) -> int | None:
        return self.view.minutes


def card(view, *, today: date) -> Card:
    """`view.session` carries `log_count` (selectors.week_plan annotates it); `today` is the
    athlete's local date, since a session is missed when the athlete's day has passed."""
    session = view.session
    if session.log_count:
        status = Status.DONE
    elif session.date < today:
        status = Status.MISSED
    else:
        status = Status.PLANNED
    return Card(view=view, status=status)


@dataclass(frozen=True)
class Day:
    """A column of the builder's week: the day written once for its heading, ids and links,
    the <option>s of the move/copy day picker of each of its sessions (this day selected),
    and its cards. Formatting the days once a page, not per session card and link, takes a
    third off the page's rendering."""

    date: date
    iso: str  # "2026-12-07": ids, links, the pickers' values
    name: str  # "Monday"
    short: str  # "7 Dec"
    picker: SafeString
    cards: list[Card]


def week_columns(monday: date, cards: list[Card]) -> list[Day]:
    """Monday to Sunday, each day with its cards (in the order given)."""
    dates = [monday + timedelta(days=offset) for offset in range(7)]
    isos = [day.isoformat() for day in dates]
    plain = _options(dates, isos, '<option value="{}">{}</option>')
    chosen = _options(dates, isos, '<option value="{}" selected>{}</option>')
    return [
        Day(
            date=day,
            iso=isos[n],
            name=dateformat.format(day, "l"),
            short=dateformat.format(day, "j M"),
            picker=_picker(plain, chosen, selected=n),
            cards=[card for card in cards if card.session.date == day],
        )
        for n, day in enumerate(dates)
    ]


def _options(dates, isos, template: str) -> list[SafeString]:
    """One <option> per day (value: the ISO date, label: "Mon"), escaped by format_html."""
    return [
        format_html(template, iso, dateformat.format(day, "D"))
        for day, iso in zip(dates, isos, strict=True)
    ]


def _picker(plain: list[SafeString], chosen: list[SafeString], *, selected: int) -> SafeString:
    """A picker's options with the `selected`th chosen: 14 options built a page, not 49."""
    return SafeString("".join(chosen[n] if n == selected else plain[n] for n in range(len(plain))))
