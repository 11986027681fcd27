"""A metric's progression as a small SVG line chart, drawn on the server (no JavaScript).

One pure function: (date, value) points in, coordinates and labels out; the template only
places them. Values are plotted as they are, so a pace that improves goes *down* (fewer
seconds per km): turning the axis over would make a chart read well and mean the opposite
of its numbers, so the axis labels carry the unit instead.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hybridpeaks.core import formatting

# The drawing's own coordinate system (the viewBox); the browser scales it to the page.
WIDTH, HEIGHT = 320, 120
# Room around the plot for the value labels (left) and the date labels (below).
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 60, 10, 10, 20
PLOT_WIDTH = WIDTH - PAD_LEFT - PAD_RIGHT  # 250
PLOT_HEIGHT = HEIGHT - PAD_TOP - PAD_BOTTOM  # 90
PLOT_BOTTOM = PAD_TOP + PLOT_HEIGHT  # 100
PLOT_RIGHT = PAD_LEFT + PLOT_WIDTH  # 310
LABEL_GAP = 4  # between the plot's edge and its labels
DATE_BASELINE = HEIGHT - 6  # the date labels' baseline, inside the bottom padding


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    day: date
    value: Decimal


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str  # SVG text-anchor: "start", "middle" or "end"


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    polyline: str  # "x,y x,y …" oldest → newest; "" for one point (nothing to join)
    dots: list[Dot]
    y_max: Label
    y_min: Label | None  # None when every value is the same (one label says it all)
    first_date: Label
    last_date: Label | None  # None when every point is on the same day
    axis_left: float = PAD_LEFT
    axis_right: float = PLOT_RIGHT
    axis_top: float = PAD_TOP
    axis_bottom: float = PLOT_BOTTOM

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def plain_number(value) -> str:
    """Decimal("142.50") → "142.5", Decimal("1250.00") → "1,250" (hybridpeaks.core.formatting)."""
    return formatting.number(value, 2)


def date_label(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _coordinate(number: float) -> float:
    return round(number, 1)


def _svg_number(number: float) -> str:
    """Coordinates as SVG reads them: 185.0 → "185", 62.5 → "62.5"."""
    return f"{number:.1f}".removesuffix(".0")


def line_chart(
    points: Iterable[tuple[date, Decimal]],
    *,
    unit: str,
    value_label: Callable[[Decimal], str] | None = None,
) -> LineChart | None:
    """The chart of `points`, oldest on the left; None when there are no points.

    x is proportional to time, so a gap of months looks like one. y runs from the lowest
    value (bottom of the plot) to the highest (top). A single day or a single value has no
    span to scale: its points sit in the middle of that axis.
    """
    # sorted() is stable: points of one day keep the order they came in (oldest first).
    series = sorted(((day, Decimal(str(value))) for day, value in points), key=lambda p: p[0])
    if not series:
        return None
    label = value_label or (lambda value: f"{plain_number(value)} {unit}")
    first_day, last_day = series[0][0], series[-1][0]
    low, high = min(v for _, v in series), max(v for _, v in series)
    days, spread = (last_day - first_day).days, high - low

    def x_of(day: date) -> float:
        if not days:
            return _coordinate(PAD_LEFT + PLOT_WIDTH / 2)
        return _coordinate(PAD_LEFT + PLOT_WIDTH * (day - first_day).days / days)

    def y_of(value: Decimal) -> float:
        if not spread:
            return _coordinate(PAD_TOP + PLOT_HEIGHT / 2)
        return _coordinate(PAD_TOP + PLOT_HEIGHT * float((high - value) / spread))

    dots = [Dot(x_of(day), y_of(value), day, value) for day, value in series]
    polyline = " ".join(f"{_svg_number(d.x)},{_svg_number(d.y)}" for d in dots)
    label_x = PAD_LEFT - LABEL_GAP
    if spread:
        # Baselines nudged so the top label hangs below the top edge and the bottom one
        # sits on the bottom edge, both beside the line they name.
        y_max = Label(label_x, PAD_TOP + LABEL_GAP, label(high), "end")
        y_min = Label(label_x, PLOT_BOTTOM, label(low), "end")
    else:
        y_max, y_min = Label(label_x, y_of(high) + LABEL_GAP, label(high), "end"), None
    if days:
        first = Label(PAD_LEFT, DATE_BASELINE, date_label(first_day), "start")
        last = Label(PLOT_RIGHT, DATE_BASELINE, date_label(last_day), "end")
    else:
        first, last = Label(x_of(first_day), DATE_BASELINE, date_label(first_day), "middle"), None
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        polyline=polyline if len(dots) > 1 else "",
        dots=dots,
        y_max=y_max,
        y_min=y_min,
        first_date=first,
        last_date=last,
    )
