"""Links every page renders, worked out once per process: `{% load site_links %}`, then
`{% asset 'css/app.css' %}` for `{% static %}` and `{% link 'logging_app:today' %}` for an
argument-free `{% url %}`.

base.html renders about ten of them on every page, and each `{% static %}` (the manifest's
name, quoted and joined) or `{% url %}` (a walk of the URLconf) gives the same answer every
time; profiled, they were a third of base.html's rendering. The answers are kept per URLconf
(a reloaded or overridden one starts afresh), script prefix and static settings, so they are
always what the plain tags would say. URLs with arguments keep `{% url %}`.
"""

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
def link(name: str) -> str:
    """The URL of an argument-free view, as {% url name %} says it."""
    urlconf = get_urlconf()
    known = _links.setdefault(get_resolver(urlconf), {})
    key = (get_script_prefix(), name)
    if key not in known:
        known[key] = reverse(name, urlconf=urlconf)
    return known[key]


@receiver(setting_changed)
def _forget_assets(*, setting, **kwargs):
    if setting in STATIC_SETTINGS:
        _assets.clear()
