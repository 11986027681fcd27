"""The read endpoints: what an athlete and a coach read, with targets from benchmarks, dates
and pages; bad parameters named; other people's data never; queries within the pages'
budgets on a realistic roster."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from accounts.tokens import create_token
from insights.tests.factories import WeeklySummaryFactory
from logging_app.tests.factories import WorkoutLogFactory
from training.tests.factories import (
    TRACK_INTERVALS,
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    busy_roster,
    strength_prescription,
    this_monday,
)

pytestmark = pytest.mark.django_db

MONDAY = this_monday()


@pytest.fixture
def week():
    """An athlete with a squat 1RM and heart-rate zones (no 5 km pace), this week published
    (a squat day, an interval run with its log), next week a draft, last week's summary."""
    athlete = AthleteFactory()
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=Decimal(140))
    for zone, bpm in enumerate((114, 133, 152, 171, 190), start=1):
        BenchmarkFactory(athlete=athlete, metric_type=f"HR_zone_{zone}", value=bpm)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)
    lift = TrainingSessionFactory(
        plan=plan, type="strength", prescription=strength_prescription(squat.pk)
    )
    run = TrainingSessionFactory(
        plan=plan, date=MONDAY + timedelta(days=1), prescription=TRACK_INTERVALS
    )
    log = WorkoutLogFactory(session=run, completed_at=timezone.now() - timedelta(days=8))
    draft = TrainingPlanFactory(
        athlete=athlete, week_start_date=MONDAY + timedelta(weeks=1), published_at=None
    )
    last_week = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(weeks=1))
    summary = WeeklySummaryFactory(plan=last_week, athlete=athlete)
    return {"athlete": athlete, "plan": plan, "lift": lift, "run": run, "log": log}, {
        "draft": draft,
        "summary": summary,
        "last_week": last_week,
    }


def read(client, user, name, *args, **query):
    _, secret = create_token(user=user, name="test", days=None)
    return client.get(
        reverse(f"api:{name}", args=args), query, headers={"Authorization": f"Bearer {secret}"}
    )


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["results"]]


def test_a_session_carries_its_targets_from_the_benchmarks(client, week):
    mine, _ = week
    answer = read(client, mine["athlete"].user, "session", mine["lift"].pk).json()

    (target,) = answer["targets"]
    assert target["kg"] == 105.0  # 75 % of 140, to 2.5 kg
    assert target["unit"] == "kg" and "105" in target["text"]
    assert answer["prescription"]["exercises"][0]["sets"] == 5
    assert answer["logId"] is None


def test_an_interval_session_names_the_benchmark_it_misses(client, week):
    mine, _ = week
    answer = read(client, mine["athlete"].user, "session", mine["run"].pk).json()

    own, warmup, work, recovery = answer["targets"]
    assert own["text"] == ""  # stated by its steps
    assert (warmup["low"], warmup["high"], warmup["unit"]) == (95, 114, "bpm")
    assert work["missing"] and "5 km pace" in work["missing"]
    assert (recovery["low"], recovery["high"]) == (95, 114)
    assert answer["logId"] == str(mine["log"].pk)


def test_an_athlete_reads_published_plans_only_and_a_coach_drafts_too(client, week):
    mine, theirs = week
    athlete, coach = mine["athlete"].user, mine["athlete"].coach.user

    assert str(theirs["draft"].pk) not in ids(read(client, athlete, "plans"))
    assert read(client, athlete, "plan", theirs["draft"].pk).status_code == 404
    assert str(theirs["draft"].pk) in ids(read(client, coach, "plans"))
    plan = read(client, coach, "plan", mine["plan"].pk).json()
    assert [s["id"] for s in plan["sessions"]] == [str(mine["lift"].pk), str(mine["run"].pk)]


def test_dates_bound_each_list(client, week):
    mine, theirs = week
    user, monday = mine["athlete"].user, MONDAY.isoformat()

    assert ids(read(client, user, "plans", **{"from": monday, "to": monday})) == [
        str(mine["plan"].pk)
    ]
    assert ids(read(client, user, "sessions", **{"from": monday, "to": monday})) == [
        str(mine["lift"].pk)
    ]
    assert ids(read(client, user, "workout_logs", to=(MONDAY - timedelta(days=1)).isoformat()))
    assert not ids(read(client, user, "workout_logs", **{"from": monday}))
    summaries = read(client, user, "summaries", **{"from": monday})
    assert not ids(summaries)
    assert ids(read(client, user, "summaries")) == [str(theirs["summary"].pk)]


def test_pages_link_to_the_next(client, week):
    mine, _ = week
    first = read(client, mine["athlete"].user, "benchmarks", pageSize="4").json()

    assert len(first["results"]) == 4 and first["page"] == 1
    assert first["next"].endswith("pageSize=4&page=2")
    _, secret = create_token(user=mine["athlete"].user, name="t", days=None)
    second = client.get(first["next"], headers={"Authorization": f"Bearer {secret}"}).json()
    assert len(second["results"]) == 2 and second["next"] is None


def test_benchmarks_by_metric(client, week):
    mine, _ = week
    found = read(client, mine["athlete"].user, "benchmarks", metric="1RM").json()["results"]
    assert [(b["metricType"], b["value"], b["exerciseName"]) for b in found] == [
        ("1RM", 140.0, "Back Squat")
    ]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"from": "1999-12-31"}, "from"),
        ({"from": "2026-12-02", "to": "2026-12-01"}, "to"),
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"pageSize": "101"}, "pageSize"),
        ({"page": "1" + "0" * 5000}, "page"),  # past int()'s 4300 digits: not a 500
        ({"pageSize": "0" * 5000 + "1"}, "pageSize"),
        ({"athlete": "not-an-id"}, "athlete"),
        ({"form": "2026-01-01"}, "form"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, week, query, name):
    mine, _ = week
    response = read(client, mine["athlete"].user, "sessions", **query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]
    assert name in response.json()["messages"][name]


def test_another_persons_objects_are_404s(client, week):
    mine, theirs = week
    stranger = AthleteFactory()  # another coach's athlete

    for name, pk in [
        ("plan", mine["plan"].pk),
        ("session", mine["lift"].pk),
        ("summary", theirs["summary"].pk),
    ]:
        assert read(client, stranger.user, name, pk).status_code == 404
    # The other coach cannot name the athlete either, nor list their data.
    other_coach = stranger.coach.user
    response = read(client, other_coach, "sessions", athlete=str(mine["athlete"].pk))
    assert response.status_code == 404 and list(response.json()["errors"]) == ["athlete"]
    assert not ids(read(client, other_coach, "workout_logs"))
    assert read(client, mine["athlete"].coach.user, "sessions").json()["results"]


def test_an_unknown_api_path_is_a_json_404(client, week):
    mine, _ = week
    _, secret = create_token(user=mine["athlete"].user, name="t", days=None)
    response = client.get("/api/v1/plans/nope/", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 404 and response.json()["errors"]


# --- Query budgets (DESIGN.md): a list reads like a page, whatever the data ---------------

LISTS = ["athletes", "plans", "sessions", "workout_logs", "benchmarks", "summaries"]


@pytest.mark.parametrize("name", LISTS)
def test_a_coachs_lists_stay_within_the_roster_budget(client, name, django_assert_max_num_queries):
    roster = busy_roster(AthleteFactory().coach, MONDAY, athletes=20)
    for athlete in roster:
        last_week = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(7))
        WeeklySummaryFactory(plan=last_week, athlete=athlete)
    coach = roster[0].coach.user
    _, secret = create_token(user=coach, name="t", days=None)
    url, auth = reverse(f"api:{name}"), {"Authorization": f"Bearer {secret}"}
    client.get(url, headers=auth)  # the token's last use: written once a minute

    with django_assert_max_num_queries(6):
        response = client.get(url, {"pageSize": "100"}, headers=auth)
    assert response.status_code == 200 and response.json()["results"]


@pytest.mark.parametrize("name", ["plan", "session"])
def test_a_plan_or_session_with_targets_stays_within_the_today_budget(
    client, week, name, django_assert_max_num_queries
):
    mine, _ = week
    pk = mine["plan"].pk if name == "plan" else mine["run"].pk
    client.force_login(mine["athlete"].user)  # the session cookie: two queries of its own

    with django_assert_max_num_queries(8):
        assert client.get(reverse(f"api:{name}", args=[pk])).status_code == 200
