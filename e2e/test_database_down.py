"""The database down while a person sends a plain form: a "try again" page, and Back brings
the form back as it was typed (hybridpeaks/core/middleware.py answers 503)."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from playwright.sync_api import Browser, expect

from accounts.tests.factories import PASSWORD
from e2e.test_athlete_offline import PHONE
from e2e.test_log_form import EMAIL, berlin_week

NOTES = "Windy, 2 km with a friend: typed once, not twice."


class Switch:
    down = False


@pytest.fixture
def database(monkeypatch):
    """Every connection, in every thread (the live server's too), fails while `down`."""
    switch = Switch()
    real = CursorWrapper._execute_with_wrappers

    def execute(self, *args, **kwargs):
        if switch.down:
            raise OperationalError("could not connect to server: Connection refused")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(CursorWrapper, "_execute_with_wrappers", execute)
    return switch


@pytest.mark.django_db(transaction=True)
def test_a_plain_form_that_meets_the_database_down_is_kept_for_a_retry(
    live_server, browser: Browser, database
):
    _, _, run = berlin_week()
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/today/sessions/{run.pk}/log/")
    page.get_by_label("Notes").fill(NOTES)

    database.down = True
    page.get_by_role("button", name="Save log").click()

    expect(page.get_by_role("heading", name="Try again in a moment")).to_be_visible()
    expect(page.get_by_text("go back with your browser's Back button")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"

    database.down = False
    page.go_back()
    expect(page.get_by_label("Notes")).to_have_value(NOTES)
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_role("heading", name="Try again in a moment")).to_be_hidden()
    assert run.logs.get().notes == NOTES
    context.close()
