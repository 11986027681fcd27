"""The page benchmark's own parts: its sign-in, its page list, its refusal of SQLite."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from insights.benchmark_server import sign_in
from insights.management.commands.benchmark_pages import main_pages


@pytest.mark.django_db
def test_its_session_signs_the_user_in_as_a_password_sign_in_would(client):
    athlete = AthleteFactory()
    client.cookies[settings.SESSION_COOKIE_NAME] = sign_in(athlete.user)
    response = client.get(reverse("logging_app:today"))
    assert response.status_code == 200
    assert response.wsgi_request.user == athlete.user


@pytest.mark.django_db
def test_it_loads_the_two_ceilings_and_eight_main_pages_each_as_its_owner():
    athlete = AthleteFactory()
    pages = main_pages(athlete, timezone.now())
    assert [page.name for page in pages[:2]] == ["C0", "C3"]
    assert len(pages) == 10
    assert len({page.path for page in pages}) == 10
    assert {page.who for page in pages[2:6]} == {"athlete"}
    assert {page.who for page in pages[6:]} == {"coach"}
    roster = pages[6]
    assert roster.path == reverse("training:roster")
    assert (roster.min_share, roster.max_html) == (0.35, 60 * 1024)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="runs on PostgreSQL there")
@pytest.mark.django_db
def test_it_refuses_any_database_but_postgresql(monkeypatch):
    monkeypatch.setattr(
        "insights.management.commands.benchmark_pages.wrk_path", lambda: "/usr/bin/wrk"
    )
    with pytest.raises(CommandError, match="runs on PostgreSQL"):
        call_command("benchmark_pages", "--duration", "1")
