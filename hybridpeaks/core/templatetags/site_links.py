"""Links every page renders, worked out once per process: `{% load site_links %}`, then
`{% asset 'css/app.css' %}` for `{% static %}` and `{% link 'logging_app:today' %}` for
`{% url %}` (with arguments too: `{% link 'training:week' athlete.pk monday %}`).

base.html renders about ten of them on every page, and each `{% static %}` (the manifest's
name, quoted and joined) or `{% url %}` (a walk of the URLconf) gives the same answer every
time; profiled, they were a third of base.html's rendering. The answers are kept per URLconf
(a reloaded or overridden one starts afresh), script prefix and static settings, so they are
always what the plain tags would say. A URL with arguments (UUIDs, dates, whole numbers) is
reversed once with stand-ins of each kind, and each call writes its own values in their
places (`url_of`, also used by pages that draw rows in Python: the roster, the builder).
"""

from datetime import date, timedelta
from uuid import UUID
from weakref import WeakKeyDictionary

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

register = template.Library()

# Settings that change what {% static %} answers (tests override them).
STATIC_SETTINGS = {"STATIC_URL", "STATIC_ROOT", "STORAGES", "FORCE_SCRIPT_NAME"}

_assets: dict[tuple[str, str], str] = {}
# Per resolver: clear_url_caches() and override_settings(ROOT_URLCONF=…) make a new one.
_links: WeakKeyDictionary = WeakKeyDictionary()


@register.simple_tag
def asset(path: str) -> str:
    """The URL of a static file, as {% static path %} says it."""
    key = (get_script_prefix(), path)
    if key not in _assets:
        _assets[key] = static(path)
    return _assets[key]


@register.simple_tag
def link(name: str, *args) -> str:
    """The URL of a view, as {% url name *args %} says it."""
    return url_of(name, *args)


def _stand_in(value, place: int):
    """A value of `value`'s kind that no URL holds elsewhere, and its text in a URL; None
    for another kind."""
    if isinstance(value, UUID):
        stand_in = UUID(int=place + 1)
    elif isinstance(value, date):
        stand_in = date(1901, 1, 1) + timedelta(days=place)
    elif isinstance(value, int) and not isinstance(value, bool):
        stand_in = 987_654_300 + place
    else:
        return None
    return stand_in, str(stand_in) if not isinstance(stand_in, date) else stand_in.isoformat()


def url_of(name: str, *args) -> str:
    """reverse(name, args=args), each URL reversed once per process: with arguments, once
    with stand-ins of their kinds, then each call's values written in their places."""
    urlconf = get_urlconf()
    known = _links.setdefault(get_resolver(urlconf), {})
    kinds = tuple(type(arg) for arg in args)
    key = (get_script_prefix(), name, kinds)
    if key not in known:
        stand_ins = [_stand_in(arg, place) for place, arg in enumerate(args)]
        if None in stand_ins:  # text, say: no stand-in can be sure to fit its converter
            return reverse(name, args=args, urlconf=urlconf)
        known[key] = (reverse(name, args=[s for s, _ in stand_ins], urlconf=urlconf), stand_ins)
    url, stand_ins = known[key]
    for arg, (_, text) in zip(args, stand_ins, strict=True):
        url = url.replace(text, arg.isoformat() if isinstance(arg, date) else str(arg))
    return url


@receiver(setting_changed)
def _forget_assets(*, setting, **kwargs):
    if setting in STATIC_SETTINGS:
        _assets.clear()
