"""An administrator hands a coach's athletes over to another coach (the "hand_over" action)."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from accounts.models import Athlete, Coach, User
from accounts.tests.factories import PASSWORD, AthleteFactory, CoachFactory, UserFactory
from audit.models import AuditLog
from audit.services import pseudonym_for
from training.models import TrainingPlan
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:accounts_athlete_changelist")


@pytest.fixture
def admin_user():
    return UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def coaches():
    return CoachFactory(name="Anna Leaving"), CoachFactory(name="Bert Staying")


def hand_over(admin_client, athletes, to_coach=None, **extra):
    """Run the action: without `to_coach` the first POST (the form), with it the second."""
    data = {"action": "hand_over", ACTION_CHECKBOX_NAME: [a.pk for a in athletes], **extra}
    if to_coach is not None:
        data.update(apply="Hand over", to_coach=to_coach.pk)
    return admin_client.post(CHANGELIST, data, follow=to_coach is not None)


def test_first_post_shows_the_form_and_moves_nobody(admin_client, coaches):
    coach_a, _ = coaches
    ada = AthleteFactory(coach=coach_a, name="Ada Athlete")

    response = hand_over(admin_client, [ada])

    assert response.status_code == 200
    content = response.content.decode()
    assert "Hand athletes over to another coach" in content
    assert "Ada Athlete (now: Anna Leaving)" in content
    assert 'name="to_coach"' in content
    ada.refresh_from_db()
    assert ada.coach == coach_a
    assert not AuditLog.objects.filter(action="reassign_athlete").exists()


def test_hand_over_moves_the_selected_athletes_and_audits_each(admin_client, admin_user, coaches):
    coach_a, coach_b = coaches
    ada = AthleteFactory(coach=coach_a, name="Ada Athlete")
    ben = AthleteFactory(coach=coach_a, name="Ben Athlete")
    cleo = AthleteFactory(coach=coach_a, name="Cleo Not Selected")
    plan = TrainingPlanFactory(athlete=ada, coach=coach_a)

    assert hand_over(admin_client, [ada, ben]).status_code == 200
    response = hand_over(admin_client, [ada, ben], to_coach=coach_b)

    assert response.redirect_chain[-1][0] == CHANGELIST
    assert "2 athlete(s) now coached by Bert Staying." in response.content.decode()
    assert set(Athlete.objects.filter(coach=coach_b)) == {ada, ben}
    assert list(Athlete.objects.filter(coach=coach_a)) == [cleo]
    # The athlete keeps their history; the plan still names who wrote it.
    plan.refresh_from_db()
    assert plan.athlete == ada
    assert plan.coach == coach_a

    entries = AuditLog.objects.filter(action="reassign_athlete")
    assert {entry.entity_id for entry in entries} == {ada.pk, ben.pk}
    for entry in entries:
        assert entry.user_id == admin_user.pk
        assert entry.entity_type == "athlete"
        assert entry.metadata == {"from_coach_id": str(coach_a.pk), "to_coach_id": str(coach_b.pk)}


def test_athletes_already_with_the_new_coach_are_not_moved_or_audited(admin_client, coaches):
    _, coach_b = coaches
    ada = AthleteFactory(coach=coach_b)

    response = hand_over(admin_client, [ada], to_coach=coach_b)

    assert "0 athlete(s) now coached by Bert Staying." in response.content.decode()
    assert not AuditLog.objects.filter(action="reassign_athlete").exists()


def test_apply_without_a_coach_shows_the_form_again(admin_client, coaches):
    coach_a, _ = coaches
    ada = AthleteFactory(coach=coach_a)

    response = hand_over(admin_client, [ada], apply="Hand over")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    ada.refresh_from_db()
    assert ada.coach == coach_a


def test_coach_can_delete_their_account_after_the_hand_over(admin_client, coaches):
    coach_a, coach_b = coaches
    ada = AthleteFactory(coach=coach_a)
    plan = TrainingPlanFactory(athlete=ada, coach=coach_a)
    hand_over(admin_client, [ada], to_coach=coach_b)

    coach_client = Client()
    coach_client.force_login(coach_a.user)
    assert (
        "You still coach athletes"
        not in coach_client.get(reverse("accounts:delete_account")).content.decode()
    )
    coach_client.post(reverse("accounts:delete_account"), {"password": PASSWORD})

    assert not Coach.objects.filter(pk=coach_a.pk).exists()
    assert not User.objects.filter(pk=coach_a.pk).exists()
    ada.refresh_from_db()
    assert ada.coach == coach_b
    assert TrainingPlan.objects.get(pk=plan.pk).coach is None
    assert AuditLog.objects.filter(
        action="account_delete", user_id=pseudonym_for(coach_a.pk)
    ).exists()


def test_coach_with_athletes_is_still_refused_without_the_hand_over(coaches):
    coach_a, _ = coaches
    AthleteFactory(coach=coach_a)
    coach_client = Client()
    coach_client.force_login(coach_a.user)

    response = coach_client.post(reverse("accounts:delete_account"), {"password": PASSWORD})

    assert response.status_code == 422
    assert Coach.objects.filter(pk=coach_a.pk).exists()


def test_staff_without_permission_cannot_hand_over(client, coaches):
    coach_a, coach_b = coaches
    ada = AthleteFactory(coach=coach_a)
    client.force_login(UserFactory(is_staff=True))

    response = client.post(
        CHANGELIST,
        {
            "action": "hand_over",
            ACTION_CHECKBOX_NAME: [ada.pk],
            "apply": "Hand over",
            "to_coach": coach_b.pk,
        },
    )

    assert response.status_code == 403
    ada.refresh_from_db()
    assert ada.coach == coach_a


def test_view_only_staff_cannot_hand_over(client, coaches):
    coach_a, coach_b = coaches
    ada = AthleteFactory(coach=coach_a)
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_athlete"))
    client.force_login(viewer)

    client.post(
        CHANGELIST,
        {
            "action": "hand_over",
            ACTION_CHECKBOX_NAME: [ada.pk],
            "apply": "Hand over",
            "to_coach": coach_b.pk,
        },
    )

    ada.refresh_from_db()
    assert ada.coach == coach_a
    assert not AuditLog.objects.filter(action="reassign_athlete").exists()
