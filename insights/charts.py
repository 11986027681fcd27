"""A small server-rendered bar chart: each day's planned and done session-RPE load."""

from dataclasses import dataclass

WIDTH, HEIGHT = 350, 160
TOP, BOTTOM, LEFT = 10, 24, 8
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    value: float


@dataclass(frozen=True)
class Day:
    label: str
    label_x: float
    planned: Bar
    done: Bar


def load_chart(planned, done) -> dict:
    """Geometry for 7 days of planned and done load (AU), scaled to the larger of the two."""
    peak = max([*planned, *done, 1])
    slot = (WIDTH - LEFT) / 7
    bar = slot * 0.36
    usable = HEIGHT - TOP - BOTTOM

    def bar_at(x, value):
        height = round(usable * value / peak, 1)
        return Bar(x=round(x, 1), y=round(HEIGHT - BOTTOM - height, 1), height=height, value=value)

    days = [
        Day(
            label=label,
            label_x=round(LEFT + slot * i + slot / 2, 1),
            planned=bar_at(LEFT + slot * i + slot * 0.12, planned[i]),
            done=bar_at(LEFT + slot * i + slot * 0.12 + bar, done[i]),
        )
        for i, label in enumerate(DAY_LABELS)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bar_width": round(bar, 1),
        "baseline": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 6,
        "days": days,
        "peak": round(peak),
    }
