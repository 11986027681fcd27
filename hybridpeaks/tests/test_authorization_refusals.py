"""Refusals that change nothing, and 200 pages that show only the visitor's own data: what
the authorization matrix (test_authorization_matrix.py, whose world these tests share) cannot
see from a status code."""

import pytest
from django.urls import reverse

from hybridpeaks.tests import test_authorization_matrix as matrix

world = matrix.world  # the matrix's fixture: two coaches, their athletes, an admin


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "other_coach", "owning_athlete", "admin"])
def test_a_refused_revocation_leaves_the_invitation_pending(client, world, role):
    if world.users[role] is not None:
        client.force_login(world.users[role])
    client.post(reverse("accounts:revoke_invitation", args=[world.invitation.pk]))
    world.invitation.refresh_from_db()
    assert world.invitation.revoked_at is None


@pytest.mark.django_db
def test_another_coachs_pages_show_nothing_of_the_owning_coach(client, world):
    """The other coach's roster and invitations answer 200, but with their own data only."""
    athlete_page = reverse("training:athlete", args=[world.owning_athlete.pk])
    revoke_url = reverse("accounts:revoke_invitation", args=[world.invitation.pk])
    pages = {"roster": reverse("training:roster"), "invitations": reverse("accounts:invitations")}

    client.force_login(world.users["owning_coach"])
    assert athlete_page in client.get(pages["roster"]).text
    assert revoke_url in client.get(pages["invitations"]).text

    client.force_login(world.users["other_coach"])
    assert athlete_page not in client.get(pages["roster"]).text
    assert revoke_url not in client.get(pages["invitations"]).text
