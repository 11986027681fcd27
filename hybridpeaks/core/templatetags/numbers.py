"""Template filters for numbers: `{% load numbers %}` then `{{ value|number }}`.

Thin wrappers: the rules live in hybridpeaks.core.formatting, shared with charts and the analysis.
"""

from django import template

from hybridpeaks.core import formatting

register = template.Library()


@register.filter
def number(value, places=1):
    """{{ 13960|number }} → "13,960"; {{ 129.0|number }} → "129"; {{ x|number:2 }}."""
    return formatting.number(value, int(places))


@register.filter
def quantity(value):
    """{{ "13960kg"|quantity }} → "13,960 kg"."""
    return formatting.quantity(value)


@register.filter
def pace(seconds):
    """{{ 275|pace }} → "4:35"."""
    return formatting.format_pace(seconds)
