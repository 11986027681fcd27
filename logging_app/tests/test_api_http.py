"""The sync API over real HTTP: a live server, a client made of the standard library only.

A phone signs in with the sign-in form, keeps the session and CSRF cookies, and posts JSON
with the token in X-CSRFToken, as static/js/outbox-core.js does. The race tests send the same
upload many times at once, as a phone retrying on a flaky connection can.
"""

import http.cookiejar
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse

from accounts.tests.factories import PASSWORD
from logging_app.models import WorkoutLog
from logging_app.tests.factories import log_body
from training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)
RACERS = 20
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers, so concurrent INSERTs cannot race there; "
    "run with DATABASE_URL=postgres://... to test the race",
)


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Answer a redirect as it is, so a test sees the 302 of a successful sign-in."""

    def redirect_request(self, *args, **kwargs):
        return None


class Phone:
    """An HTTP client holding its cookies, as a browser would."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _KeepRedirects
        )

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == name)

    def request(self, method, path, data=None, headers=None, opener=None):
        """(status, body) of one request; an error status is an answer, not an exception."""
        request = urllib.request.Request(  # noqa: S310 (the live server's own http:// URL)
            self.base_url + path, data=data, headers=headers or {}, method=method
        )
        try:
            with (opener or self.opener).open(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.read()

    def sign_in(self, email: str) -> None:
        login = reverse("accounts:login")
        status, _ = self.request("GET", login)
        assert status == 200
        form = {
            "username": email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": self.cookie("csrftoken"),
        }
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _ = self.request("POST", login, urllib.parse.urlencode(form).encode(), headers)
        assert status == 302, "signing in should redirect"

    def post_log(self, payload: dict, opener=None) -> tuple[int, dict]:
        # Cookies as sent by hand, so racing threads share no cookie jar.
        headers = {
            "Content-Type": "application/json",
            "Cookie": f"sessionid={self.cookie('sessionid')}; csrftoken={self.cookie('csrftoken')}",
            "X-CSRFToken": self.cookie("csrftoken"),
        }
        url = reverse("api:workout_logs")
        status, body = self.request("POST", url, json.dumps(payload).encode(), headers, opener)
        return status, json.loads(body)

    def get_log(self, log_id) -> tuple[int, dict]:
        status, body = self.request("GET", reverse("api:workout_log", args=[log_id]))
        return status, json.loads(body)


@pytest.fixture
def session():
    return TrainingSessionFactory()


@pytest.fixture
def phone(live_server, session):
    phone = Phone(live_server.url)
    phone.sign_in(session.plan.athlete.user.email)
    return phone


def test_post_a_log_and_read_it_back(phone, session):
    sent = log_body(session)

    created = phone.post_log(sent)
    replayed = phone.post_log(sent)
    read = phone.get_log(sent["id"])

    assert created[0] == 201
    assert replayed == (200, created[1])
    assert read == (200, created[1])
    assert created[1]["actualData"] == sent["actualData"]
    assert WorkoutLog.objects.get().pk == uuid.UUID(sent["id"])


def test_a_post_without_the_csrf_token_is_refused(phone, session):
    headers = {"Content-Type": "application/json"}
    data = json.dumps(log_body(session)).encode()

    status, _ = phone.request("POST", reverse("api:workout_logs"), data, headers)

    assert status == 403
    assert not WorkoutLog.objects.exists()


def race(phone, bodies) -> list[tuple[int, dict]]:
    """Send each body from its own thread, all released at the same moment."""
    start = threading.Barrier(len(bodies))
    # One plain opener per thread: no shared cookie jar, no redirects followed. These threads
    # only speak HTTP and never open a database connection; the live server's request threads
    # close theirs as each request ends (ThreadedWSGIServer.close_request).
    openers = [urllib.request.build_opener(_KeepRedirects) for _ in bodies]

    def send(index):
        start.wait(timeout=30)
        return phone.post_log(bodies[index], openers[index])

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(send, range(len(bodies))))


@postgresql_only
def test_the_same_upload_sent_at_once_is_stored_once(phone, session):
    sent = log_body(session)

    answers = race(phone, [sent] * RACERS)

    statuses = sorted(status for status, _ in answers)
    assert statuses == [200] * (RACERS - 1) + [201], statuses
    assert {body["id"] for _, body in answers} == {sent["id"]}
    assert WorkoutLog.objects.count() == 1


@postgresql_only
def test_different_logs_of_one_session_sent_at_once_store_one(phone, session):
    bodies = [log_body(session) for _ in range(RACERS)]

    answers = race(phone, bodies)

    statuses = sorted(status for status, _ in answers)
    assert statuses == [201] + [409] * (RACERS - 1), statuses
    winner = WorkoutLog.objects.get()
    assert next(body for status, body in answers if status == 201)["id"] == str(winner.pk)
    assert {body["existingId"] for status, body in answers if status == 409} == {str(winner.pk)}
