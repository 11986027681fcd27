"""The shared layout (templates/base.html): who gets which navigation, where Sign out is,
and which pages load htmx (only those with hx- attributes)."""

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db

HTMX = re.compile(r"<script[^>]+htmx[^>]*\.js")
LOGOUT = 'action="/accounts/logout/"'


def header(page: str) -> str:
    return page[page.index("<header") : page.index("</header>")]


def test_athletes_get_the_five_tabs_with_the_current_one_marked(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)

    page = client.get(reverse("logging_app:week")).content.decode()

    nav = header(page)
    for name in ("Today", "Week", "History", "Summaries", "Benchmarks", "Account"):
        assert f">{name}</a>" in nav
    assert f'href="{reverse("logging_app:week")}" aria-current="page">Week' in nav
    assert 'aria-current="page">Today' not in nav
    assert 'class="has-tabbar"' in page
    assert LOGOUT not in page


def test_coaches_get_their_sections_and_no_tab_bar(client):
    coach = CoachFactory()
    client.force_login(coach.user)

    page = client.get(reverse("training:roster")).content.decode()

    nav = header(page)
    for name in ("Athletes", "Invitations", "Exercises", "Account"):
        assert f">{name}</a>" in nav
    assert "tabbar" not in page and LOGOUT not in page


def test_sign_out_is_a_post_form_on_the_account_page(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)

    page = client.get(reverse("accounts:account")).content.decode()

    form = page[page.index(LOGOUT) - 40 :]
    assert 'method="post"' in form[:120] and "csrfmiddlewaretoken" in form
    assert ">Sign out</button>" in form


def test_visitors_see_sign_in_and_sign_up(client):
    page = client.get(reverse("accounts:login")).content.decode()

    assert ">Sign in</a>" in header(page) and ">Coach sign-up</a>" in header(page)


def test_htmx_loads_only_on_pages_that_use_it(client):
    coach = CoachFactory()
    plan = TrainingPlanFactory(athlete=AthleteFactory(coach=coach))
    client.force_login(coach.user)
    builder = reverse("training:week", args=[plan.athlete_id, plan.week_start_date.isoformat()])

    for url in (builder, reverse("training:exercise_list")):
        page = client.get(url).content.decode()
        assert "hx-" in page and HTMX.search(page), url
        assert 'name="htmx-config"' in page
    for url in (reverse("training:roster"), reverse("accounts:account")):
        page = client.get(url).content.decode()
        assert not HTMX.search(page) and "htmx-config" not in page, url

    client.force_login(plan.athlete.user)
    today = client.get(reverse("logging_app:today")).content.decode()
    assert "hx-" not in today and not HTMX.search(today)


def test_pages_are_sent_compressed(client):
    athlete = AthleteFactory()
    client.force_login(athlete.user)

    response = client.get(reverse("logging_app:today"), HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
