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
