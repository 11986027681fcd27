"""A session's move, copy and delete forms are not on the builder page: each card has a
<details> that fetches them when opened (htmx), with a link inside to a small page of them for
a browser without JavaScript. The forms post the version of the page the coach acts from."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import CoachFactory
from training.models import TrainingSession
from training.tests.builder.posts import HTMX, MONDAY, week_url
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def actions_url(session, plan, version):
    url = reverse("training:session_actions", args=[session.pk])
    return f"{url}?plan={plan.pk}&version={version}"


def test_the_week_page_offers_each_cards_actions_on_demand(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY, focus="Squat day")
    page = coach_client.get(week_url(athlete)).content.decode()
    assert reverse("training:delete_session", args=[session.pk]) not in page
    assert reverse("training:move_session", args=[session.pk]) not in page
    link = actions_url(session, plan, plan.version).replace("&", "&amp;")
    assert f'hx-get="{link}" hx-trigger="toggle once from:closest details"' in page
    assert f'<a href="{link}">Move, copy or delete Squat day</a>' in page


def test_the_actions_carry_the_pages_version_and_the_sessions_day(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=1), focus="Easy")
    response = coach_client.get(actions_url(session, plan, 7), headers=HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in fragment
    assert fragment.count('<input type="hidden" name="version" value="7">') == 2
    assert f'action="{reverse("training:delete_session", args=[session.pk])}"' in fragment
    assert f'formaction="{reverse("training:duplicate_session", args=[session.pk])}"' in fragment
    assert '<option value="2026-12-01" selected>Tue</option>' in fragment
    assert fragment.count("<option") == 7


def test_without_javascript_the_actions_are_a_page_that_leads_back(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY, focus="Squat day")
    page = coach_client.get(actions_url(session, plan, plan.version)).content.decode()
    assert "<html" in page
    assert "<h1>Squat day" in page
    assert f'href="{week_url(athlete)}">Back to the week</a>' in page
    response = coach_client.post(
        reverse("training:delete_session", args=[session.pk]),
        {"version": plan.version, "plan": plan.pk},
    )
    assert response.status_code == 302
    assert not TrainingSession.objects.filter(pk=session.pk).exists()


def test_actions_of_a_session_deleted_since_answer_409_with_the_whole_builder(
    coach_client, athlete, plan
):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    url = actions_url(session, plan, plan.version)
    session.delete()
    response = coach_client.get(url, headers=HTMX)
    assert response.status_code == 409
    assert response["HX-Retarget"] == "#builder"
    assert response["HX-Reswap"] == "outerHTML"
    assert '<div id="builder"' in response.content.decode()


def test_another_coachs_session_has_no_actions(client, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    client.force_login(CoachFactory().user)
    assert client.get(actions_url(session, plan, plan.version)).status_code == 404
