import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import PASSWORD, UserFactory
from training.catalog import load_system_catalog


@pytest.mark.django_db(transaction=True)
def test_admin_signs_in_and_opens_the_exercise_list(live_server, page: Page):
    load_system_catalog()
    UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Email").fill("Admin@Example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.get_by_role("link", name="Exercises").click()
    expect(page.get_by_role("link", name="Back Squat", exact=True)).to_be_visible()
    page.get_by_role("link", name="Plyometric", exact=True).click()
    expect(page.get_by_role("link", name="Box Jump", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Back Squat", exact=True)).to_have_count(0)
    assert errors == [], errors  # no CSP violations or script errors
