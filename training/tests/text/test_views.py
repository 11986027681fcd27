"""The builder's text mode: the page, the live preview and Save; another coach gets 404."""

import pytest
from django.urls import reverse

from accounts.tests.factories import CoachFactory
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.tests.text.conftest import MONDAY
from training.tests.text.test_parse_week import ISSUE_WEEK

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(name, athlete):
    return reverse(f"training:{name}", args=[athlete.pk, MONDAY.isoformat()])


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


def test_the_page_prints_the_week_and_carries_its_version(coach_client, athlete, plan):
    page = coach_client.get(url("plan_text", athlete)).content.decode()
    assert "Mon Aerobic base\n  Run 45min 8km Z2\n</textarea>" in page
    assert 'name="version" value="3"' in page
    assert reverse("training:week", args=[athlete.pk, MONDAY.isoformat()]) in page


def test_the_builder_links_to_the_text_mode(coach_client, athlete, plan):
    page = coach_client.get(reverse("training:week", args=[athlete.pk, MONDAY.isoformat()]))
    assert url("plan_text", athlete) in page.content.decode()


def test_the_preview_shows_the_sessions_with_the_athlete_s_targets(coach_client, athlete):
    response = coach_client.post(url("preview_text", athlete), {"text": ISSUE_WEEK}, headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "4 sessions" in page
    assert "Back Squat" in page and "105 kg" in page  # 75 % of a 140 kg 1RM
    assert "175 W" in page  # 70 % of a 250 W FTP
    assert "3 × 8–10 @ RPE 7.5" in page  # the rep range, kept whole


def test_the_preview_lists_every_error_with_its_line_and_word(coach_client, athlete):
    text = "Mon\n  Back sqat 5x5 @75%\nTue\n  Run 45 Z2\n"
    page = coach_client.post(url("preview_text", athlete), {"text": text}, headers=HTMX)
    page = page.content.decode()
    assert "2 problems: nothing will be saved" in page
    assert "Line 2, “<code>Back sqat</code>”" in page and "did you mean Back Squat" in page
    assert "Line 4, “<code>45</code>”" in page
    # Each error links to its word in the text (static/js/text-mode.js selects it).
    assert 'data-line="4" data-column="7" data-word="45"' in page


def test_save_writes_a_new_version_and_returns_to_the_builder(coach_client, athlete, plan):
    response = coach_client.post(url("save_text", athlete), {"text": ISSUE_WEEK, "version": "3"})
    assert response.status_code == 302
    assert response.url == reverse("training:week", args=[athlete.pk, MONDAY.isoformat()])
    new = TrainingPlan.objects.get(status=PlanStatus.ACTIVE)
    assert new.version == 4 and new.sessions.count() == 4
    builder = coach_client.get(response.url).content.decode()
    assert "Saved 4 sessions from text." in builder and "Long ride" in builder


def test_a_text_with_errors_is_shown_again_and_nothing_changes(coach_client, athlete, plan):
    text = ISSUE_WEEK + "Sun\n  Swim 30 Z2\n"
    response = coach_client.post(url("save_text", athlete), {"text": text, "version": "3"})
    assert response.status_code == 422
    assert "Swim 30 Z2" in response.content.decode()
    assert TrainingPlan.objects.get() == plan and TrainingSession.objects.count() == 1


def test_a_text_too_long_is_an_error_not_a_truncation(coach_client, athlete, plan):
    text = ISSUE_WEEK + "# " + "x" * 20_000 + "\n"
    response = coach_client.post(url("save_text", athlete), {"text": text, "version": "3"})
    assert response.status_code == 422
    assert "a week fits in 20,000" in response.content.decode()
    assert TrainingPlan.objects.get().version == 3


def test_a_stale_version_is_a_conflict_and_the_text_stays(coach_client, athlete, plan):
    response = coach_client.post(url("save_text", athlete), {"text": ISSUE_WEEK, "version": "2"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "This plan changed while you were writing" in page and "Long ride" in page
    assert TrainingPlan.objects.get().version == 3


def test_an_ended_week_cannot_be_written(coach_client, athlete, plan):
    TrainingPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.COMPLETED)
    response = coach_client.post(url("save_text", athlete), {"text": ISSUE_WEEK, "version": ""})
    assert response.status_code == 422
    assert TrainingPlan.objects.count() == 1


@pytest.mark.parametrize("name", ["plan_text", "preview_text", "save_text"])
def test_another_coach_gets_404(client, athlete, plan, name):
    client.force_login(CoachFactory().user)
    send = client.get if name == "plan_text" else client.post
    response = send(url(name, athlete), {"text": ISSUE_WEEK, "version": "3"})
    assert response.status_code == 404
    assert TrainingPlan.objects.get().version == 3


def test_a_week_url_that_is_not_a_monday_is_404(coach_client, athlete):
    tuesday = reverse("training:plan_text", args=[athlete.pk, "2026-12-01"])
    assert coach_client.get(tuesday).status_code == 404


def test_page_and_preview_stay_in_their_query_budgets(
    coach_client, athlete, plan, django_assert_max_num_queries
):
    big_week = ISSUE_WEEK * 3  # twelve sessions
    # Page: session and user, the athlete, the week's sessions and plan, benchmarks, names.
    with django_assert_max_num_queries(8):
        assert coach_client.get(url("plan_text", athlete)).status_code == 200
    # Preview: session and user, the athlete, the coach's catalog, the benchmarks.
    with django_assert_max_num_queries(6):
        response = coach_client.post(url("preview_text", athlete), {"text": big_week}, headers=HTMX)
    assert "12 sessions" in response.content.decode()
