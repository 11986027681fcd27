"""The roster's kept lines: every write of a plan, session or log makes its athlete's figures
stale, a new day does too, and figures computed while a write commits are never kept."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from insights import roster_lines
from insights.models import RosterLine
from logging_app.services import record_workout
from logging_app.tests.factories import endurance_actual
from training import services
from training.selectors import monday_of
from training.signals import plans_changed
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def athlete():
    return AthleteFactory()


def lines_of(*athletes):
    """As the roster reads them: {id: (version, computed_version, as_of, figures) or None}."""
    kept = {line.athlete_id: line for line in RosterLine.objects.all()}
    return {
        a.pk: (
            (kept[a.pk].version, kept[a.pk].computed_version, kept[a.pk].as_of, kept[a.pk].figures)
            if a.pk in kept
            else None
        )
        for a in athletes
    }


def figures(athlete, today):
    return roster_lines.figures_of(lines_of(athlete), today)[athlete.pk]


def is_fresh(athlete, today) -> bool:
    line = RosterLine.objects.get(athlete=athlete)
    return line.computed_version == line.version and line.as_of == today


def test_figures_are_kept_and_read_back_until_a_write(athlete, today, django_assert_num_queries):
    session = TrainingSessionFactory(
        plan=TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today)),
        date=today - timedelta(days=1) if today.weekday() else today,
    )
    computed = figures(athlete, today)
    assert is_fresh(athlete, today)
    lines = lines_of(athlete)
    with django_assert_num_queries(0):  # what the roster read is used as it is
        assert roster_lines.figures_of(lines, today) == {athlete.pk: computed}

    record_workout(
        athlete=athlete,
        session=session,
        log_id=uuid4(),
        completed_at=timezone.now(),
        actual_data=endurance_actual(),
    )

    assert not is_fresh(athlete, today)
    assert figures(athlete, today)["windows"]["7"][1] == computed["windows"]["7"][1] + 1
    assert is_fresh(athlete, today)


@pytest.mark.parametrize(
    "write",
    [
        "session_added",
        "session_moved",
        "session_deleted",
        "plan_archived",
        "log_deleted",
        "plan_published",
        "bulk_write_signalled",
    ],
)
def test_every_kind_of_write_makes_the_figures_stale(athlete, today, write):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    session = TrainingSessionFactory(plan=plan, date=plan.week_start_date)
    log = session.logs.create(
        athlete=athlete, completed_at=timezone.now(), actual_data=endurance_actual()
    )
    figures(athlete, today)
    assert is_fresh(athlete, today)
    coach = athlete.coach.user
    plan.refresh_from_db()

    match write:
        case "session_added":
            fields = {
                "date": plan.week_start_date,
                "type": "endurance",
                "prescription": session.prescription,
            }
            services.add_session(plan=plan, version=plan.version, by=coach, fields=fields)
        case "session_moved":
            to = plan.week_start_date + timedelta(days=1)
            services.move_session(session=session, version=plan.version, by=coach, to_date=to)
        case "session_deleted":
            services.delete_session(session=session, version=plan.version, by=coach)
        case "plan_archived":
            services.set_plan_status(plan=plan, version=plan.version, by=coach, status="archived")
        case "log_deleted":
            log.delete()
        case "plan_published":
            draft = TrainingPlanFactory(
                athlete=athlete,
                week_start_date=plan.week_start_date + timedelta(7),
                published_at=None,
            )
            figures(athlete, today)
            services.publish_plan(plan=draft, version=draft.version, by=coach)
        case "bulk_write_signalled":
            plans_changed.send(sender=None, athlete_ids=[athlete.pk])

    assert not is_fresh(athlete, today)


def test_a_new_day_recomputes(athlete, today):
    figures(athlete, today)
    tomorrow = today + timedelta(days=1)
    assert not is_fresh(athlete, tomorrow)
    figures(athlete, tomorrow)
    assert is_fresh(athlete, tomorrow)


def test_figures_computed_while_a_write_commits_are_not_kept(athlete, today, monkeypatch):
    """A reader computes from what it read; a write that raises the version meanwhile wins,
    so the figures are returned to that reader but stored as stale."""
    figures(athlete, today)
    roster_lines.forget([athlete.pk])
    stale_lines = lines_of(athlete)
    real_compute = roster_lines.compute

    def compute_while_a_write_commits(athlete_ids, day):
        result = real_compute(athlete_ids, day)
        roster_lines.forget(athlete_ids)  # another request's write, committed meanwhile
        return result

    monkeypatch.setattr(roster_lines, "compute", compute_while_a_write_commits)
    roster_lines.figures_of(stale_lines, today)

    assert not is_fresh(athlete, today)


def test_an_athlete_without_a_line_gets_one(athlete, today):
    assert not RosterLine.objects.exists()
    figures(athlete, today)
    assert RosterLine.objects.get().athlete_id == athlete.pk
    assert is_fresh(athlete, today)
