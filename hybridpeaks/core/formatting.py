"""How numbers read on a page: "13,960 kg", "129 min", "92.5", "4:35".

One module for templates (the `numbers` template library), charts and the analysis text,
so a figure reads the same wherever it appears. Rounding is half up on the decimal value
(not Python's round-half-even on a binary float), so a number a coach recomputes by hand
rounds the way they expect. Pure functions: no Django, no locale (a server's locale must
not change what an athlete reads).
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# A stored quantity such as "13960kg" or "240.5min" (insights' totalVolume strings).
QUANTITY = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s.-].*?)\s*$")


def rounded(number, places: int = 0) -> Decimal:
    """`number` rounded half up to `places` decimals, as a Decimal."""
    return Decimal(str(number)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value, places: int = 1) -> str:
    """13960 → "13,960", 129.0 → "129", 92.50 → "92.5", 1.66 → "1.7"; "" for no number.

    Thousands are grouped with commas; trailing zeros after the point are dropped.
    """
    try:
        text = format(rounded(value, places), ",f")
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def quantity(text) -> str:
    """A stored "13960kg" or "240min" as people read it: "13,960 kg", "240 min".

    Text that is not a number followed by a unit is returned unchanged.
    """
    match = QUANTITY.match(str(text))
    if not match:
        return str(text)
    value, unit = match.groups()
    return f"{number(value)} {unit}"


def format_pace(seconds) -> str:
    """Seconds (per km, say) as minutes and seconds: 275 → "4:35", 3600 → "60:00"."""
    whole = int(rounded(seconds, 0))
    sign, whole = ("-", -whole) if whole < 0 else ("", whole)
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def percent(fraction, places: int = 0) -> str:
    """A share as a percentage: 0.8 → "80%", 0.625 → "63%"; "" for no number.

    Multiplied as a decimal, so 0.625 is exactly 62.5 and rounds up, as the analysis text
    rounds it (Django's widthratio rounded the float half to even: "62%").
    """
    try:
        hundredths = Decimal(str(fraction)) * 100
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return f"{number(hundredths, places)}%"


def whole_minutes(seconds) -> str:
    """A length of time in seconds as whole minutes: 900 → "15", 930 → "16" (half up)."""
    try:
        minutes = Decimal(str(seconds)) / 60
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return number(minutes, 0)
