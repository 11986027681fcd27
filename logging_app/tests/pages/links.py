"""The athlete pages' URLs, as the tests follow them."""

from django.urls import reverse


def log_url(session):
    return reverse("logging_app:log_session", args=[session.pk])
