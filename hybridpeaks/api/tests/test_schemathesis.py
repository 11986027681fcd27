"""schemathesis against /api/v1/openapi.json, in process through the WSGI app: every operation,
as an athlete and as a coach, each signed in with a personal access token, on the demo's data
(two weeks of plans with strength and interval sessions, logs, benchmarks and summaries). No
answer may be a 5xx, and every answer must match the document: its status code, content type,
headers and body schema.

The demo is seeded once per module inside a transaction rolled back at the end; each test
runs in a savepoint of it (pytest-django's `db`), so logs a POST stores do not pile up.
"""

from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from accounts.models import User
from accounts.tokens import create_token
from hybridpeaks.wsgi import application
from insights.models import AIWeeklySummary
from logging_app.imports.models import ImportBatch
from logging_app.models import WorkoutLog

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

# Enough examples to reach every parameter's edges, few enough for the suite (~30 s).
EXAMPLES = 20
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


# A log's actualData is valid by its session's type (strength or endurance schema), which
# the document cannot say per session: a body the document allows may still be a 400.
EXCLUDED = [positive_data_acceptance]


def signed_in(token: str) -> dict:
    # Uncompressed: a WSGI call hands schemathesis the bytes as GZipMiddleware wrote them.
    return {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def wsgi_keeps_the_connection():
    """Called through the WSGI app, each request would close the database connection at its
    end (and with it the test's transaction); Django's test client holds it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, wsgi_keeps_the_connection):
    """Tokens of the demo's athlete Alex and of their coach Maria, and an id of each kind
    of Alex's objects, by the document's path."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        call_command("generate_weekly_summaries", stdout=StringIO())
        athlete = User.objects.get(email="alex@example.com")
        coach = User.objects.get(email="coach.maria@example.com")
        log = WorkoutLog.objects.filter(athlete_id=athlete.pk).select_related("session").first()
        yield {
            "athlete": create_token(user=athlete, name="schemathesis", days=None)[1],
            "coach": create_token(user=coach, name="schemathesis", days=None)[1],
            "/plans/{id}/": log.session.plan_id,
            "/sessions/{id}/": log.session_id,
            "/workout-logs/{id}/": log.pk,
            "/summaries/{id}/": AIWeeklySummary.objects.filter(athlete_id=athlete.pk)[0].pk,
            "/imports/{id}/": ImportBatch.objects.create(athlete_id=athlete.pk).pk,
        }
        transaction.set_rollback(True)


def call_and_validate(case, demo, role: str) -> int | None:
    """The generated case, then once per operation on one object the same on a real one of
    the demo's: a generated id finds nothing (404), so only this checks a found object's
    body. Returns the real one's status."""
    headers = signed_in(demo[role])
    case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)
    operation = case.operation
    if operation.path in demo and (role, operation.path) not in REAL_ONES_CALLED:
        REAL_ONES_CALLED.add((role, operation.path))
        real = operation.Case(path_parameters={"id": str(demo[operation.path])})
        return real.call_and_validate(headers=headers, excluded_checks=EXCLUDED).status_code
    return None


REAL_ONES_CALLED = set()


@pytest.mark.django_db
@schema.parametrize()
@fuzz
def test_as_an_athlete(case, demo):
    assert call_and_validate(case, demo, "athlete") in (None, 200)


@pytest.mark.django_db
@schema.parametrize()
@fuzz
def test_as_a_coach(case, demo):
    # The sync and import endpoints are athletes' (403); the rest reads the coach's athlete.
    assert call_and_validate(case, demo, "coach") in (None, 200, 403)
