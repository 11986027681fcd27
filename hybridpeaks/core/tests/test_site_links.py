"""{% asset %} and {% link %} answer as {% static %} and {% url %} do, even after the settings
or the URLconf they depend on change (tests and the benchmark's switched() change them)."""

from django.http import HttpResponse
from django.template import engines
from django.templatetags.static import static
from django.test import override_settings
from django.urls import include, path, reverse, set_script_prefix

LINKS = "{% load site_links %}{% asset 'css/app.css' %} {% link 'logging_app:week' %}"

# The URLconf of test_another_urlconf_is_read: the week somewhere else.
urlpatterns = [
    path("elsewhere/", include(([path("", HttpResponse, name="week")], "logging_app"))),
]


def render() -> str:
    return engines["django"].from_string(LINKS).render({})


def test_they_answer_as_the_plain_tags():
    assert render() == f"{static('css/app.css')} {reverse('logging_app:week')}"


def test_a_new_static_url_is_followed():
    render()
    with override_settings(STATIC_URL="/assets/"):
        assert render().startswith("/assets/css/app.css ")
    assert render().startswith(static("css/app.css"))


def test_a_new_script_prefix_is_followed():
    render()
    try:
        set_script_prefix("/hp/")
        assert render() == f"{static('css/app.css')} {reverse('logging_app:week')}"
        assert render().endswith(" /hp/today/week/")
    finally:
        set_script_prefix("/")


def test_another_urlconf_is_read():
    render()
    with override_settings(ROOT_URLCONF=__name__):  # a new resolver, as after switched()
        assert render().endswith(" /elsewhere/")
    assert render().endswith(f" {reverse('logging_app:week')}")


def test_url_of_says_what_reverse_says_for_every_kind_of_argument():
    from datetime import date
    from uuid import uuid4

    from django.urls import reverse

    from hybridpeaks.core.templatetags.site_links import url_of

    athlete, monday = uuid4(), date(2026, 11, 30)
    cases = [
        ("training:week", (athlete, monday)),
        ("training:week", (uuid4(), date(2027, 1, 4))),  # the cached URL, new values
        ("training:calendar_month", (athlete, 2026, 12)),
        ("training:roster", ()),
        ("training:week", (str(athlete), monday.isoformat())),  # text: reversed as it is
    ]
    for name, args in cases:
        assert url_of(name, *args) == reverse(name, args=args)
