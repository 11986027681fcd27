"""Accessibility as a test: axe-core on every page, at phone and desktop width, light and dark.

Each page of the athlete, the coach and a signed-out visitor is opened on the demo data in
real Chromium and checked by axe-core (vendored under e2e/vendor for tests only; the app's
CSP rightly blocks injected scripts, so the context bypasses it). Serious and critical
violations fail the test, listed page by page so one run shows all of them. The same visit
checks that nothing scrolls sideways. The Django admin is Django's own and is left out.
"""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser

from accounts.invitations import token_for
from accounts.services import create_invitation
from insights.models import AIWeeklySummary
from logging_app.demo import DEMO_PASSWORD
from logging_app.models import WorkoutLog
from training.models import TrainingSession
from training.selectors import monday_of

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
BLOCKING = {"serious", "critical"}
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
ATHLETE = "alex@example.com"
COACH = "coach.maria@example.com"


def athlete_pages():
    from accounts.models import User

    athlete = User.objects.get(email=ATHLETE).athlete
    monday = monday_of(timezone.localdate(timezone=athlete.user.zoneinfo))
    log = WorkoutLog.objects.filter(athlete=athlete).order_by("-completed_at").first()
    open_sessions = TrainingSession.objects.filter(
        plan__athlete=athlete, plan__week_start_date=monday, logs__isnull=True
    )
    summary = AIWeeklySummary.objects.filter(athlete=athlete).latest("week_end_date")
    pages = [
        "/today/",
        "/today/week/",
        f"/today/week/{monday - timedelta(weeks=1):%Y-%m-%d}/",
        "/today/history/",
        f"/today/history/{log.pk}/",
        "/today/benchmarks/",
        "/today/summaries/",
        f"/today/summaries/{summary.week_end_date:%Y-%m-%d}/",
        "/accounts/account/",
        calendar_feed_page(athlete.user),
        api_tokens_page(athlete.user),
        *import_pages(athlete),
        "/accounts/password/change/",
        "/accounts/account/delete/",
    ]
    for kind in ("strength", "endurance"):
        session = open_sessions.filter(type=kind).first()
        if session:
            pages.append(f"/today/sessions/{session.pk}/log/")
    return pages


def import_pages(athlete) -> list[str]:
    """The import page with an open import (re-match choices, buttons) and its batch page."""
    from logging_app.imports.models import ImportBatch
    from logging_app.imports.services import import_activity
    from logging_app.tests.imports.helpers import activity

    started = timezone.now() - timedelta(hours=3)
    outcome = import_activity(athlete, activity(started_at=started, file_name="axe.fit"))
    batch = ImportBatch.objects.create(athlete=athlete, status="done", outcomes=[outcome])
    return ["/today/import/", f"/today/import/batches/{batch.pk}/"]


def api_tokens_page(user) -> str:
    """The API tokens page with a token listed (and its Revoke button)."""
    from accounts.tokens import create_token

    create_token(user=user, name="Training export", days=90)
    return "/accounts/account/tokens/"


def calendar_feed_page(user) -> str:
    """The calendar feed's page, with a URL made (its fullest state)."""
    from training.feeds.secrets import new_feed

    new_feed(user=user)
    return "/calendar/"


def coach_pages():
    from accounts.models import User

    athlete = User.objects.get(email=ATHLETE).athlete
    monday = monday_of(timezone.localdate())
    summary = AIWeeklySummary.objects.filter(athlete=athlete).latest("week_end_date")
    base = f"/coach/athletes/{athlete.pk}"
    earlier = monday - timedelta(weeks=4)
    return [
        "/coach/",
        f"{base}/",
        f"{base}/weeks/{monday:%Y-%m-%d}/",
        f"{base}/weeks/{monday + timedelta(weeks=1):%Y-%m-%d}/",
        f"{base}/weeks/{monday:%Y-%m-%d}/text/",
        f"{base}/calendar/",
        f"{base}/calendar/{earlier.year}/{earlier.month}/",  # past weeks: colours, missed
        f"{base}/benchmarks/",
        f"{base}/summaries/{summary.week_end_date:%Y-%m-%d}/",
        "/coach/exercises/",
        "/coach/exercises/new/",
        *program_pages(athlete, monday),
        "/accounts/invitations/",
        "/accounts/account/",
    ]


def program_pages(athlete, monday):
    """The library, the editor, a 3-week program and its apply preview, Save as program."""
    from training.programs.services import save_program
    from training.programs.text import parse_program
    from training.text import ExerciseNames

    text = "Week 1\nMon Legs ~60min\n  Back squat 5x5 @75%\nTue Easy\n  Run 45min Z2\nWeek 2\n"
    read = parse_program(text, ExerciseNames.for_coach(athlete.coach))
    program = save_program(
        coach=athlete.coach, program=None, name="Base block", description="", read=read
    )
    start = monday + timedelta(weeks=1)
    return [
        "/coach/programs/",
        "/coach/programs/new/",
        f"/coach/programs/{program.pk}/",
        f"/coach/programs/{program.pk}/apply/?athletes={athlete.pk}&start={start:%Y-%m-%d}",
        f"/coach/athletes/{athlete.pk}/weeks/{monday:%Y-%m-%d}/save-as-program/",
    ]


def visitor_pages():
    from accounts.models import User

    coach = User.objects.get(email=COACH).coach
    token = token_for(create_invitation(coach=coach))
    return [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        f"/accounts/invite/{token}/",
    ]


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def problems_on(page, url) -> list[str]:
    response = page.goto(url)
    problems = []
    if response is None or response.status >= 400:
        return [f"{url}: HTTP {response.status if response else 'no response'}"]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    for violation in result:
        if violation["impact"] in BLOCKING:
            problems.append(
                f"{url}: {violation['impact']} {violation['id']} ({violation['help']}) "
                f"at {violation['nodes']}"
            )
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if width[0] > width[1]:
        problems.append(f"{url}: scrolls sideways ({width[0]} px wide in {width[1]} px)")
    return problems


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_passes_axe(live_server, browser: Browser, size, scheme):
    call_command("seed_demo", stdout=StringIO())
    call_command("generate_weekly_summaries", stdout=StringIO())
    problems = []
    for email, pages in ((ATHLETE, athlete_pages()), (COACH, coach_pages()), (None, None)):
        context = browser.new_context(
            viewport=SIZES[size], color_scheme=scheme, bypass_csp=True, service_workers="block"
        )
        page = context.new_page()
        if email:
            sign_in(page, live_server.url, email)
        else:
            pages = visitor_pages()
        for path in pages:
            problems += problems_on(page, live_server.url + path)
        context.close()
    assert not problems, "\n".join(problems)
