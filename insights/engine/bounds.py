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


def refuse_unusable_numbers(week: Week) -> None:
    """Raise UnusableNumber naming the first NaN, infinite or absurdly large number."""
    documents = [
        (f"plan of {p.date}: {name}", value)
        for p in week.planned
        for name, value in (
            ("prescription", p.prescription),
            ("estimatedDuration", p.estimated_duration),
        )
    ] + [
        (f"log of {log.completed_on}: {name}", value)
        for log in week.all_logs()
        for name, value in (
            ("actualData", log.actual_data),
            ("prescription", log.prescription),
            ("rpe", log.rpe),
            ("estimatedDuration", log.estimated_duration),
        )
    ]
    documents += [
        (f"benchmark {b.metric_type} of {b.established_at}", b.value) for b in week.benchmarks
    ]
    for where, document in documents:
        for path, number in _numbers(document, where):
            if not _usable(number):
                raise UnusableNumber(
                    f"{path} is {_shown(number)}: not a finite number within ±{MAX_MAGNITUDE:,}."
                )
