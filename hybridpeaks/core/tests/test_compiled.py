"""CompiledRead: a queryset compiled once, run with each caller's values, reads what the
queryset reads (on PostgreSQL and on SQLite, whose UUIDs are hex text)."""

from datetime import date, timedelta
from uuid import UUID

import pytest

from accounts.tests.factories import AthleteFactory
from hybridpeaks.core.compiled import CompiledRead, stand_in
from training.models import STANDING_STATUSES, PlanStatus, TrainingPlan
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 30)


def standing(athlete, monday):
    return TrainingPlan.objects.filter(
        athlete_id=athlete, week_start_date=monday, status__in=STANDING_STATUSES
    ).order_by("status")


READ = CompiledRead(standing, athlete=stand_in(UUID, 7), monday=stand_in(date, 7))


def test_it_reads_what_the_queryset_reads_for_each_callers_values(django_assert_num_queries):
    alex, sam = AthleteFactory(), AthleteFactory()
    TrainingPlanFactory(athlete=alex, week_start_date=MONDAY)
    TrainingPlanFactory(athlete=alex, week_start_date=MONDAY, status=PlanStatus.COMPLETED)
    TrainingPlanFactory(athlete=alex, week_start_date=MONDAY, status=PlanStatus.ARCHIVED)
    TrainingPlanFactory(athlete=sam, week_start_date=MONDAY + timedelta(weeks=1))

    for athlete, monday in [(alex, MONDAY), (sam, MONDAY + timedelta(weeks=1)), (sam, MONDAY)]:
        with django_assert_num_queries(1):
            read = READ.read(athlete=athlete.pk, monday=monday)
        assert read == list(standing(athlete.pk, monday))  # the literals (statuses) kept
        assert all(isinstance(plan, TrainingPlan) for plan in read)
    assert [plan.status for plan in READ.read(athlete=alex.pk, monday=MONDAY)] == [
        "active",
        "completed",
    ]


def test_a_stand_in_the_query_does_not_use_is_refused():
    unused = CompiledRead(
        lambda athlete, monday: TrainingPlan.objects.filter(athlete_id=athlete),
        athlete=stand_in(UUID, 8),
        monday=stand_in(date, 8),
    )
    with pytest.raises(ValueError, match="does not use monday"):
        unused.read(athlete=UUID(int=1), monday=MONDAY)


def test_stand_ins_are_values_no_data_has():
    assert stand_in(UUID, 3) == UUID(int=3)
    assert stand_in(date, 3) == date(1, 1, 4)
    with pytest.raises(TypeError):
        stand_in(str, 1)
