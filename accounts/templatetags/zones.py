"""Times as the person they belong to lived them.

The middleware shows every time in the viewer's zone. A coach reading an athlete's times
needs the athlete's clock instead ("trained at 18:30" means 18:30 where the athlete was), so
those are converted to the athlete's zone and labelled with it; the label is what keeps a
coach in another zone from misreading them.
"""

from django import template
from django.utils import dateformat, timezone
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def time_of(context, value, owner, format="j M Y, H:i"):
    """`value` on `owner`'s clock: plain for the owner, "… 18:30 Europe/Berlin" for others."""
    if value is None:
        return ""
    local = timezone.localtime(value, owner.zoneinfo)
    text = dateformat.format(local, format)
    viewer = context["request"].user
    if viewer.pk == owner.pk:
        return format_html('<time datetime="{}">{}</time>', local.isoformat(), text)
    return format_html(
        '<time datetime="{}">{}</time> <small class="zone-label">{}</small>',
        local.isoformat(),
        text,
        owner.time_zone.replace("_", " "),
    )
