"""Rounding and wording helpers shared by the rules and the summary.

Numbers are rounded and spelled by hybridpeaks.core.formatting (half up, thousands separators,
no trailing zeros), as everywhere else in the app. Day and month names are
spelled here rather than by strftime so the text does not depend on the server's locale.
"""

from collections.abc import Iterable

# One spelling of numbers for the whole app: "1,234", "1.6", "2" (see hybridpeaks.core.formatting).
from hybridpeaks.core.formatting import number as num
from hybridpeaks.core.formatting import rounded

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rounded_float(number, places: int = 1) -> float:
    return float(rounded(number, places))


def fixed(number, places: int = 1) -> str:
    """Keeps its decimals, for ratios: 1.0× rather than 1×."""
    return format(rounded(number, places), "f")


def signed(number, places: int = 1) -> str:
    """+1.5, −0.5, 0: a difference keeps its sign."""
    text = num(number, places)
    if text in ("0", "-0"):
        return "0"
    return text.replace("-", "−") if text.startswith("-") else f"+{text}"


def day(date) -> str:
    """Tue 4 Mar."""
    return f"{WEEKDAYS[date.weekday()][:3]} {date.day} {MONTHS[date.month - 1]}"


def weekday(date) -> str:
    return WEEKDAYS[date.weekday()]


def listing(items: Iterable[str]) -> str:
    """a, b and c."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def clip(text: str, limit: int) -> str:
    """Keep a sentence within its schema's length; long lists of dates are the only risk."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
