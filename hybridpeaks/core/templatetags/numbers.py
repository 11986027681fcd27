"""Template filters for numbers: `{% load numbers %}` then `{{ value|number }}`.

Thin wrappers: the rules live in hybridpeaks.core.formatting, shared with charts and the analysis.
"""

from datetime import timedelta

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


@register.filter
def percent(fraction, places=0):
    """{{ summary.adherence_rate|percent }}: 0.8 → "80%"; {{ x|percent:1 }} → "62.5%"."""
    return formatting.percent(fraction, int(places))


@register.filter
def minutes(duration):
    """{{ cooloff|minutes }}: a timedelta (or seconds) as whole minutes, 15 min → "15"."""
    if isinstance(duration, timedelta):
        duration = duration.total_seconds()
    return formatting.whole_minutes(duration)
