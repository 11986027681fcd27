"""Reading a validated prescription: the rules every app shares about what it means.

Pure functions over the JSON the schemas accept, so the builder, the athlete's log form and
the weekly analysis cannot disagree about, say, how long a session is.
"""

from collections.abc import Mapping

MINUTES_PER_UNIT = {"minutes": 1, "hours": 60}


def minutes_of(duration) -> float | None:
    """A `{value, unit}` duration in minutes (hours × 60); None when absent or malformed."""
    if not isinstance(duration, Mapping):
        return None
    value = duration.get("value")
    unit = duration.get("unit", "minutes")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if unit not in MINUTES_PER_UNIT:
        return None
    return float(value) * MINUTES_PER_UNIT[unit]


def duration_minutes(prescription: Mapping) -> int | None:
    """An endurance prescription's duration in whole minutes (half up); None without one."""
    minutes = minutes_of(prescription.get("duration"))
    return None if minutes is None else int(minutes + 0.5)
