"""The numbers the engine will compute with: finite, and of a size a workout can have.

Stored documents are schema-valid when written, but rows written before a bound existed (or
by a path that skipped it) may hold NaN, Infinity or 1e308. Such a number does not fail where
it enters; it fails deep in the text formatting (decimal.InvalidOperation) or, worse, turns a
summary into nonsense. So the engine looks at every number once, before any arithmetic, and
refuses the week with an error that says which document and field hold the number.
"""

import math
from collections.abc import Iterator, Mapping
from decimal import Context, Decimal

from insights.engine.inputs import Week

# Far above any real value (1,000 km in metres is 10^6, a day in seconds 86,400), yet small
# enough that sets × reps × load summed over many weeks stays within Decimal's 28 digits.
MAX_MAGNITUDE = 10**7


class UnusableNumber(ValueError):
    """A number in the week's input that the analysis cannot compute with."""


def _numbers(value, path: str) -> Iterator[tuple[str, object]]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float | Decimal):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _numbers(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _numbers(item, f"{path}[{index}]")


def _usable(number) -> bool:
    if isinstance(number, float) and not math.isfinite(number):
        return False
    if isinstance(number, Decimal) and not number.is_finite():
        return False
    return abs(number) <= MAX_MAGNITUDE  # an int may be any size: compared, never converted


def _shown(number) -> str:
    # PostgreSQL's jsonb hands 1e308 back as a 309-digit integer: say it as 1e+308.
    text = str(number)
    return text if len(text) <= 20 else str(Decimal(text).normalize(Context(prec=3))).lower()


def _fine(document) -> bool:
    """True when every number in `document` is usable: the check of every number, without the
    path each would be named by. A week holds thousands of numbers and almost never a bad
    one, so the JSON types are tested by exact type in one loop over a stack of containers
    (no call or path string per value); anything else (Decimal, tuples, other mappings,
    subclasses) takes the general walk."""
    containers = [[document]]  # the document as an item, so a bare number is judged alike
    while containers:
        value = containers.pop()
        kind = type(value)
        if kind is dict:
            value = value.values()
        elif kind is not list:
            if not all(_usable(number) for _, number in _numbers(value, "")):
                return False
            continue
        for item in value:
            kind = type(item)
            if kind is int or kind is float:
                if not -MAX_MAGNITUDE <= item <= MAX_MAGNITUDE:  # NaN fails every comparison
                    return False
            elif not (kind is str or kind is bool or item is None):  # never numbers
                containers.append(item)
    return True


def _documents(week: Week) -> Iterator[tuple[tuple, object]]:
    """Every document of the week with what names it, as parts to format only if refused."""
    for p in week.planned:
        yield ("plan of", p.date, "prescription"), p.prescription
        yield ("plan of", p.date, "estimatedDuration"), p.estimated_duration
    for log in week.all_logs():
        yield ("log of", log.completed_on, "actualData"), log.actual_data
        yield ("log of", log.completed_on, "prescription"), log.prescription
        yield ("log of", log.completed_on, "rpe"), log.rpe
        yield ("log of", log.completed_on, "estimatedDuration"), log.estimated_duration
    for b in week.benchmarks:
        yield (f"benchmark {b.metric_type} of", b.established_at, None), b.value


def refuse_unusable_numbers(week: Week) -> None:
    """Raise UnusableNumber naming the first NaN, infinite or absurdly large number."""
    for (what, day, name), document in _documents(week):
        if _fine(document):
            continue
        where = f"{what} {day}: {name}" if name else f"{what} {day}"
        for path, number in _numbers(document, where):
            if not _usable(number):
                raise UnusableNumber(
                    f"{path} is {_shown(number)}: not a finite number within ±{MAX_MAGNITUDE:,}."
                )
