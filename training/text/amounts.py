"""The vocabulary of endurance text: durations, distances and intensities, both ways.

Units are unambiguous: `s`, `min`, `h` and `1h30` are time; `m`, `km`, `mi` are distance
(`m` is never minutes). Each reader takes one word (or two: `70% FTP`, `pace Z3`, `@5k pace`)
and gives the JSON the endurance schema stores; each writer gives back the word the reader
reads to the same JSON, which is what makes a printed prescription parse back to itself.
"""

import re
from decimal import Decimal

TIME_UNITS = {
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds",
    "seconds": "seconds",
    "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
}  # fmt: skip
DISTANCE_UNITS = {
    "m": "meters", "km": "km", "mi": "miles", "mile": "miles", "miles": "miles",
}  # fmt: skip
TIME_WORDS = {"seconds": "s", "minutes": "min", "hours": "h"}
DISTANCE_WORDS = {"meters": "m", "km": "km", "miles": "mi"}
RACES = {
    "5k": "5k", "10k": "10k", "half": "half_marathon", "hm": "half_marathon",
    "half-marathon": "half_marathon", "halfmarathon": "half_marathon",
}  # fmt: skip
RACE_WORDS = {"5k": "5k", "10k": "10k", "half_marathon": "half"}

NUM = r"(\d+(?:\.\d+)?)"
AMOUNT = re.compile(NUM + r"([a-z]+)$")
HOURS_MINUTES = re.compile(r"(\d+)h(\d{1,2})(?:min)?$")
ZONE = re.compile(r"z([1-5])(?:-z?([1-5]))?$")
PERCENT = re.compile(NUM + r"(?:[-–]" + NUM + r")?%(ftp)?$")


def number(text: str) -> int | float:
    """A typed number as JSON keeps it: whole numbers as integers."""
    value = float(text)
    return int(value) if value.is_integer() else value


def written(value) -> str:
    """A stored number as typed: 45.0 → "45", 2.5 → "2.5"; a float's shortest exact digits,
    never an exponent (1e-05 → "0.00001"), so it reads back to the same float."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)


def read_amount(word: str) -> tuple[str, dict] | None:
    """("duration" | "distance", {value, unit}) for a word such as 45min, 2h30, 400m, 5km."""
    lower = word.lower()
    match = HOURS_MINUTES.match(lower)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        return "duration", {"value": hours * 60 + minutes, "unit": "minutes"}
    match = AMOUNT.match(lower)
    if not match:
        return None
    value, unit = number(match[1]), match[2]
    if unit in TIME_UNITS:
        return "duration", {"value": value, "unit": TIME_UNITS[unit]}
    if unit in DISTANCE_UNITS:
        return "distance", {"value": value, "unit": DISTANCE_UNITS[unit]}
    return None


def write_duration(duration: dict) -> str:
    """Minutes from an hour up in whole minutes read as 1h30 (which reads back as minutes)."""
    value, unit = duration["value"], duration["unit"]
    if unit == "minutes" and float(value).is_integer() and value >= 60:
        hours, minutes = divmod(int(value), 60)
        return f"{hours}h{minutes:02d}"
    return f"{written(value)}{TIME_WORDS[unit]}"


def write_distance(distance: dict) -> str:
    return f"{written(distance['value'])}{DISTANCE_WORDS[distance['unit']]}"


def read_zone(word: str) -> tuple[int, int | None] | None:
    match = ZONE.match(word.lower())
    if not match:
        return None
    return int(match[1]), int(match[2]) if match[2] else None


def read_percent(word: str) -> tuple[int | float, int | float | None, bool] | None:
    """(value, valueTo or None, whether FTP was written in the same word) for 70%, 88-94%FTP."""
    match = PERCENT.match(word.lower())
    if not match:
        return None
    return number(match[1]), number(match[2]) if match[2] else None, bool(match[3])


def write_intensity(intensity: dict) -> str:
    kind = intensity["type"]
    if kind == "race_pace":
        return f"@{RACE_WORDS[intensity['race']]} pace"
    if kind == "ftp_percent":
        value, to = intensity["value"], intensity.get("valueTo")
        span = written(value) if to is None else f"{written(value)}-{written(to)}"
        return f"{span}% FTP"
    zone, to = intensity["zone"], intensity.get("zoneTo")
    span = f"Z{zone}" if to is None else f"Z{zone}-Z{to}"
    return f"pace {span}" if kind == "pace_zone" else span


def is_easy(intensity: dict) -> bool:
    """Easy enough to be a warm-up, a recovery or a cool-down: heart-rate or pace zone 1–2, or
    at most 75 % FTP (the top of Coggan's zone 2), the top of a range deciding. A race pace is
    never easy."""
    kind = intensity.get("type")
    if kind in {"heart_rate_zone", "pace_zone"}:
        return (intensity.get("zoneTo") or intensity["zone"]) <= 2
    if kind == "ftp_percent":
        return (intensity.get("valueTo") or intensity["value"]) <= 75
    return False


NUMBER_ONLY = re.compile(NUM + "$")
