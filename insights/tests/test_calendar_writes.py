"""The calendar's writes: a session moved to another day of its week (drag and drop and the
"Move to…" picker post the same form), a week copied to the next N weeks without ever
replacing a plan unseen. Refusals change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog
from training.models import PlanStatus, TrainingPlan
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def athlete():
    return AthleteFactory(name="Alex Kim", user__time_zone="UTC")


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.fixture
def monday():
    return monday_of(timezone.localdate()) + timedelta(weeks=1)


@pytest.fixture
def plan(athlete, monday):
    return TrainingPlanFactory(athlete=athlete, week_start_date=monday)


@pytest.fixture
def session(plan, monday):
    return TrainingSessionFactory(plan=plan, date=monday, focus="Easy run")


def move(client, session, day, version=1, **extra):
    url = reverse("training:calendar_move", args=[session.pk])
    return client.post(url, {"date": day.isoformat(), "version": version}, **extra)


def copy(client, athlete, source, weeks, **fields):
    url = reverse("training:calendar_copy", args=[athlete.pk])
    data = {"source": source.isoformat(), "weeks": weeks, "month": source.replace(day=1), **fields}
    return client.post(url, data, headers=HTMX)


# --- Moving -------------------------------------------------------------------------------


def test_moving_to_another_day_of_the_week_answers_the_updated_calendar(
    coach_client, session, monday
):
    response = move(coach_client, session, monday + timedelta(days=3), headers=HTMX)

    assert response.status_code == 200
    assert b'id="calendar"' in response.content and b"<html" not in response.content
    assert "Easy run moved to Thursday" in response.content.decode()
    session.refresh_from_db()
    assert session.date == monday + timedelta(days=3)
    assert session.plan.version == 2
    assert AuditLog.objects.filter(action="update_session").exists()


def test_without_javascript_a_move_redirects_to_the_month(coach_client, session, monday):
    response = move(coach_client, session, monday + timedelta(days=1))

    assert response.status_code == 302
    assert f"/calendar/{monday.year}/{monday.month}/" in response["Location"]


@pytest.mark.parametrize("offset", [-1, 7, 30])
def test_a_day_outside_the_sessions_week_is_a_422_naming_the_week(
    coach_client, session, monday, offset
):
    response = move(coach_client, session, monday + timedelta(days=offset), headers=HTMX)

    assert response.status_code == 422
    assert "Move a session to a day of its own week" in response.content.decode()
    session.refresh_from_db()
    assert session.date == monday and session.plan.version == 1


def test_a_missing_or_garbled_day_is_a_422(coach_client, session):
    url = reverse("training:calendar_move", args=[session.pk])
    for data in ({"version": 1}, {"version": 1, "date": "next tuesday"}):
        assert coach_client.post(url, data, headers=HTMX).status_code == 422


def test_a_move_from_a_stale_page_is_a_409_and_changes_nothing(coach_client, session, monday):
    TrainingPlan.objects.filter(pk=session.plan_id).update(version=4)

    response = move(coach_client, session, monday + timedelta(days=2), headers=HTMX)

    assert response.status_code == 409
    assert "This plan changed while you were looking" in response.content.decode()
    session.refresh_from_db()
    assert session.date == monday


def test_a_completed_weeks_session_cannot_be_moved(coach_client, session, monday):
    TrainingPlan.objects.filter(pk=session.plan_id).update(status=PlanStatus.COMPLETED)

    assert move(coach_client, session, monday + timedelta(days=2)).status_code == 409
    session.refresh_from_db()
    assert session.date == monday


def test_another_coachs_session_is_a_404(client, session, monday):
    client.force_login(CoachFactory().user)

    assert move(client, session, monday + timedelta(days=1)).status_code == 404
    session.refresh_from_db()
    assert session.date == monday


def test_an_athlete_cannot_move(client, athlete, session, monday):
    client.force_login(athlete.user)

    assert move(client, session, monday + timedelta(days=1)).status_code == 403


# --- Copying ahead ------------------------------------------------------------------------


def test_copying_into_empty_weeks_makes_drafts(coach_client, athlete, session, monday):
    response = copy(coach_client, athlete, monday, 3)

    assert response.status_code == 200
    assert "into the next 3 weeks. 3 drafts: publish when ready." in response.content.decode()
    copies = TrainingPlan.objects.filter(athlete=athlete, week_start_date__gt=monday)
    assert sorted(p.week_start_date for p in copies) == [
        monday + timedelta(weeks=n) for n in (1, 2, 3)
    ]
    assert all(p.is_draft and p.sessions.count() == 1 for p in copies)


def test_weeks_with_a_plan_are_listed_and_nothing_is_copied_until_confirmed(
    coach_client, athlete, session, monday
):
    taken = TrainingPlanFactory(athlete=athlete, week_start_date=monday + timedelta(weeks=2))

    response = copy(coach_client, athlete, monday, 3)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Replace 1 plan?" in page
    assert (monday + timedelta(weeks=2)).strftime("%a %-d %b %Y") in page
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 2  # nothing copied yet

    confirmed = copy(
        coach_client, athlete, monday, 3,
        confirm="replace", **{f"replace-{taken.week_start_date.isoformat()}": taken.version},
    )  # fmt: skip

    assert confirmed.status_code == 200
    said = "replacing 1 plan. 2 drafts: publish when ready. 1 week replaced a published plan"
    assert f"{said} and is live." in confirmed.content.decode()
    taken.refresh_from_db()
    assert taken.status == PlanStatus.ARCHIVED
    replacement = TrainingPlan.objects.get(
        athlete=athlete, week_start_date=taken.week_start_date, status=PlanStatus.ACTIVE
    )
    assert not replacement.is_draft  # it replaces a published plan: live, like any edit of it


def test_a_plan_changed_or_added_since_the_preview_is_a_409_and_nothing_is_copied(
    coach_client, athlete, session, monday
):
    taken = TrainingPlanFactory(athlete=athlete, week_start_date=monday + timedelta(weeks=1))
    TrainingPlanFactory(athlete=athlete, week_start_date=monday + timedelta(weeks=2))  # unseen

    response = copy(
        coach_client, athlete, monday, 2,
        confirm="replace", **{f"replace-{taken.week_start_date.isoformat()}": taken.version},
    )  # fmt: skip

    assert response.status_code == 409
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 3
    assert not TrainingPlan.objects.filter(status=PlanStatus.ARCHIVED).exists()


@pytest.mark.parametrize("weeks", ["0", "13", "", "two"])
def test_a_number_of_weeks_out_of_1_to_12_is_a_422(coach_client, athlete, session, monday, weeks):
    response = copy(coach_client, athlete, monday, weeks)

    assert response.status_code == 422
    assert "Choose 1–12 weeks" in response.content.decode()
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1


def test_a_week_without_a_plan_is_a_422(coach_client, athlete, monday):
    response = copy(coach_client, athlete, monday, 2)

    assert response.status_code == 422
    assert "Choose a week with a plan" in response.content.decode()


def test_copying_into_weeks_that_have_ended_is_refused(coach_client, athlete):
    old = monday_of(timezone.localdate()) - timedelta(weeks=5)
    TrainingPlanFactory(athlete=athlete, week_start_date=old, status=PlanStatus.COMPLETED)

    response = copy(coach_client, athlete, old, 2)

    assert response.status_code == 422
    assert "has ended" in response.content.decode()
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1


def test_another_coach_cannot_copy(client, athlete, session, monday):
    client.force_login(CoachFactory().user)

    assert copy(client, athlete, monday, 2).status_code == 404
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 1


# --- Publishing a week --------------------------------------------------------------------


def publish(client, plan, version=1):
    url = reverse("training:calendar_publish", args=[plan.pk])
    return client.post(url, {"version": version, "month": plan.week_start_date}, headers=HTMX)


def test_a_draft_week_is_published_from_the_calendar(coach_client, athlete, monday):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=monday, published_at=None)
    url = reverse("training:calendar_month", args=[athlete.pk, monday.year, monday.month])
    before = coach_client.get(url)
    assert "Publish<span" in before.content.decode()

    response = publish(coach_client, draft)

    assert response.status_code == 200
    assert "Published the week of" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_draft and draft.version == 2
    assert AuditLog.objects.filter(action="publish_plan").count() == 1


def test_publishing_from_a_stale_calendar_is_a_409(coach_client, athlete, monday):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=monday, published_at=None)

    assert publish(coach_client, draft, version=7).status_code == 409
    draft.refresh_from_db()
    assert draft.is_draft


def test_another_coach_cannot_publish_from_the_calendar(client, athlete, monday):
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=monday, published_at=None)
    client.force_login(CoachFactory().user)

    assert publish(client, draft).status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft
