"""services.write_week: a week's sessions as a new version of its plan, all or nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditLog
from training import services
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.tests.text.conftest import MONDAY
from training.tests.text.test_parse_week import ISSUE_WEEK
from training.text import ExerciseNames, parse_week

pytestmark = pytest.mark.django_db


def issue_sessions(athlete):
    week = parse_week(ISSUE_WEEK, ExerciseNames.for_coach(athlete.coach))
    assert week.ok
    return [session.fields(MONDAY) for session in week.sessions]


def write(athlete, sessions, version):
    return services.write_week(
        athlete=athlete, coach=athlete.coach, week_start=MONDAY, sessions=sessions, version=version
    )


def test_the_week_becomes_a_new_version_and_the_old_plan_is_archived(athlete, plan):
    new = write(athlete, issue_sessions(athlete), version=3)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED and new.version == 4
    assert [(s.date.weekday(), s.type) for s in new.sessions.order_by("date")] == [
        (0, "strength"), (1, "endurance"), (3, "endurance"), (5, "endurance"),
    ]  # fmt: skip
    actions = list(AuditLog.objects.order_by("created_at").values_list("action", flat=True))
    assert actions[-3:] == ["archive_plan", "create_plan", "update_plan"]
    assert AuditLog.objects.filter(action="update_plan").get().metadata["written_as_text"]


def test_a_week_without_a_plan_needs_no_version(athlete):
    plan = write(athlete, issue_sessions(athlete), version=None)
    assert plan.version == 1 and plan.sessions.count() == 4


def test_a_stale_version_changes_nothing(athlete, plan):
    with pytest.raises(services.StalePlan):
        write(athlete, issue_sessions(athlete), version=2)
    assert TrainingPlan.objects.get().status == PlanStatus.ACTIVE
    assert TrainingSession.objects.count() == 1


@pytest.mark.parametrize(
    "spoil",
    [
        lambda s: {**s, "date": MONDAY + timedelta(days=7)},
        lambda s: {**s, "prescription": {"modality": "run"}},
        lambda s: {**s, "estimated_duration": 400},
    ],
)
def test_a_refused_session_stores_nothing_not_even_the_archiving(athlete, plan, spoil):
    sessions = issue_sessions(athlete)
    sessions[-1] = spoil(sessions[-1])
    before = AuditLog.objects.count()
    with pytest.raises(ValidationError):
        write(athlete, sessions, version=3)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and plan.version == 3
    assert TrainingPlan.objects.count() == 1 and TrainingSession.objects.count() == 1
    assert AuditLog.objects.count() == before
