"""Hostile input at every form and JSON endpoint, generated from the URL map (issue 10).

The URLs, the world and who owns what come from the authorization matrix
(hybridpeaks/tests/test_authorization_matrix.py): each URL is visited by a role that may use it,
with the fields of the form that posts to it (read from the page that shows that form), some
of them replaced by hostile values: NaN, ±Infinity, 1e308, NUL, long text, RTL and HTML text,
out-of-range dates, other users' ids, stale versions. The sync API gets JSON bodies with the
same and with huge lists and deep nesting.

The property: never a 5xx; a refusal leaves the stored rows as they were; the API's refusals
are JSON naming the field. Each example runs in a savepoint that is rolled back, so examples do
not depend on one another. Fixed examples of each case of the issue are in test_bounds.py.
"""

import contextlib
import json
import re
import uuid
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.models import Invitation
from accounts.tests.factories import AthleteFactory
from hybridpeaks.tests.test_authorization_matrix import (
    ADMIN_SIGN_IN,
    EXPECTED,
    SIGN_IN,
    Redirect,
    path_for,
    project_urls,
    world,  # noqa: F401  (the matrix's world, a fixture)
)
from insights.models import AIWeeklySummary
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import BenchmarkMetric, Exercise, TrainingPlan, TrainingSession
from training.tests.factories import ExerciseFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

# Who uses each URL: the first role of these the matrix lets in.
USERS = ("owning_coach", "owning_athlete", "anonymous")
# A POST-only view's form is shown on another page: the one named here.
HOSTS = {
    "accounts:logout": "accounts:account",
    "accounts:revoke_invitation": "accounts:invitations",
    "accounts:change_time_zone": "accounts:account",
    "training:exercise_delete": "training:exercise_edit",
    "training:create_plan": "training:next_week",
    "training:copy_week": "training:week",
    "training:archive_plan": "training:week",
    "training:delete_session": "training:edit_session",
    "training:move_session": "training:week",
    "training:duplicate_session": "training:week",
    "insights:generate": "training:athlete",
}
# Django's admin has its own fuzzed forms; the JSON endpoint has its own test below.
SKIPPED = {"admin:index", "api:workout_logs"}
STORED = (
    WorkoutLog,
    TrainingPlan,
    TrainingSession,
    Exercise,
    BenchmarkMetric,
    Invitation,
    AIWeeklySummary,
)

FUZZ = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


def user_role(key: str) -> str | None:
    for role in USERS:
        expected = EXPECTED[key].expected[role]
        status = expected.status if isinstance(expected, Redirect) else expected
        if status not in {401, 403} and expected not in {SIGN_IN, ADMIN_SIGN_IN}:
            return role
    return None


FORM_KEYS = sorted(key for key in EXPECTED if key not in SKIPPED and user_role(key))


# --- Reading a page's forms ----------------------------------------------------------------------


class Forms(HTMLParser):
    """Each <form>'s action and its fields' values as the page fills them in."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, dict[str, str]] = {}
        self._action = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._action = attrs.get("action") or ""
            self.forms.setdefault(self._action, {})
            return
        if self._action is None or not attrs.get("name"):
            if tag == "option" and self._select and ("selected" in attrs or not self._picked):
                self.forms[self._action][self._select] = attrs.get("value", "")
                self._picked = "selected" in attrs
            return
        fields = self.forms[self._action]
        name = attrs["name"]
        if tag == "input" and attrs.get("type") in {"checkbox", "radio"}:
            if "checked" in attrs:
                fields[name] = attrs.get("value", "on")
        elif tag == "input":
            fields[name] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = name
            fields[name] = ""
        elif tag == "select":
            self._select, self._picked = name, False

    def handle_data(self, data):
        if self._textarea:
            self.forms[self._action][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._action = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_fields(client, page: str, action: str) -> dict[str, str]:
    """The fields of the form on `page` that posts to `action` (the page itself if none says)."""
    response = client.get(page)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return {}
    parser = Forms()
    parser.feed(response.content.decode())
    for form_action, fields in parser.forms.items():
        if (form_action or page) == action:
            return fields
    return {}


# --- Hostile values ------------------------------------------------------------------------------


def hostile_texts(the_world) -> list[str]:
    other = AthleteFactory()
    others_session = TrainingSessionFactory(plan__athlete=other)
    others_log = WorkoutLogFactory(session=others_session)
    others_exercise = ExerciseFactory(created_by=other.coach, is_public=False)
    return [
        "nan", "NaN", "inf", "-Infinity", "1e308", "-1e308", "1e999", "0", "-1", "2147483648",
        "99999999999999999999", "", " ", "\x00", "a\x00b", "x" * 10_000,
        "\u202eevil\u202c", "مرحبا بالعالم", "<script>alert(1)</script>", '"><img src=x>',
        "0001-01-01", "9999-12-31", "9999-12-27", "2026-02-30", "notadate", "00:00", "25:61",
        "0001-01-01T00:00", "9999-12-31T23:59+14:00", "true", "[]", "{}", "null",
        str(uuid.uuid4()), str(other.pk), str(others_session.pk), str(others_session.plan_id),
        str(others_log.pk), str(others_exercise.pk), str(the_world.log.pk), "1", "0", "-7",
    ]  # fmt: skip


def stored_rows():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in STORED}


def as_user(client, the_world, role):
    client.logout()
    if the_world.users[role] is not None:
        client.force_login(the_world.users[role])


# --- Every form ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", FORM_KEYS)
def test_no_form_answers_hostile_values_with_a_5xx(client, world, key):  # noqa: F811
    role = user_role(key)
    as_user(client, world, role)
    path = path_for(key, world)
    page = path_for(HOSTS[key], world) if key in HOSTS else path
    base = form_fields(client, page, path)
    # The form's own fields, and some that views commonly read, sent where they are not asked.
    extra = ["date", "next", "notes", "q", "value", "version"]
    names = sorted({*base, *extra} - {"csrfmiddlewaretoken"})
    texts = hostile_texts(world)

    @FUZZ
    @example(method="GET", changes=dict.fromkeys(names, "a\x00b"))
    @example(method="POST", changes={"next": "nan"})
    @example(method="POST", changes=dict.fromkeys(names, "nan"))
    @example(method="POST", changes=dict.fromkeys(names, "a\x00b"))
    @example(method="POST", changes=dict.fromkeys(names, "1e308"))
    @example(method="POST", changes=dict.fromkeys(names, "9999-12-31"))
    @given(
        method=st.sampled_from(["POST", "GET"]),
        changes=st.dictionaries(
            st.sampled_from(names), st.sampled_from(texts) | st.text(max_size=40), max_size=4
        ),
    )
    def visit(method, changes):
        with transaction.atomic():
            as_user(client, world, role)
            before = stored_rows()
            data = {**base, **changes}
            response = client.post(path, data) if method == "POST" else client.get(path, data)
            assert response.status_code < 500, f"{method} {path} {changes!r}"
            if response.status_code >= 400:
                assert stored_rows() == before, f"{method} {path} {changes!r} changed rows"
            transaction.set_rollback(True)

    visit()


# --- Dates in paths ------------------------------------------------------------------------------

HOSTILE_DATES = ["0001-01-01", "0001-01-03", "9999-12-27", "9999-12-31", "2026-02-30", "notadate"]


DATE_KEYS = [url.key for url in project_urls() if "<isodate:" in url.route]


@pytest.mark.parametrize("key", DATE_KEYS)
def test_out_of_range_dates_in_a_path_are_never_a_5xx(client, world, key):  # noqa: F811
    path = path_for(key, world)
    dates = _iso_dates(path)
    as_user(client, world, user_role(key))
    for hostile in HOSTILE_DATES:
        bad = path.replace(dates[0], hostile)
        with transaction.atomic():
            before = stored_rows()
            response = client.generic(EXPECTED[key].method, bad)
            assert response.status_code < 500, f"{EXPECTED[key].method} {bad}"
            if response.status_code >= 400:
                assert stored_rows() == before
            transaction.set_rollback(True)


def _iso_dates(path: str) -> list[str]:
    return re.findall(r"\d{4}-\d{2}-\d{2}", path)


# --- The sync API --------------------------------------------------------------------------------

API = "/api/v1/workout-logs/"
LEAVES = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([1e308, -1e308, 0, -1, 2**63, True, None, "", "\x00", "a\x00b"])
    | st.integers()
    | st.text(max_size=30)
    | st.sampled_from(["<script>alert(1)</script>", "\u202eevil", "0001-01-01", "9999-12-31"])
)
JSON_VALUES = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
) | st.sampled_from([[0] * 10_000, json.loads("[" * 200 + "]" * 200)])


def _deep_set(document, path, value):
    node = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@pytest.fixture
def api_world(world):  # noqa: F811
    """A strength session of the owning athlete today, and a valid body for it."""
    exercise = ExerciseFactory()
    session = TrainingSessionFactory(
        plan=world.session.plan,
        date=timezone.localdate(),
        type="strength",
        prescription={"exercises": [{"exerciseId": str(exercise.pk), "sets": 3, "reps": 5,
                                     "intensity": {"type": "rpe", "value": 8}}]},
    )  # fmt: skip
    body = {
        "id": str(uuid.uuid4()),
        "sessionId": str(session.pk),
        "completedAt": timezone.now().isoformat(),
        "actualData": {
            "exercises": [{"exerciseId": str(exercise.pk), "sets": [{"weight": 60, "reps": 5}]}]
        },
        "rpe": 7,
        "notes": "ok",
    }
    return world, body


PLACES = [
    ("id",), ("sessionId",), ("completedAt",), ("actualData",), ("rpe",), ("notes",),
    ("actualData", "exercises"), ("actualData", "exercises", 0, "exerciseId"),
    ("actualData", "exercises", 0, "sets"), ("actualData", "exercises", 0, "sets", 0, "weight"),
    ("actualData", "exercises", 0, "sets", 0, "reps"), ("actualData", "exercises", 0, "sets", 0),
    ("actualData", "duration"), ("actualData", "exercises", 0, "extra"), ("extra",),
]  # fmt: skip


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), JSON_VALUES), min_size=1, max_size=3))
def test_the_sync_api_answers_hostile_json_in_json_naming_the_field(client, api_world, changes):
    the_world, valid = api_world
    with transaction.atomic():
        client.force_login(the_world.owning_athlete.user)
        body = json.loads(json.dumps(valid))
        for place, value in changes:
            # An earlier change may have replaced the place's parent.
            with contextlib.suppress(KeyError, IndexError, TypeError):
                _deep_set(body, place, value)
        before = stored_rows()
        response = client.post(API, json.dumps(body), content_type="application/json")
        assert response.status_code < 500, body
        assert response["Content-Type"] == "application/json"
        if response.status_code >= 400:
            assert response.json()["errors"], "a refusal names what it refuses"
            assert stored_rows() == before
        transaction.set_rollback(True)
