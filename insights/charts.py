"""A small server-rendered bar chart: each day's planned and done session-RPE load.

Pure geometry and labels; the template draws them and colours come from app.css classes
(light and dark), never from inline styles, which the CSP forbids. The y axis carries
round tick values in load units (AU, session RPE × minutes), the x axis the day names, and
the same numbers go into a table beside the chart for anyone who cannot see it.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from hybridpeaks.core.formatting import number

WIDTH, HEIGHT = 360, 190
TOP, BOTTOM = 24, 22  # room above the highest tick (for the unit) and below the baseline
LEFT, RIGHT = 44, 6  # room for the tick values on the left
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Ticks land on 1, 2, 2.5 or 5 times a power of ten: numbers a person reads at a glance.
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
MAX_TICKS = 5


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    value: float
    text: str  # the value as people read it: "1,240"


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class Day:
    label: str
    label_x: float
    planned: Bar
    done: Bar


def tick_step(peak: Decimal) -> Decimal:
    """The smallest nice step that covers `peak` in at most MAX_TICKS steps above zero."""
    scale = Decimal(1)
    while True:
        for step in NICE_STEPS:
            if step * scale * MAX_TICKS >= peak:
                return step * scale
        scale *= 10


def load_chart(planned, done) -> dict:
    """Geometry for 7 days of planned and done load (AU), on a y axis of round ticks."""
    peak = Decimal(str(max([*planned, *done, 1])))
    step = tick_step(peak)
    count = int((peak / step).to_integral_value(rounding=ROUND_CEILING))
    top_value = float(step * count)
    usable = HEIGHT - TOP - BOTTOM
    baseline = HEIGHT - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / 7
    bar = slot * 0.38

    def y_of(value: float) -> float:
        return round(baseline - usable * value / top_value, 1)

    def bar_at(x: float, value: float) -> Bar:
        top = y_of(value)
        return Bar(round(x, 1), top, round(baseline - top, 1), value, number(value, 0))

    days = [
        Day(
            label=label,
            label_x=round(LEFT + slot * i + slot / 2, 1),
            planned=bar_at(LEFT + slot * i + slot * 0.1, planned[i]),
            done=bar_at(LEFT + slot * i + slot * 0.1 + bar, done[i]),
        )
        for i, label in enumerate(DAY_LABELS)
    ]
    ticks = [Tick(y_of(float(step * i)), number(step * i, 1)) for i in range(count + 1)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bar_width": round(bar, 1),
        "baseline": baseline,
        "label_y": HEIGHT - 6,
        "tick_x": LEFT - 5,
        "days": days,
        "ticks": ticks,
    }
