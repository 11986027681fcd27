"""Dates in URLs and forms: one parser, one sane range.

A week's Monday, a summary's Sunday and a posted day are all read here, so `notadate` and
`0001-01-01` are refused once (a 404 in a URL, None in a form) instead of each view meeting a
ValueError or an OverflowError of its own (date arithmetic on a week near date.min/max).
The range leaves weeks of margin on both sides, so a week, its neighbours and its summary's
dates can be computed from any accepted day without leaving `date`'s range.
"""

from datetime import date

from django.urls import register_converter

# No plan, log or summary is older than the product or decades ahead (docs/decisions.md).
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)


def parse_day(value) -> date | None:
    """A `YYYY-MM-DD` day within FIRST_DAY–LAST_DAY, or None for anything else."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    # fromisoformat also reads "20261130" and "2026-W49-1"; a URL or form spells one form.
    if value != day.isoformat() or not FIRST_DAY <= day <= LAST_DAY:
        return None
    return day


class IsoDateConverter:
    """`<isodate:day>`: a `date` for the view; anything else is a 404 before the view runs."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        day = parse_day(value)
        if day is None:
            raise ValueError(f"{value!r} is not a day between {FIRST_DAY} and {LAST_DAY}.")
        return day

    def to_url(self, value) -> str:
        # reverse() gets dates from views and ISO strings from templates and tests.
        return value.isoformat() if isinstance(value, date) else str(value)


register_converter(IsoDateConverter, "isodate")
