"""The weekly load chart: round y ticks in AU, bars scaled to the top tick, readable values."""

from decimal import Decimal

import pytest

from insights.charts import BOTTOM, HEIGHT, TOP, load_chart, tick_step

PLANNED = [300.0, 0.0, 270.0, 0.0, 270.0, 0.0, 0.0]
DONE = [320.0, 0.0, 282.0, 0.0, 0.0, 0.0, 1240.0]


@pytest.mark.parametrize(
    ("peak", "step"),
    [(1, 1), (7, 2), (10, 2), (11, "2.5"), (320, 100), (1000, 200), (1001, 250), (13960, 5000)],
)
def test_ticks_are_round_and_at_most_five(peak, step):
    assert tick_step(Decimal(peak)) == Decimal(step)
    assert Decimal(peak) / Decimal(step) <= 5


def test_ticks_run_from_zero_to_the_first_round_value_above_the_peak():
    chart = load_chart(PLANNED, DONE)

    assert [tick.text for tick in chart["ticks"]] == ["0", "250", "500", "750", "1,000", "1,250"]
    assert chart["ticks"][0].y == HEIGHT - BOTTOM
    assert chart["ticks"][-1].y == TOP


def test_bars_are_scaled_to_the_top_tick_and_carry_their_value_as_text():
    chart = load_chart(PLANNED, DONE)
    sunday = chart["days"][6]
    usable = HEIGHT - TOP - BOTTOM

    assert sunday.label == "Sun"
    assert sunday.done.text == "1,240"
    assert sunday.done.height == round(usable * 1240 / 1250, 1)
    assert sunday.done.y + sunday.done.height == pytest.approx(HEIGHT - BOTTOM)
    assert chart["days"][0].planned.text == "300"
    assert chart["days"][1].planned.height == 0


def test_an_empty_week_still_has_an_axis():
    chart = load_chart([0.0] * 7, [0.0] * 7)

    assert [tick.text for tick in chart["ticks"]] == ["0", "1"]
    assert all(day.done.height == 0 for day in chart["days"])
