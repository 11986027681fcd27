"""Headers and protections every page carries."""

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD, CoachFactory


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_script(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", policy).group(1)
    page = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts, "htmx should be on the page"
    assert all(f'nonce="{nonce}"' in tag and "src=" in tag for tag in scripts), scripts
    assert "style=" not in page


@pytest.mark.django_db
def test_framing_sniffing_and_referrer_are_locked_down(client):
    response = client.get(reverse("accounts:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_session_cookie_is_httponly_and_samesite_lax(client):
    coach = CoachFactory()
    client.post(reverse("accounts:login"), {"username": coach.user.email, "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_unsafe_methods_need_the_csrf_token(client):
    client.handler.enforce_csrf_checks = True
    coach = CoachFactory()
    response = client.post(
        reverse("accounts:login"), {"username": coach.user.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    client.force_login(coach.user)
    assert client.post(reverse("accounts:invitations"), {"email": ""}).status_code == 403
    assert not coach.invitations.exists()
