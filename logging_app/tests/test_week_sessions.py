"""The athlete's week read in SQL (logging_app.selectors.week_sessions) says what the ORM
says: the standing, published plan's sessions in order, each with the athlete's own log."""

from datetime import timedelta

import pytest
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from logging_app.selectors import week_sessions
from logging_app.tests.factories import WorkoutLogFactory
from training.models import STANDING_STATUSES, PlanStatus, TrainingSession
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def by_the_orm(athlete, monday):
    """The same read as a queryset: the definition the SQL must keep to."""
    rows = (
        TrainingSession.objects.filter(
            plan__athlete=athlete,
            plan__week_start_date=monday,
            plan__status__in=STANDING_STATUSES,
            plan__published_at__isnull=False,
        )
        .annotate(
            own=FilteredRelation("logs", condition=Q(logs__athlete=athlete)),
            log_id=F("own__id"),
        )
        .order_by("plan__status", "date", "created_at")  # active before completed
    )
    rows = list(rows)
    standing = rows[0].plan_id if rows else None
    rows = [row for row in rows if row.plan_id == standing]
    return sorted(((r.pk, r.date, r.log_id) for r in rows), key=lambda r: r[1])


def test_the_sql_reads_what_the_orm_reads():
    athlete, other = AthleteFactory(), AthleteFactory()
    monday = monday_of(timezone.localdate())
    active = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    completed = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday, status=PlanStatus.COMPLETED
    )
    TrainingSessionFactory(plan=completed, date=monday)  # stands behind the active plan
    sessions = [
        TrainingSessionFactory(plan=active, date=monday + timedelta(days=d)) for d in (2, 0)
    ]
    WorkoutLogFactory(session=sessions[0], athlete=athlete)
    WorkoutLogFactory(session=sessions[1], athlete=other)  # someone else's: not the athlete's log
    draft = TrainingPlanFactory(
        athlete=athlete, week_start_date=monday + timedelta(7), published_at=None
    )
    TrainingSessionFactory(plan=draft, date=draft.week_start_date)

    read = week_sessions(athlete.pk, monday)

    assert [(s.pk, s.date, s.log_id) for s in read] == by_the_orm(athlete, monday)
    assert [s.log_id is not None for s in read] == [False, True]  # Monday's, Wednesday's
    assert week_sessions(athlete.pk, draft.week_start_date) == []  # a draft is not theirs
