"""A draft plan is the coach's until published: the athlete's data export leaves it out, as
their pages do; the coach's export, their own work, keeps it."""

from datetime import timedelta

import pytest

from accounts.tests.factories import AthleteFactory
from hybridpeaks.tests.test_personal_data import download
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db


def test_drafts_are_in_the_coachs_export_not_the_athletes(client):
    athlete = AthleteFactory()
    published = TrainingPlanFactory(athlete=athlete, coach=athlete.coach)
    draft = TrainingPlanFactory(
        athlete=athlete,
        coach=athlete.coach,
        week_start_date=published.week_start_date + timedelta(weeks=1),
        published_at=None,
    )

    client.force_login(athlete.user)
    _, theirs = download(client)
    client.force_login(athlete.coach.user)
    _, coachs = download(client)

    assert [plan["id"] for plan in theirs["plans"]] == [str(published.pk)]
    assert {plan["id"] for plan in coachs["plans"]} == {str(published.pk), str(draft.pk)}
