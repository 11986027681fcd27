"""The apply page: choose athletes and a Monday, the preview per athlete (planned weeks,
availability clashes), and the POST that applies with skip / replace / cancel."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Availability
from accounts.tests.factories import AthleteFactory
from training.models import PlanStatus, TrainingPlan
from training.tests.factories import TrainingPlanFactory, this_monday
from training.tests.programs.conftest import PROGRAM_TEXT, make_program, next_monday

pytestmark = pytest.mark.django_db


def url(program):
    return reverse("training:program_apply", args=[program.pk])


def test_the_form_lists_the_roster_and_offers_next_monday(coach_client, program, athlete):
    page = coach_client.get(url(program)).content.decode()
    assert "Alex Kim" in page and f'value="{next_monday().isoformat()}"' in page


def test_the_preview_lists_each_week_its_plan_and_the_clashes(
    coach_client, program, athlete, second_athlete
):
    start = next_monday()
    TrainingPlanFactory(athlete=athlete, week_start_date=start + timedelta(weeks=1), version=4)
    days = [60, 0, 60, 60, 60, 60, 0]
    Availability.objects.create(athlete=second_athlete, minutes_by_weekday=days, has_gym=False)
    query = {"athletes": [athlete.pk, second_athlete.pk], "start": start.isoformat()}
    page = coach_client.get(url(program), query).content.decode()
    assert page.count("<tr") == 2 * 4  # a header and three weeks per athlete
    assert f'name="seen-{athlete.pk}" value="{(start + timedelta(weeks=1)).isoformat()}:4"' in page
    assert "1 week already planned" in page and "no week planned yet" in page
    assert "Blake Chen cannot train on Tuesdays" in page
    assert "has lifts at %1RM, and Blake Chen has no gym" in page


def test_apply_replace_for_one_and_skip_for_another(coach_client, program, athlete, second_athlete):
    start = next_monday()
    mine = TrainingPlanFactory(athlete=athlete, week_start_date=start, version=2)
    theirs = TrainingPlanFactory(athlete=second_athlete, week_start_date=start, version=7)
    data = {
        "athletes": [athlete.pk, second_athlete.pk], "start": start.isoformat(),
        f"mode-{athlete.pk}": "replace", f"seen-{athlete.pk}": f"{start.isoformat()}:2",
        f"mode-{second_athlete.pk}": "skip", f"seen-{second_athlete.pk}": f"{start.isoformat()}:7",
    }  # fmt: skip
    response = coach_client.post(url(program), data)
    assert response.status_code == 302 and response.url == reverse("training:program_list")
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.status == PlanStatus.ARCHIVED and theirs.status == PlanStatus.ACTIVE
    assert TrainingPlan.objects.filter(athlete=athlete, status="active").count() == 3
    assert TrainingPlan.objects.filter(athlete=second_athlete, status="active").count() == 3


def test_one_athlete_goes_to_their_week_in_the_builder(coach_client, program, athlete):
    start = next_monday()
    data = {"athletes": [athlete.pk], "start": start.isoformat(), "publish": "on"}
    response = coach_client.post(url(program), data)
    assert response.url == reverse("training:week", args=[athlete.pk, start.isoformat()])
    assert TrainingPlan.objects.filter(published_at__isnull=False).count() == 3


def test_cancel_leaves_the_athlete_out(coach_client, program, athlete, second_athlete):
    data = {"athletes": [athlete.pk, second_athlete.pk], "start": next_monday().isoformat(),
            f"mode-{second_athlete.pk}": "cancel"}  # fmt: skip
    coach_client.post(url(program), data)
    assert not TrainingPlan.objects.filter(athlete=second_athlete).exists()
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 3


def test_a_stale_preview_is_a_409_and_nothing_is_applied(coach_client, program, athlete):
    start = next_monday()
    TrainingPlanFactory(athlete=athlete, week_start_date=start)  # added after the preview
    response = coach_client.post(
        url(program), {"athletes": [athlete.pk], "start": start.isoformat()}
    )
    assert response.status_code == 409 and 'id="conflict"' in response.content.decode()
    assert TrainingPlan.objects.count() == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"start": "2026-13-01"}, "Give the start as a date"),
        ({"start": "next-tuesday"}, "Give the start as a date"),
        ({"start": (next_monday() + timedelta(days=2)).isoformat()}, "is not a Monday"),
        ({"start": (this_monday() - timedelta(weeks=1)).isoformat()}, "this week or later"),
        ({"start": next_monday().isoformat(), "athletes": []}, "at least one athlete"),
        ({"start": next_monday().isoformat(), "athletes": ["nope"]}, "from the list"),
        ({"start": next_monday().isoformat(), "mode": "bogus"}, "skip, replace or cancel"),
        ({"start": next_monday().isoformat(), "seen": "x:y"}, "preview again"),
        ({"start": next_monday().isoformat(), "mode": "cancel"}, "Every athlete is cancelled"),
    ],
)
def test_refused_input_names_the_field_and_stores_nothing(
    coach_client, program, athlete, query, expected
):
    data = {"athletes": [athlete.pk], **query}
    if "mode" in query:
        data[f"mode-{athlete.pk}"] = data.pop("mode")
    if "seen" in query:
        data[f"seen-{athlete.pk}"] = data.pop("seen")
    response = coach_client.post(url(program), data)
    assert response.status_code == 422 and expected in response.content.decode()
    assert not TrainingPlan.objects.exists()


def test_another_coach_s_athlete_is_404_and_nothing_is_written(coach_client, program):
    data = {"athletes": [AthleteFactory().pk], "start": next_monday().isoformat()}
    assert coach_client.post(url(program), data).status_code == 404
    assert coach_client.get(url(program), data).status_code == 404
    assert not TrainingPlan.objects.exists()


def test_athletes_are_refused(client, athlete, program):
    client.force_login(athlete.user)
    assert client.post(url(program), {"athletes": [athlete.pk]}).status_code == 403


def test_the_preview_stays_in_budget_for_16_weeks_and_20_athletes(
    coach_client, coach, django_assert_max_num_queries
):
    week = PROGRAM_TEXT.split("\n", 1)[1].split("Week 2")[0]
    program = make_program(coach, "".join(f"Week {n}\n{week}" for n in range(1, 17)), name="Long")
    athletes = AthleteFactory.create_batch(20, coach=coach)
    for athlete in athletes[:10]:
        Availability.objects.create(athlete=athlete, minutes_by_weekday=[30] * 7, has_gym=False)
        TrainingPlanFactory(athlete=athlete, week_start_date=next_monday() + timedelta(weeks=3))
    query = {"athletes": [a.pk for a in athletes], "start": next_monday().isoformat()}
    # session, user, coach, program, its sessions, athletes with availability, roster, plans
    with django_assert_max_num_queries(9):
        page = coach_client.get(url(program), query)
    assert page.status_code == 200
    assert page.content.decode().count("1 week already planned") == 10
