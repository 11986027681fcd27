"""The OpenAPI document is written by hand (docs/decisions.md): these tests hold it to the
URL configuration, both ways, so an endpoint cannot be added, removed or given a method
without the document saying so. schemathesis (test_schemathesis.py) holds the answers to it."""

import json
import re

import pytest
from django.urls import URLPattern, reverse
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from accounts.tests.factories import AthleteFactory
from hybridpeaks.api import urls as api_urls

DOCUMENT = json.loads(api_urls.DOCUMENT)
METHODS = {"get", "post", "put", "patch", "delete"}
# Which methods each view answers, by the decorators it carries (require_GET and friends):
# asked of the view itself, with a request it refuses before any lookup.
OFFERED = {
    "openapi": {"get"},
    "workout_logs": {"get", "post"},
    "workout_log": {"get"},
    "imports": {"post"},
}


def api_routes() -> dict[str, str]:
    """name → the document's spelling of its path (`plans/<uuid:pk>/` → `/plans/{id}/`)."""
    routes = {}
    for pattern in api_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        routes[pattern.name] = "/" + re.sub(r"<\w+:\w+>", "{id}", str(pattern.pattern))
    return routes


def test_the_document_is_valid_openapi_3_1():
    """Against the OpenAPI 3.1 meta-schema (the copy schemathesis ships and checks with)."""
    errors = [str(error) for error in OPENAPI_31_VALIDATOR.iter_errors(DOCUMENT)]
    assert errors == []


def test_the_document_names_where_the_api_is_mounted():
    assert DOCUMENT["servers"] == [{"url": "/api/v1"}]
    assert reverse("api:me") == "/api/v1/me/"


def test_the_document_is_served_as_json(client):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["openapi"] == "3.1.0"


def test_every_endpoint_is_described_and_nothing_else():
    described = set(DOCUMENT["paths"])
    routed = set(api_routes().values())
    assert routed - described == set(), "URL patterns the document does not describe"
    assert described - routed == set(), "paths in the document with no URL pattern"


@pytest.mark.parametrize("name", sorted(api_routes()))
def test_each_endpoint_is_described_with_the_methods_it_answers(name):
    path = api_routes()[name]
    described = set(DOCUMENT["paths"][path]) & METHODS
    assert described == OFFERED.get(name, {"get"}), f"{path}: methods differ"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(api_routes()))
def test_the_methods_not_described_are_refused(client, name):
    """Signed in: a visitor who is not is a 401 first, whatever the method."""
    client.force_login(AthleteFactory().user)
    path = api_routes()[name]
    url = "/api/v1" + path.replace("{id}", "00000000-0000-0000-0000-000000000000")
    for method in METHODS - set(DOCUMENT["paths"][path]):
        assert client.generic(method.upper(), url).status_code == 405, f"{method} {path}"


def test_every_operation_documents_its_refusals():
    for path, item in DOCUMENT["paths"].items():
        for method in set(item) & METHODS:
            codes = set(item[method]["responses"])
            if path == "/openapi.json":
                continue
            assert {"401", "403", "503"} <= codes, f"{method} {path}"
            if method == "post":
                assert {"400", "413"} <= codes, f"{method} {path}"
            if "{id}" in path or item[method].get("parameters"):
                assert "404" in codes, f"{method} {path}"


def test_both_ways_of_signing_in_are_described():
    schemes = DOCUMENT["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http", "scheme": "bearer"}
    assert schemes["sessionCookie"]["in"] == "cookie"
    assert DOCUMENT["security"] == [{"bearerToken": []}, {"sessionCookie": []}]
