"""Who may open what: every URL of the project × every kind of visitor, with the expected answer.

The URLs come from the URL configuration itself, so a new URL with no row in EXPECTED fails
`test_every_url_has_a_row`. The Django admin's pages are left to its own permission system
(hybridpeaks/tests/test_admin.py); only its index is here, as the admin's front door.

The world: coach A with athlete A (the owners of every object named in a URL), coach B with
athlete B (the others), and an admin: a superuser with the coach role, as `createsuperuser`
makes, but no coach profile.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.invitations import token_for
from accounts.models import Athlete, Coach, Invitation, User, UserRole
from accounts.services import create_invitation
from accounts.tests.factories import AthleteFactory, CoachFactory, UserFactory
from accounts.tokens import create_token
from hybridpeaks.tests.matrix_api import API, API_ARGS
from insights.models import AIWeeklySummary
from insights.tests.factories import WeeklySummaryFactory
from logging_app.imports.models import ImportBatch, ImportedActivity
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from training.feeds.secrets import new_feed, secret_of
from training.models import Exercise, Program, TrainingSession
from training.selectors import monday_of
from training.tests.factories import (
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
)

THIS_MONDAY = monday_of(date.today())
FAR_MONDAY = THIS_MONDAY + timedelta(weeks=10)
ROLES = ("anonymous", "owning_coach", "other_coach", "owning_athlete", "other_athlete", "admin")


# --- What a visitor gets -------------------------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """A redirect to `location(path)`, where `path` is the URL that was requested."""

    description: str
    location: Callable[[str], str]
    status: int = 302

    def __str__(self):
        return f"{self.status} to {self.description}"


def to(name: str) -> Redirect:
    return Redirect(name, lambda path: reverse(name))


def _sign_in_first(login_name: str) -> Redirect:
    return Redirect(
        f"{login_name}, back here after",
        lambda path: f"{reverse(login_name)}?next={quote(path)}",
    )


SIGN_IN = _sign_in_first("accounts:login")  # sign-in required: the sign-in page, ?next=here
ADMIN_SIGN_IN = _sign_in_first("admin:login")  # staff only: the admin's sign-in page, ?next=here
LOGIN = to("accounts:login")  # the sign-in page, no way back
HOME = to("home")
ROSTER = to("training:roster")
TODAY = to("logging_app:today")
ADMIN = to("admin:index")
INVITES = to("accounts:invitations")
TOKENS = to("accounts:api_tokens")
EXERCISES = to("training:exercise_list")
PROGRAMS = to("training:program_list")
FEED_PAGE = to("calendar:page")
# Django moves a valid reset token into the session and sends the visitor to the form,
# so the token cannot leak through the Referer header.
SET_PW = Redirect("the set-password form", lambda path: path.rsplit("/", 2)[0] + "/set-password/")
ICON = Redirect("the icon", lambda path: static("icons/favicon.svg"), status=301)
# The plan builder: next week's page, and a week's page after its plan was created. An empty
# POST names no plan version, so edits of an existing plan answer 409 (stale), and a missing
# day or source week 422.
NEXT_WEEK = Redirect(
    "next week's builder",
    lambda path: path.replace("plan/", f"weeks/{monday_of(date.today()) + timedelta(7)}/"),
)
NEW_WEEK = Redirect("the week's builder", lambda path: path.removesuffix("new-plan/"))
# An empty "write the summary now" names no week: back to the athlete's page, with a message.
ATHLETE = Redirect("the athlete's page", lambda path: path.removesuffix("summaries/"))

Expected = int | Redirect


@dataclass(frozen=True)
class Row:
    method: str
    expected: dict[str, Expected]


def get(*expected: Expected) -> Row:
    """One URL's row, read with GET: one answer per role, in the order of ROLES."""
    assert len(expected) == len(ROLES), expected
    return Row("GET", dict(zip(ROLES, expected, strict=True)))


def post(*expected: Expected) -> Row:
    """One URL's row, for a POST-only view: sent with an empty body."""
    return Row("POST", get(*expected).expected)


# --- The matrix ----------------------------------------------------------------------------

# One row per URL: GET or POST, then one answer per role (a status, or a redirect above).
# fmt: off
EXPECTED: dict[str, Row] = {
    #                                       anonymous owning   other   owning  other   admin
    #                                                 coach    coach   athlete athlete
    "home":                             get(LOGIN,    ROSTER,  ROSTER, TODAY,  TODAY,  ADMIN),
    "healthz":                          get(200,      200,     200,    200,    200,    200),
    "favicon.ico":                      get(ICON,     ICON,    ICON,   ICON,   ICON,   ICON),
    "accounts:signup":                  get(200,      HOME,    HOME,   HOME,   HOME,   HOME),
    "accounts:login":                   get(200,      HOME,    HOME,   HOME,   HOME,   HOME),
    "accounts:logout":                 post(LOGIN,    LOGIN,   LOGIN,  LOGIN,  LOGIN,  LOGIN),
    "accounts:password_change":         get(SIGN_IN,  200,     200,    200,    200,    200),
    "accounts:password_reset":          get(200,      200,     200,    200,    200,    200),
    "accounts:password_reset_done":     get(200,      200,     200,    200,    200,    200),
    "accounts:password_reset_confirm":  get(SET_PW,   SET_PW,  SET_PW, SET_PW, SET_PW, SET_PW),
    "accounts:invitations":             get(SIGN_IN,  200,     200,    403,    403,    403),
    "accounts:revoke_invitation":      post(SIGN_IN,  INVITES, 404,    403,    403,    403),
    "accounts:accept_invitation":       get(200,      200,     200,    200,    200,    200),
    "accounts:account":                 get(SIGN_IN,  200,     200,    200,    200,    200),
    # An empty POST names no zone: the account page again, with the error (422).
    "accounts:change_time_zone":       post(SIGN_IN,  422,     422,    422,    422,    422),
    "accounts:export_data":             get(SIGN_IN,  200,     200,    200,    200,    200),
    "accounts:delete_account":          get(SIGN_IN,  200,     200,    200,    200,    200),
    "training:roster":                  get(SIGN_IN,  200,     200,    403,    403,    403),
    "training:exercise_list":           get(SIGN_IN,  200,     200,    403,    403,    403),
    "training:exercise_create":         get(SIGN_IN,  200,     200,    403,    403,    403),
    "training:exercise_edit":           get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:exercise_delete":        post(SIGN_IN,  EXERCISES, 404,  403,    403,    403),
    "training:athlete_benchmarks":      get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:athlete":                 get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:next_week":               get(SIGN_IN,  NEXT_WEEK, 404,  403,    403,    403),
    "training:week":                    get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:create_plan":            post(SIGN_IN,  NEW_WEEK, 404,   403,    403,    403),
    "training:copy_week":              post(SIGN_IN,  422,     404,    403,    403,    403),
    "training:copy_picker":             get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:archive_plan":           post(SIGN_IN,  409,     404,    403,    403,    403),
    "training:plan_text":               get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:preview_text":           post(SIGN_IN,  200,     404,    403,    403,    403),
    # An empty text names no version while the week has a plan: a stale page, nothing saved.
    "training:save_text":              post(SIGN_IN,  409,     404,    403,    403,    403),
    "training:publish_plan":           post(SIGN_IN,  409,     404,    403,    403,    403),
    "training:calendar":                get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:calendar_month":          get(SIGN_IN,  200,     404,    403,    403,    403),
    # An empty POST names no week, no day: the calendar again, with the error (422).
    "training:calendar_copy":          post(SIGN_IN,  422,     404,    403,    403,    403),
    "training:calendar_move":          post(SIGN_IN,  422,     404,    403,    403,    403),
    "training:calendar_publish":       post(SIGN_IN,  409,     404,    403,    403,    403),
    "training:new_session":             get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:edit_session":            get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:session_workout":         get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:session_actions":         get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:delete_session":         post(SIGN_IN,  409,     404,    403,    403,    403),
    "training:move_session":           post(SIGN_IN,  422,     404,    403,    403,    403),
    "training:duplicate_session":      post(SIGN_IN,  422,     404,    403,    403,    403),
    "training:program_list":            get(SIGN_IN,  200,     200,    403,    403,    403),
    "training:program_new":             get(SIGN_IN,  200,     200,    403,    403,    403),
    "training:program_preview":        post(SIGN_IN,  200,     200,    403,    403,    403),
    # An empty POST sends no file: the library again, with the error (422).
    "training:program_import":         post(SIGN_IN,  422,     422,    403,    403,    403),
    "training:program_edit":            get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:program_delete":         post(SIGN_IN,  PROGRAMS, 404,   403,    403,    403),
    "training:program_export":          get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:program_apply":           get(SIGN_IN,  200,     404,    403,    403,    403),
    "training:save_as_program":         get(SIGN_IN,  200,     404,    403,    403,    403),
    "logging_app:today":                get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:benchmarks":           get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:availability":         get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:week":                 get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:week_of":              get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:history":              get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:log_detail":           get(SIGN_IN,  403,     403,    200,    404,    403),
    "logging_app:log_session":          get(SIGN_IN,  403,     403,    200,    404,    403),
    "logging_app:import":               get(SIGN_IN,  403,     403,    200,    200,    403),
    "logging_app:import_batch":         get(SIGN_IN,  403,     403,    200,    404,    403),
    # An empty POST names no version of the import: a stale page, nothing changed.
    "logging_app:import_rematch":      post(SIGN_IN,  403,     403,    409,    404,    403),
    "logging_app:import_unmatch":      post(SIGN_IN,  403,     403,    409,    404,    403),
    "logging_app:import_keep":         post(SIGN_IN,  403,     403,    409,    404,    403),
    "logging_app:session_workout":      get(SIGN_IN,  403,     403,    200,    404,    403),
    "insights:my_summaries":            get(SIGN_IN,  403,     403,    200,    200,    403),
    "insights:my_summary":              get(SIGN_IN,  403,     403,    200,    404,    403),
    "insights:athlete_summary":         get(SIGN_IN,  200,     404,    403,    403,    403),
    "insights:generate":               post(SIGN_IN,  ATHLETE, 404,    403,    403,    403),
    "manifest":                         get(200,      200,     200,    200,    200,    200),
    "service_worker":                   get(200,      200,     200,    200,    200,    200),
    # A coach's or athlete's own calendar URL (an admin has no sessions: no feed).
    "calendar:page":                    get(SIGN_IN,  200,     200,    200,    200,    403),
    "calendar:new":   post(SIGN_IN, FEED_PAGE, FEED_PAGE, FEED_PAGE, FEED_PAGE, 403),
    "calendar:off":   post(SIGN_IN, FEED_PAGE, FEED_PAGE, FEED_PAGE, FEED_PAGE, 403),
    # The secret is the credential: whoever holds it reads the feed, signed in or not.
    "calendar:feed":                    get(200,      200,     200,    200,    200,    200),
    "accounts:api_tokens":              get(SIGN_IN,  200,     200,    200,    200,    200),
    "accounts:revoke_api_token":       post(SIGN_IN,  404,     404,    TOKENS, 404,    404),
}
# fmt: on
# /api/v1/'s rows, kept beside the API (hybridpeaks/tests/matrix_api.py).
EXPECTED.update(
    {
        key: Row(method, dict(zip(ROLES, answers, strict=True)))
        for key, (method, answers) in API.items()
    }
)
# The admin's own gate: anyone not staff, signed in or not, is sent to the admin's sign-in.
EXPECTED["admin:index"] = get(
    ADMIN_SIGN_IN, ADMIN_SIGN_IN, ADMIN_SIGN_IN, ADMIN_SIGN_IN, ADMIN_SIGN_IN, 200
)


# --- The project's URLs --------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectUrl:
    key: str  # "namespace:name", or the route of an unnamed pattern
    route: str
    named: bool


def project_urls(resolver=None, namespace="", prefix="") -> list[ProjectUrl]:
    """Every pattern under `resolver` (the root one by default), through every include."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            found += project_urls(pattern, inner, route)
        elif isinstance(pattern, URLPattern):
            if namespace.split(":")[0] == "admin" and pattern.name != "index":
                continue
            if pattern.name:
                found.append(
                    ProjectUrl(":".join(filter(None, [namespace, pattern.name])), route, True)
                )
            else:
                found.append(ProjectUrl(route, route, False))
    return found


# --- The world -----------------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, User | None]
    owning_coach: Coach
    owning_athlete: Athlete
    invitation: Invitation
    exercise: Exercise  # the owning coach's, private
    session: TrainingSession  # in the owning athlete's active plan of this week
    log: WorkoutLog  # the owning athlete's, of that session
    summary: AIWeeklySummary  # the owning athlete's, of last week


@pytest.fixture
def world() -> World:
    owning_coach, other_coach = CoachFactory(), CoachFactory()
    owning_athlete = AthleteFactory(coach=owning_coach)
    other_athlete = AthleteFactory(coach=other_coach)
    admin = UserFactory(is_staff=True, is_superuser=True, role=UserRole.COACH)
    users = {
        "anonymous": None,
        "owning_coach": owning_coach.user,
        "other_coach": other_coach.user,
        "owning_athlete": owning_athlete.user,
        "other_athlete": other_athlete.user,
        "admin": admin,
    }
    assert set(users) == set(ROLES)
    invitation = create_invitation(coach=owning_coach)
    exercise = ExerciseFactory(created_by=owning_coach, is_public=False)
    plan = TrainingPlanFactory(athlete=owning_athlete, week_start_date=THIS_MONDAY)
    session = TrainingSessionFactory(plan=plan)
    log = WorkoutLogFactory(session=session)
    last_week = TrainingPlanFactory(
        athlete=owning_athlete, week_start_date=THIS_MONDAY - timedelta(weeks=1)
    )
    summary = WeeklySummaryFactory(plan=last_week, athlete=owning_athlete)
    return World(users, owning_coach, owning_athlete, invitation, exercise, session, log, summary)


def _reset_link_args(user: User) -> list[str]:
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


def _program(world: World):
    return Program.objects.create(coach=world.owning_coach, name="Matrix block", weeks=1).pk


# Arguments of the URLs that name an object: always the owning coach's or athlete's.
URL_ARGS: dict[str, Callable[[World], list]] = {
    "accounts:revoke_invitation": lambda world: [world.invitation.pk],
    # A fresh invitation per request, so no case depends on another having used a link.
    "accounts:accept_invitation": lambda world: [
        token_for(create_invitation(coach=world.owning_coach))
    ],
    "accounts:password_reset_confirm": lambda world: _reset_link_args(world.owning_athlete.user),
    "training:athlete_benchmarks": lambda world: [world.owning_athlete.pk],
    "training:exercise_edit": lambda world: [world.exercise.pk],
    "training:exercise_delete": lambda world: [world.exercise.pk],
    "training:athlete": lambda world: [world.owning_athlete.pk],
    "training:next_week": lambda world: [world.owning_athlete.pk],
    "training:week": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    # A week with no plan yet, so creating one needs no version.
    "training:create_plan": lambda world: [world.owning_athlete.pk, FAR_MONDAY.isoformat()],
    "training:copy_week": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    "training:copy_picker": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    "training:plan_text": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    "training:preview_text": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    "training:save_text": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    "training:archive_plan": lambda world: [world.session.plan_id],
    "training:publish_plan": lambda world: [world.session.plan_id],
    "training:calendar": lambda world: [world.owning_athlete.pk],
    "training:calendar_month": lambda world: [world.owning_athlete.pk, 2026, 12],
    "training:calendar_copy": lambda world: [world.owning_athlete.pk],
    "training:calendar_move": lambda world: [world.session.pk],
    "training:calendar_publish": lambda world: [world.session.plan_id],
    "training:new_session": lambda world: [world.session.plan_id],
    "training:edit_session": lambda world: [world.session.pk],
    "training:session_workout": lambda world: [world.session.pk],
    "training:session_actions": lambda world: [world.session.pk],
    "training:delete_session": lambda world: [world.session.pk],
    "training:move_session": lambda world: [world.session.pk],
    "training:duplicate_session": lambda world: [world.session.pk],
    # A fresh program of the owning coach's per request (a delete takes it away).
    "training:program_edit": lambda world: [_program(world)],
    "training:program_delete": lambda world: [_program(world)],
    "training:program_export": lambda world: [_program(world)],
    "training:program_apply": lambda world: [_program(world)],
    "training:save_as_program": lambda world: [world.owning_athlete.pk, THIS_MONDAY.isoformat()],
    # A fresh token of the owning athlete's per request (a revocation is for good).
    "accounts:revoke_api_token": lambda world: [
        create_token(user=world.owning_athlete.user, name="Matrix", days=None)[0].pk
    ],
    # A fresh secret URL of the owning athlete's feed per request (each replaces the last).
    "calendar:feed": lambda world: [secret_of(new_feed(user=world.owning_athlete.user))],
    "logging_app:week_of": lambda world: [THIS_MONDAY.isoformat()],
    "insights:my_summary": lambda world: [world.summary.week_end_date.isoformat()],
    "insights:athlete_summary": lambda world: [
        world.owning_athlete.pk,
        world.summary.week_end_date.isoformat(),
    ],
    "insights:generate": lambda world: [world.owning_athlete.pk],
    "logging_app:log_detail": lambda world: [world.log.pk],
    "logging_app:log_session": lambda world: [world.session.pk],
    "logging_app:session_workout": lambda world: [world.session.pk],
    "logging_app:import_batch": lambda world: [
        ImportBatch.objects.create(athlete_id=world.log.athlete_id).pk
    ],
    "logging_app:import_rematch": lambda world: [_imported(world)],
    "logging_app:import_unmatch": lambda world: [_imported(world)],
    "logging_app:import_keep": lambda world: [_imported(world)],
}
URL_ARGS.update(API_ARGS)


def _imported(world: World):
    """The world's log as the owning athlete's watch import."""
    log, fields = world.log, {"format": "fit", "modality": "run", "has_sensors": True}
    return ImportedActivity.objects.get_or_create(
        log=log, athlete_id=log.athlete_id, sha256="0" * 64, started_at=log.completed_at, **fields
    )[0].pk


def path_for(key: str, world: World) -> str:
    url = next(url for url in project_urls() if url.key == key)
    if url.named:
        return reverse(key, args=URL_ARGS.get(key, lambda world: [])(world))
    assert "<" not in url.route and not url.route.startswith("^"), (
        f"Unnamed pattern {url.route!r} takes arguments: name it and add it to URL_ARGS."
    )
    return "/" + url.route


# --- The tests -----------------------------------------------------------------------------


def test_every_url_has_a_row():
    keys = [url.key for url in project_urls()]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"Several URL patterns share these names: {duplicates}"
    missing = sorted(set(keys) - set(EXPECTED))
    assert not missing, f"URLs with no row in EXPECTED (who may open them?): {missing}"
    gone = sorted(set(EXPECTED) - set(keys))
    assert not gone, f"Rows in EXPECTED for URLs that no longer exist: {gone}"
    unused_args = sorted(set(URL_ARGS) - set(keys))
    assert not unused_args, f"URL_ARGS for URLs that no longer exist: {unused_args}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "role"),
    [pytest.param(key, role, id=f"{key}-{role}") for key in EXPECTED for role in ROLES],
)
def test_authorization_matrix(client, world, key, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    # After signing in: a password reset token depends on the user's last sign-in.
    path = path_for(key, world)
    row = EXPECTED[key]
    expected = row.expected[role]

    response = client.generic(row.method, path)

    status = expected.status if isinstance(expected, Redirect) else expected
    assert response.status_code == status, (
        f"{row.method} {path} as {role}: {response.status_code}, expected {expected}"
    )
    if isinstance(expected, Redirect):
        assert response["Location"] == expected.location(path), (
            f"{row.method} {path} as {role}: went to {response['Location']}, expected {expected}"
        )
