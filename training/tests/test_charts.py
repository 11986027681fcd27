"""The progression chart's geometry, worked out by hand.

The plot spans x 60–310 (250 wide) and y 10–100 (90 high) in a 320 × 120 viewBox; the value
labels end at x 56, the date labels sit on y 114.
"""

from datetime import date
from decimal import Decimal

from training.charts import Dot, Label, line_chart


def test_no_points_no_chart():
    assert line_chart([], unit="W") is None


def test_points_are_scaled_by_date_and_value():
    # 20 days, 200–250 W: day 10 is halfway across (60 + 125); 230 W is 20/50 of the span
    # below the top (10 + 90 × 0.4 = 46).
    chart = line_chart(
        [
            (date(2025, 1, 1), Decimal(200)),
            (date(2025, 1, 11), Decimal(250)),
            (date(2025, 1, 21), Decimal(230)),
        ],
        unit="W",
    )
    assert chart.view_box == "0 0 320 120"
    assert chart.polyline == "60,100 185,10 310,46"
    assert [(dot.x, dot.y) for dot in chart.dots] == [(60, 100), (185, 10), (310, 46)]
    assert chart.y_max == Label(56, 14, "250 W", "end")
    assert chart.y_min == Label(56, 100, "200 W", "end")
    assert chart.first_date == Label(60, 114, "1 Jan 2025", "start")
    assert chart.last_date == Label(310, 114, "21 Jan 2025", "end")


def test_points_are_drawn_oldest_first_whatever_order_they_come_in():
    newest_first = [(date(2025, 1, 21), 230), (date(2025, 1, 11), 250), (date(2025, 1, 1), 200)]
    chart = line_chart(newest_first, unit="W")
    assert chart.polyline == "60,100 185,10 310,46"
    assert [dot.day for dot in chart.dots] == [date(2025, 1, d) for d in (1, 11, 21)]


def test_fractions_are_rounded_to_a_tenth():
    # Day 3 of 8: 60 + 250 × 3/8 = 153.75 → 153.8; 102.5 kg: 10 + 90 × 7.5/10 = 77.5.
    chart = line_chart(
        [
            (date(2025, 3, 1), Decimal("100")),
            (date(2025, 3, 4), Decimal("102.5")),
            (date(2025, 3, 9), Decimal("110.00")),
        ],
        unit="kg",
    )
    assert chart.polyline == "60,100 153.8,77.5 310,10"
    assert chart.y_max.text == "110 kg"
    assert chart.y_min.text == "100 kg"


def test_a_faster_pace_is_drawn_lower_not_flipped():
    # 300 → 270 s/km is progress, and the line goes down: the chart shows the numbers.
    chart = line_chart([(date(2025, 3, 1), 300), (date(2025, 3, 31), 270)], unit="s/km")
    assert chart.polyline == "60,10 310,100"
    assert chart.y_max.text == "300 s/km"
    assert chart.y_min.text == "270 s/km"


def test_labels_can_be_written_another_way():
    def minutes(value):
        return f"{int(value) // 60}:{int(value) % 60:02d} /km"

    chart = line_chart(
        [(date(2025, 3, 1), 300), (date(2025, 3, 31), 270)], unit="s/km", value_label=minutes
    )
    assert (chart.y_max.text, chart.y_min.text) == ("5:00 /km", "4:30 /km")


def test_one_point_is_a_single_dot_in_the_middle():
    chart = line_chart([(date(2025, 5, 5), Decimal("140.00"))], unit="kg")
    # Middle of the plot: 60 + 125 = 185 across, 10 + 45 = 55 down.
    assert chart.dots == [Dot(185, 55, date(2025, 5, 5), Decimal(140))]
    assert chart.polyline == ""
    assert chart.y_max == Label(56, 59, "140 kg", "end")
    assert chart.y_min is None
    assert chart.first_date == Label(185, 114, "5 May 2025", "middle")
    assert chart.last_date is None


def test_an_unchanged_value_is_a_flat_line_through_the_middle():
    chart = line_chart([(date(2025, 1, 1), 180), (date(2025, 1, 31), 180)], unit="bpm")
    assert chart.polyline == "60,55 310,55"
    assert chart.y_max.text == "180 bpm"
    assert chart.y_min is None


def test_points_of_one_day_stack_in_the_middle_in_their_order():
    chart = line_chart([(date(2025, 1, 1), 100), (date(2025, 1, 1), 110)], unit="kg")
    assert chart.polyline == "185,100 185,10"
    assert chart.first_date == Label(185, 114, "1 Jan 2025", "middle")
    assert chart.last_date is None
