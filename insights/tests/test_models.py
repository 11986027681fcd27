from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from insights.models import DISCLAIMER, AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from training.models import TrainingPlan

pytestmark = pytest.mark.django_db


def test_one_summary_per_athlete_per_week(db_rejects):
    summary = WeeklySummaryFactory()
    with db_rejects("idx_summary_athlete_week"):
        WeeklySummaryFactory(
            plan=summary.plan, athlete=summary.athlete, week_end_date=summary.week_end_date
        )


@pytest.mark.parametrize("rate", ["-0.001", "1.001"])
def test_adherence_between_0_and_1(rate, db_rejects):
    with db_rejects("summary_adherence_0_1"):
        WeeklySummaryFactory(adherence_rate=rate)


@pytest.mark.parametrize("rate", ["0", "1"])
def test_adherence_bounds_accepted(rate):
    WeeklySummaryFactory(adherence_rate=rate).full_clean()


def test_week_ends_on_sunday(db_rejects):
    summary = WeeklySummaryFactory()
    with db_rejects("summary_week_ends_sunday"):
        AIWeeklySummary.objects.filter(pk=summary.pk).update(
            week_end_date=summary.week_end_date - timedelta(days=1)
        )


def test_summary_carries_the_disclaimer_by_default():
    assert WeeklySummaryFactory().disclaimer == DISCLAIMER
    assert "not medical advice" in DISCLAIMER


def test_json_columns_validated_by_full_clean():
    summary = WeeklySummaryFactory.build(
        plan=WeeklySummaryFactory().plan,
        suggestions=[{"suggestion": "Rest more"}],
        patterns=["ok", 3],
        total_volume={"strength": "lots", "endurance": "240min"},
    )
    summary.athlete = summary.plan.athlete
    with pytest.raises(ValidationError) as caught:
        summary.full_clean()
    errors = caught.value.message_dict
    assert errors["suggestions"] == ["[0].reasoning: is required"]
    assert errors["patterns"] == ["[1]: must be text"]
    assert errors["total_volume"] == ["strength: must be a number of kilograms, such as 1200kg"]


def test_summary_outlives_a_deleted_plan_and_goes_with_the_athlete():
    summary = WeeklySummaryFactory()
    TrainingPlan.objects.filter(pk=summary.plan_id).delete()
    summary.refresh_from_db()
    assert summary.plan is None
    summary.athlete.user.delete()
    assert not AIWeeklySummary.objects.filter(pk=summary.pk).exists()


def test_a_week_with_nothing_to_suggest_is_valid():
    summary = WeeklySummaryFactory(patterns=[], suggestions=[])
    summary.full_clean()
