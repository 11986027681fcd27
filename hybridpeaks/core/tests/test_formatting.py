"""Numbers as people read them, in Python and through the `numbers` template filters."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from hybridpeaks.core.formatting import format_pace, number, quantity


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (13960, 1, "13,960"),
        (129.0, 1, "129"),
        (Decimal("92.50"), 2, "92.5"),
        (1.66, 1, "1.7"),
        (2.25, 1, "2.3"),  # half up, not the float's round-half-even
        (1234567.891, 2, "1,234,567.89"),
        (-1500.5, 0, "-1,501"),
        (-0.04, 1, "0"),
        ("72.5", 1, "72.5"),
        (None, 1, ""),
        ("five", 1, ""),
    ],
)
def test_number(value, places, text):
    assert number(value, places) == text


@pytest.mark.parametrize(
    ("stored", "text"),
    [
        ("13960kg", "13,960 kg"),
        ("129.0min", "129 min"),
        ("12450.5kg", "12,450.5 kg"),
        ("0min", "0 min"),
        ("not a number", "not a number"),
    ],
)
def test_quantity_reads_the_stored_volume_strings(stored, text):
    assert quantity(stored) == text


@pytest.mark.parametrize(
    ("seconds", "text"), [(275, "4:35"), (60, "1:00"), (59.6, "1:00"), (3600, "60:00"), (5, "0:05")]
)
def test_format_pace(seconds, text):
    assert format_pace(seconds) == text


def test_template_filters():
    template = Template(
        "{% load numbers %}{{ a|number }} · {{ b|number:2 }} · {{ c|quantity }} · {{ d|pace }}"
    )
    context = Context({"a": 13960.0, "b": Decimal("92.50"), "c": "240min", "d": 275})
    assert template.render(context) == "13,960 · 92.5 · 240 min · 4:35"
