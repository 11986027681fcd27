"""`audit.record(action, user, entity, request, **metadata)`: what one entry stores."""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

import audit
from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory
from audit.models import AuditLog
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_from():
    def make(address="198.51.100.23", user_agent="Mozilla/5.0 (X11; Linux) Firefox/140.0"):
        return RequestFactory().post("/", REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent)

    return make


def stored(entry) -> AuditLog:
    """The entry as read back from the database, not the instance that was saved."""
    return AuditLog.objects.get(pk=entry.pk)


def test_entry_stores_action_user_entity_request_and_metadata(request_from):
    plan = TrainingPlanFactory()
    user = plan.coach.user

    entry = stored(
        audit.record("plan_publish", user, entity=plan, request=request_from(), version=2)
    )

    assert entry.action == "plan_publish"
    assert entry.user_id == user.pk
    assert entry.entity_type == "training_plan"
    assert entry.entity_id == plan.pk
    assert entry.metadata == {"version": 2}
    assert entry.ip_address == "198.51.100.23"
    assert entry.user_agent == "Mozilla/5.0 (X11; Linux) Firefox/140.0"
    assert entry.created_at is not None


@pytest.mark.parametrize(
    ("make_entity", "entity_type"),
    [
        (UserFactory, "user"),
        (CoachFactory, "coach"),
        (AthleteFactory, "athlete"),
        (TrainingPlanFactory, "training_plan"),
    ],
)
def test_entity_type_is_the_snake_case_model_name(make_entity, entity_type):
    entity = make_entity()

    entry = stored(audit.record("test", None, entity=entity))

    assert entry.entity_type == entity_type
    assert entry.entity_id == entity.pk


def test_metadata_dates_uuids_and_decimals_become_json_strings():
    some_id = uuid.UUID("12345678-1234-5678-1234-567812345678")

    entry = stored(
        audit.record(
            "test",
            None,
            plan_id=some_id,
            week=date(2025, 3, 3),
            at=datetime(2025, 3, 3, 7, 30, tzinfo=UTC),
            value=Decimal("262.50"),
            nested={"ids": [some_id]},
        )
    )

    assert entry.metadata == {
        "plan_id": "12345678-1234-5678-1234-567812345678",
        "week": "2025-03-03",
        "at": "2025-03-03T07:30:00Z",
        "value": "262.50",
        "nested": {"ids": ["12345678-1234-5678-1234-567812345678"]},
    }


def test_no_metadata_no_entity_no_request_store_nulls():
    entry = stored(audit.record("test", None))

    assert entry.metadata is None
    assert entry.entity_type is None
    assert entry.entity_id is None
    assert entry.ip_address is None
    assert entry.user_agent is None


def test_anonymous_user_is_stored_as_no_user(request_from):
    entry = stored(audit.record("login_failed", AnonymousUser(), request=request_from()))

    assert entry.user_id is None
    assert entry.ip_address == "198.51.100.23"


def test_missing_user_agent_is_null_and_a_long_one_is_cut(request_from):
    entry = stored(audit.record("test", None, request=request_from(user_agent="")))
    assert entry.user_agent is None

    long_agent = "A" * 2000
    entry = stored(audit.record("test", None, request=request_from(user_agent=long_agent)))
    assert entry.user_agent == "A" * 500


def test_ipv6_address_is_stored(request_from):
    entry = stored(audit.record("test", None, request=request_from(address="2001:db8::7")))
    assert entry.ip_address == "2001:db8::7"


def test_an_address_that_is_not_an_ip_is_stored_as_null(request_from):
    entry = stored(audit.record("test", None, request=request_from(address="not-an-ip")))
    assert entry.ip_address is None


def test_each_record_appends_a_new_entry():
    user = UserFactory()
    audit.record("a", user)
    audit.record("b", user)

    assert sorted(AuditLog.objects.filter(user_id=user.pk).values_list("action", flat=True)) == [
        "a",
        "b",
    ]
