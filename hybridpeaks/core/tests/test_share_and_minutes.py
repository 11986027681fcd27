"""Percentages and whole minutes, in Python and through the `percent` and `minutes` filters.

They replace `{% widthratio %}`, which rounded a float half to even: a summary page said
"62%" where the analysis text beside it said "63%".
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.template import Context, Template

from hybridpeaks.core.formatting import percent, whole_minutes


@pytest.mark.parametrize(
    ("fraction", "places", "text"),
    [
        (Decimal("0.800"), 0, "80%"),
        (Decimal("0.625"), 0, "63%"),  # half up, as the analysis text rounds it
        (0.125, 0, "13%"),
        (0.29, 0, "29%"),  # 0.29 * 100 is 28.999… as a float
        (Decimal("0.625"), 1, "62.5%"),
        (1, 0, "100%"),
        (0, 0, "0%"),
        (None, 0, ""),
        ("n/a", 0, ""),
    ],
)
def test_percent(fraction, places, text):
    assert percent(fraction, places) == text


@pytest.mark.parametrize(
    ("seconds", "text"), [(900, "15"), (930, "16"), (929.9, "15"), (0, "0"), (None, "")]
)
def test_whole_minutes(seconds, text):
    assert whole_minutes(seconds) == text


def test_percent_and_minutes_filters():
    template = Template(
        "{% load numbers %}{{ share|percent }} · {{ share|percent:1 }} · "
        "{{ cooloff|minutes }} · {{ seconds|minutes }}"
    )
    context = Context(
        {"share": Decimal("0.625"), "cooloff": timedelta(minutes=15), "seconds": 1800}
    )
    assert template.render(context) == "63% · 62.5% · 15 · 30"
