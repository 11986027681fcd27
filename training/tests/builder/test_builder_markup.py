"""The builder's markup says each thing once: htmx's target and swap sit on the #builder
container (its hx- controls inherit them), and a partial response carries the messages
through the same _messages.html partial as a full page."""

import re

import pytest
from django.urls import reverse

from training.tests.builder.posts import HTMX, MONDAY, new_session_url, week_url
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

MESSAGES = r'<section aria-label="Messages" class="messages">(.*?)</section>'
CONTAINER = '<div id="builder" class="builder" hx-target="#builder" hx-swap="outerHTML">'


def test_target_and_swap_are_set_once_on_the_container(coach_client, athlete, plan):
    TrainingSessionFactory(plan=plan, date=MONDAY)
    for headers in ({}, HTMX):
        page = coach_client.get(week_url(athlete), headers=headers).content.decode()
        assert page.count('hx-target="#builder"') == 1
        assert CONTAINER in page
        # The only control aiming elsewhere is absent here (the editor's search box).
        assert page.count("hx-swap=") == 1


def test_the_editors_controls_inherit_and_its_search_aims_at_the_results(
    coach_client, athlete, plan
):
    page = coach_client.get(
        new_session_url(plan) + f"&date={MONDAY.isoformat()}", headers=HTMX
    ).content.decode()
    assert CONTAINER in page
    assert page.count('hx-target="#builder"') == 1
    assert 'hx-target="#exercise-results" hx-swap="innerHTML"' in page


def test_an_htmx_answer_carries_its_message_as_a_full_page_would(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    response = coach_client.post(
        reverse("training:delete_session", args=[session.pk]),
        {"version": plan.version, "plan": plan.pk},
        headers=HTMX,
    )
    page = response.content.decode()
    assert "<html" not in page
    messages = re.search(MESSAGES, page, re.S)
    assert messages
    assert re.search(r'<p class="message message-success" role="status">[^<]+</p>', messages[1])


def test_a_full_page_shows_its_message_once(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    response = coach_client.post(
        reverse("training:delete_session", args=[session.pk]),
        {"version": plan.version, "plan": plan.pk},
        follow=True,
    )
    page = response.content.decode()
    assert "<html" in page
    assert len(re.findall(MESSAGES, page, re.S)) == 1
