"""Personal access tokens: made and revoked on the Account pages (audited, the secret shown
once and stored only as its SHA-256), and signing API requests in as their owner."""

import hashlib
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ApiToken
from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory
from accounts.tokens import create_token, revoke_token
from audit.models import AuditLog
from logging_app.models import WorkoutLog
from logging_app.tests.factories import log_body
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

TOKENS = reverse("accounts:api_tokens")
ME = reverse("api:me")
LOGS = reverse("api:workout_logs")


@pytest.fixture
def athlete():
    return AthleteFactory()


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


# --- The pages ----------------------------------------------------------------------------


def test_a_new_token_is_shown_once_and_stored_as_its_hash(client, athlete):
    client.force_login(athlete.user)

    response = client.post(TOKENS, {"name": "Export script", "expires": "90"})

    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("hp_") and len(secret) > 40
    assert secret in response.text
    token = ApiToken.objects.get()
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.key_hash, token.prefix, token.name}
    assert secret.startswith(token.prefix) and len(token.prefix) == 11
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    assert AuditLog.objects.filter(action="api_token_create", entity_id=token.pk).exists()
    # Listed by its name and prefix, never again with the secret.
    again = client.get(TOKENS)
    assert "Export script" in again.text and token.prefix in again.text
    assert secret not in again.text


def test_a_token_that_never_expires(client, athlete):
    client.force_login(athlete.user)
    client.post(TOKENS, {"name": "Forever", "expires": ""})
    assert ApiToken.objects.get().expires_at is None


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"name": "", "expires": "90"}, "name"),
        ({"name": "x" * 101, "expires": "90"}, "name"),
        ({"name": "Script", "expires": "7"}, "expires"),
    ],
)
def test_a_bad_form_names_the_field_and_stores_nothing(client, athlete, form, field):
    client.force_login(athlete.user)

    response = client.post(TOKENS, form)

    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_the_page_has_labels_for_every_field(client, athlete):
    client.force_login(athlete.user)
    page = client.get(TOKENS).text
    assert '<label for="id_name">' in page and '<label for="id_expires">' in page


def test_the_page_reads_in_a_few_queries_whatever_the_number_of_tokens(
    client, athlete, django_assert_max_num_queries
):
    for number in range(20):
        token, _ = create_token(user=athlete.user, name=f"Script {number}", days=30)
        if number % 2:
            revoke_token(token=token)
    client.force_login(athlete.user)

    # The session, the user, the tokens (and what base.html reads for a signed-in page).
    with django_assert_max_num_queries(5):
        response = client.get(TOKENS)
    assert response.status_code == 200 and response.text.count("<strong>Script ") == 20


def test_revoking_refuses_the_token_at_once(client, athlete):
    token, secret = create_token(user=athlete.user, name="Script", days=None)
    client.force_login(athlete.user)

    response = client.post(reverse("accounts:revoke_api_token", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditLog.objects.filter(action="api_token_revoke", entity_id=token.pk).exists()
    assert Client().get(ME, headers=bearer(secret)).status_code == 401


def test_a_token_revoked_meanwhile_is_not_revoked_again(athlete):
    """Two revocations at once (the owner and an admin): the second, holding the token as
    read before the first, changes nothing and audits nothing."""
    token, _ = create_token(user=athlete.user, name="Script", days=None)
    stale = ApiToken.objects.get(pk=token.pk)
    revoke_token(token=token)
    first = ApiToken.objects.get(pk=token.pk).revoked_at

    revoke_token(token=stale)

    assert ApiToken.objects.get(pk=token.pk).revoked_at == first
    assert AuditLog.objects.filter(action="api_token_revoke").count() == 1


def test_another_persons_token_cannot_be_revoked(client, athlete):
    token, _ = create_token(user=athlete.user, name="Script", days=None)
    client.force_login(CoachFactory().user)

    response = client.post(reverse("accounts:revoke_api_token", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


# --- Signing in with a token --------------------------------------------------------------


def test_a_token_signs_the_request_in_as_its_owner(client, athlete):
    _, secret = create_token(user=athlete.user, name="Script", days=30)

    response = client.get(ME, headers=bearer(secret))

    assert response.status_code == 200
    assert response.json()["id"] == str(athlete.pk)
    assert response.json()["role"] == "athlete"


@pytest.mark.parametrize(
    "header",
    ["Bearer hp_wrong", "Bearer ", "Basic dXNlcjpwYXNz", "hp_no_scheme"],
)
def test_a_wrong_token_is_a_401_with_a_challenge(client, athlete, header):
    response = client.get(ME, headers={"Authorization": header})

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert set(response.json()["errors"]) == {"auth"}


def test_another_scheme_is_left_to_the_session(client, athlete):
    """A proxy's Basic sign-in reaches the API with every request the browser sends: the
    session cookie decides, as without the header."""
    client.force_login(athlete.user)
    response = client.get(ME, headers={"Authorization": "Basic dXNlcjpwYXNz"})

    assert response.status_code == 200
    assert response.json()["id"] == str(athlete.pk)


def test_a_wrong_token_is_refused_even_beside_a_session(client, athlete):
    """Never the session's user instead: the script said who it is, and it is wrong."""
    client.force_login(athlete.user)
    assert client.get(ME, headers=bearer("hp_wrong")).status_code == 401


def test_revoked_and_expired_tokens_and_inactive_owners_are_refused(client, athlete):
    revoked, revoked_secret = create_token(user=athlete.user, name="Old", days=None)
    revoke_token(token=revoked)
    expired, expired_secret = create_token(user=athlete.user, name="Short", days=1)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    other = AthleteFactory(user__is_active=False)
    _, inactive_secret = create_token(user=other.user, name="Gone", days=None)

    for secret in (revoked_secret, expired_secret, inactive_secret):
        assert client.get(ME, headers=bearer(secret)).status_code == 401


def test_a_token_is_for_the_api_only(client, athlete):
    _, secret = create_token(user=athlete.user, name="Script", days=None)

    response = client.get(reverse("logging_app:today"), headers=bearer(secret))

    assert response.status_code == 302  # the sign-in page: pages take the session only


def test_last_used_is_written_at_most_once_a_minute(client, athlete):
    token, secret = create_token(user=athlete.user, name="Script", days=None)
    recently = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recently)

    client.get(ME, headers=bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == recently

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recently - timedelta(minutes=1))
    client.get(ME, headers=bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at > recently


def test_a_token_request_needs_no_csrf_token(athlete):
    """No cookie, nothing a browser could have sent on its own: CSRF does not apply."""
    session = TrainingSessionFactory(plan__athlete=athlete)
    _, secret = create_token(user=athlete.user, name="Script", days=None)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        LOGS, log_body(session), content_type="application/json", headers=bearer(secret)
    )

    assert response.status_code == 201
    assert WorkoutLog.objects.filter(athlete=athlete).count() == 1


def test_with_a_session_cookie_csrf_still_stands(athlete):
    session = TrainingSessionFactory(plan__athlete=athlete)
    _, secret = create_token(user=athlete.user, name="Script", days=None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(athlete.user)

    response = client.post(
        LOGS, log_body(session), content_type="application/json", headers=bearer(secret)
    )

    assert response.status_code == 403
    assert not WorkoutLog.objects.exists()


def test_a_token_costs_one_query_to_check(client, athlete, django_assert_num_queries):
    """The token and its user in one read (the profile for the role check is the view's)."""
    _, secret = create_token(user=athlete.user, name="Script", days=None)
    client.get(ME, headers=bearer(secret))  # last used: written now, not in the next minute

    with django_assert_num_queries(2):  # the token with its user; the athlete's profile
        assert client.get(ME, headers=bearer(secret)).status_code == 200


# --- The person's data ----------------------------------------------------------------------


def test_the_export_lists_tokens_without_their_secrets(client, athlete):
    token, secret = create_token(user=athlete.user, name="Script", days=None)
    client.force_login(athlete.user)

    document = client.get(reverse("accounts:export_data")).text

    assert '"name": "Script"' in document and token.prefix in document
    assert secret not in document and token.key_hash not in document


def test_deleting_the_account_deletes_its_tokens(athlete):
    create_token(user=athlete.user, name="Script", days=None)
    athlete.user.delete()
    assert not ApiToken.objects.exists()


def test_an_admin_revokes_a_leaked_token(client, athlete):
    token, _ = create_token(user=athlete.user, name="Leaked", days=None)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [str(token.pk)]},
    )

    token.refresh_from_db()
    assert token.revoked_at is not None
    # The trail names who revoked it: the admin, not the token's owner.
    entry = AuditLog.objects.get(action="api_token_revoke")
    assert entry.user == admin and entry.metadata == {"by_admin": True}
