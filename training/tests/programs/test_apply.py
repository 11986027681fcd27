"""Applying a program: plans per athlete and week from a Monday, skip / replace / cancel,
drafts unless published, one transaction (nothing half-written), stale previews refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditLog
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.programs.services import REPLACE, SKIP, Choice, StalePlan, apply_program
from training.signals import plans_changed
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory, this_monday
from training.tests.programs.conftest import next_monday

pytestmark = pytest.mark.django_db


def apply(program, choices, start=None, publish=False):
    return apply_program(program=program, coach=program.coach, start=start or next_monday(),
                         choices=choices, publish=publish)  # fmt: skip


def test_each_program_week_becomes_a_draft_plan_with_its_sessions(program, athlete):
    plans = apply(program, [Choice(athlete, SKIP, {})])
    start = next_monday()
    assert [p.week_start_date for p in plans] == [start + timedelta(weeks=n) for n in range(3)]
    assert all(p.is_draft and p.status == PlanStatus.ACTIVE for p in plans)
    first = TrainingSession.objects.filter(plan=plans[0]).order_by("date")
    assert [s.date.weekday() for s in first] == [0, 1, 3, 5]
    assert first[0].prescription["exercises"][0]["intensity"] == {
        "type": "percent_1rm",
        "value": 75,
    }
    assert plans[1].sessions.count() == 0  # the rest week: a plan without sessions
    assert AuditLog.objects.filter(action="apply_program").count() == 1


def test_publish_now_publishes_every_plan_written(program, athlete):
    plans = apply(program, [Choice(athlete, SKIP, {})], publish=True)
    assert all(TrainingPlan.objects.get(pk=p.pk).published_at for p in plans)


def test_skip_keeps_a_planned_week_and_replace_archives_it(program, athlete, second_athlete):
    start = next_monday()
    kept = TrainingPlanFactory(athlete=athlete, week_start_date=start, version=2)
    old = TrainingPlanFactory(athlete=second_athlete, week_start_date=start, version=5)
    apply(program, [Choice(athlete, SKIP, {start: 2}), Choice(second_athlete, REPLACE, {start: 5})])
    kept.refresh_from_db(), old.refresh_from_db()
    assert kept.status == PlanStatus.ACTIVE and kept.version == 2
    assert TrainingPlan.objects.filter(athlete=athlete).count() == 3  # kept + weeks 2 and 3
    assert old.status == PlanStatus.ARCHIVED
    new = TrainingPlan.objects.get(athlete=second_athlete, week_start_date=start, status="active")
    assert new.version == 6 and new.published_at  # replacing a published plan stays published
    assert new.sessions.count() == 4


def test_a_cancelled_athlete_is_left_out(program, athlete, second_athlete):
    apply(program, [Choice(athlete, SKIP, {})])
    assert not TrainingPlan.objects.filter(athlete=second_athlete).exists()


def test_a_plan_added_since_the_preview_refuses_the_whole_apply(program, athlete, second_athlete):
    """The first athlete's weeks are written before the second's stale week is met: the one
    transaction takes them back."""
    TrainingPlanFactory(athlete=second_athlete, week_start_date=next_monday() + timedelta(weeks=2))
    before = TrainingPlan.objects.count(), TrainingSession.objects.count()
    for mode in (SKIP, REPLACE):
        with pytest.raises(StalePlan):
            apply(program, [Choice(athlete, SKIP, {}), Choice(second_athlete, mode, {})])
    assert (TrainingPlan.objects.count(), TrainingSession.objects.count()) == before
    assert not AuditLog.objects.filter(action__in=["apply_program", "create_plan"]).exists()


def test_a_plan_edited_since_the_preview_is_not_replaced(program, athlete):
    start = next_monday()
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=start, version=3)
    TrainingSessionFactory(plan=plan, date=start)
    with pytest.raises(StalePlan):
        apply(program, [Choice(athlete, REPLACE, {start: 2})])
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and TrainingPlan.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "field"),
    [(next_monday() + timedelta(days=1), "start"), (this_monday() - timedelta(weeks=1), "start")],
)
def test_a_start_that_is_not_a_monday_of_a_week_to_come_is_refused(program, athlete, start, field):
    with pytest.raises(ValidationError) as caught:
        apply(program, [Choice(athlete, SKIP, {})], start=start)
    assert field in caught.value.message_dict and not TrainingPlan.objects.exists()


def test_nobody_to_apply_to_is_refused(program):
    with pytest.raises(ValidationError) as caught:
        apply(program, [])
    assert "athletes" in caught.value.message_dict


def test_the_roster_s_figures_hear_of_it(program, athlete):
    """Plans are saved (post_save) and published through publish_plan (plans_changed)."""
    heard = []

    def listener(sender, athlete_ids, **kwargs):
        heard.append(athlete_ids)

    plans_changed.connect(listener)
    try:
        apply(program, [Choice(athlete, SKIP, {})], publish=True)
    finally:
        plans_changed.disconnect(listener)
    assert heard == [[athlete.pk]] * 3


def test_editing_the_program_later_leaves_the_plans_alone(program, athlete, coach):
    from training.tests.programs.conftest import make_program

    plans = apply(program, [Choice(athlete, SKIP, {})])
    before = list(TrainingSession.objects.filter(plan=plans[0]).values_list("prescription"))
    program.sessions.all().delete()
    program.delete()
    make_program(coach, "Week 1\nMon\n  Run 10min Z1\n", name="Other")
    after = list(TrainingSession.objects.filter(plan=plans[0]).values_list("prescription"))
    assert before == after


def test_a_session_the_model_refuses_leaves_every_athlete_as_they_were(
    program, athlete, second_athlete
):
    """A program session stored before a schema change (here: forced past clean()) that the
    plan's session refuses: the whole apply is refused, the first athlete's weeks too."""
    program.sessions.filter(week=3).update(prescription={"modality": "swim"})
    program.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        apply(program, [Choice(athlete, SKIP, {}), Choice(second_athlete, SKIP, {})])
    assert "prescription" in caught.value.message_dict
    assert not TrainingPlan.objects.exists() and not TrainingSession.objects.exists()
