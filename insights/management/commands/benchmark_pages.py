"""Page benchmark: `manage.py benchmark_pages [--duration 10] [--keep]` (docs/benchmarks.md).

On PostgreSQL (DATABASE_URL), builds a coach with 100 athletes and 12 weeks of training
(insights/benchmark_data.py) plus last week's summaries, serves the project with gunicorn
and production settings (insights/benchmark_server.py), and loads every main page with wrk
(insights/benchmark_wrk.py) signed in as its owner, between the same run's ceilings C0 and
C3 (hybridpeaks/ceilings.py): C3 is loaded first and again after each page, and each page is
read as a share of the two C3 runs around it. Prints a Markdown table
(insights/benchmark_report.py) and removes what it created unless --keep.
"""

import secrets
import statistics
import tempfile
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Athlete
from insights.benchmark_data import (
    build,
    refuse_a_real_database,
    remove,
    system_catalog,
    validate_sample,
    write_summaries,
)
from insights.benchmark_report import ROSTER_MAX_HTML, ROSTER_SHARE, Measured, Page, table
from insights.benchmark_server import (
    collect_static,
    fetch,
    gunicorn,
    machine,
    production_env,
    settle,
    sign_in,
    switched,
)
from insights.benchmark_wrk import CONNECTIONS, THREADS, run_wrk, wrk_path
from training.selectors import monday_of

# 10 ended weeks, this week and next week: 12 weeks of plans.
ENDED_WEEKS, WEEKS_AHEAD = 10, 2
VALIDATED_ATHLETES = 1  # full_clean() of each of their rows: seconds, where 100 take minutes
# As production serves them (a development .env's DEBUG=true picks the plain storage).
MANIFEST_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


class Command(BaseCommand):
    help = (
        "Load every main page with wrk under gunicorn and production settings on PostgreSQL, "
        "against the same run's ceilings C0 and C3; prints req/s, p50/p99, HTML size, queries "
        "and the share of C3."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds of wrk per page.")
        parser.add_argument(
            "--warmup", type=int, default=2, help="Seconds of unmeasured wrk before each page."
        )
        parser.add_argument("--athletes", type=int, default=100, help="Roster size (100).")
        parser.add_argument("--port", type=int, default=8765, help="gunicorn's port on 127.0.0.1.")
        parser.add_argument("--keep", action="store_true", help="Leave the data set in place.")
        parser.add_argument(
            "--force", action="store_true", help="Run on a database with many athletes already."
        )

    def handle(self, *args, duration, warmup, athletes, port, keep, force, **options):
        wrk_path()  # before any work: without wrk, say how to install it and stop
        if connection.vendor != "postgresql":
            raise CommandError(
                "The page benchmark runs on PostgreSQL, production's database: set "
                "DATABASE_URL=postgres://… (docs/benchmarks.md, 'Pages')."
            )
        if duration < 1 or warmup < 0 or athletes < 1:
            raise CommandError("--duration and --athletes must be at least 1, --warmup ≥ 0.")
        refuse_a_real_database(force=force)
        secret_key = secrets.token_urlsafe(50)  # this run's: signs its sessions and nothing else
        now = timezone.now()
        catalog, new_exercises = system_catalog()
        coach, session_keys = None, []
        try:
            took = {}
            with override_settings(DEBUG=False):  # no query log for 20,000 inserts
                started = time.perf_counter()
                coach, counts = build(
                    athletes, catalog, now, ended_weeks=ENDED_WEEKS, weeks_ahead=WEEKS_AHEAD
                )
                took["built"], started = time.perf_counter() - started, time.perf_counter()
                validate_sample(coach, size=VALIDATED_ATHLETES)
                took["checked"], started = time.perf_counter() - started, time.perf_counter()
                counts["summaries"] = write_summaries(coach, now)
                took["summarised"] = time.perf_counter() - started
            self.stdout.write(
                f"data set: 1 coach, {athletes} athletes, "
                + ", ".join(f"{n:,} {name}" for name, n in counts.items())
                + " ("
                + ", ".join(f"{step} in {seconds:.1f} s" for step, seconds in took.items())
                + ")"
            )
            athlete = Athlete.objects.filter(coach=coach).select_related("user").order_by("name")[0]
            with override_settings(SECRET_KEY=secret_key):
                cookies = {
                    "coach": {settings.SESSION_COOKIE_NAME: sign_in(coach.user)},
                    "athlete": {settings.SESSION_COOKIE_NAME: sign_in(athlete.user)},
                    "": {},
                }
            session_keys = [jar[settings.SESSION_COOKIE_NAME] for jar in cookies.values() if jar]
            pages = main_pages(athlete, now)
            rows, c3_runs = self.load(pages, cookies, secret_key, port, duration, warmup)
        finally:
            Session.objects.filter(session_key__in=session_keys).delete()
            if not keep:
                remove(coach, new_exercises)
            elif coach is not None:
                self.stdout.write(f"kept: coach {coach.user.email} and their athletes")
        self.report(rows, c3_runs, duration)

    def load(self, pages, cookies, secret_key, port, duration, warmup):
        """Serve, check each page answers 200, then wrk them one at a time with C3 before the
        first and after each: C3, C0, C3, today, C3, … catalog, C3."""
        with tempfile.TemporaryDirectory(prefix="hp-bench-static-") as static_root:
            env = production_env(secret_key=secret_key, static_root=static_root)
            collect_static(env)
            queries = count_queries(pages, cookies, secret_key, static_root)
            with gunicorn(env, port) as server:
                sizes = {page: self.probe(page, cookies, port) for page in pages}

                def measure(page, warm):
                    jar = cookies[page.who]
                    if warm:
                        run_wrk(server.url + page.path, cookies=jar, seconds=warm)
                        settle(port)
                    load = run_wrk(server.url + page.path, cookies=jar, seconds=duration)
                    settle(port)
                    self.stdout.write(f"  {page.name}: {load.requests_per_second:,.1f} req/s")
                    return load

                c3, others = pages[1], [pages[0], *pages[2:]]
                c3_runs = [measure(c3, warmup)]
                rows = []
                for page in others:
                    load = measure(page, warmup)
                    c3_runs.append(measure(c3, 0))  # warm already
                    around = statistics.mean(run.requests_per_second for run in c3_runs[-2:])
                    rows.append(Measured(page, load, *sizes[page], queries[page], around))
        first = c3_runs[0]
        rows.insert(1, Measured(c3, first, *sizes[c3], queries[c3], first.requests_per_second))
        return rows, c3_runs

    def probe(self, page, cookies, port) -> tuple[int, int]:
        """A 200 as the page's user (not a redirect to sign in); keeps any CSRF cookie it
        sets, as a browser would; returns the HTML's size, uncompressed and gzip."""
        jar = cookies[page.who]
        answer = fetch(port, page.path, cookies=jar)
        if answer.status != 200:
            raise CommandError(f"{page.name} ({page.path}) answered {answer.status}, not 200.")
        jar.update({n: v for n, v in answer.new_cookies.items() if n == settings.CSRF_COOKIE_NAME})
        plain = fetch(port, page.path, cookies=jar)
        packed = fetch(port, page.path, cookies=jar, gzip=True)
        return len(plain.body), len(packed.body)

    def report(self, rows, c3_runs, duration):
        speeds = [run.requests_per_second for run in c3_runs]
        self.stdout.write("")
        self.stdout.write(f"machine: {machine()}")
        self.stdout.write(
            f"load: wrk -t{THREADS} -c{CONNECTIONS} -d{duration}s --latency, one page at a time; "
            f"C3 runs (req/s, in order): {', '.join(f'{rps:,.1f}' for rps in speeds)}; "
            f"each page's share is of the mean of the C3 runs just before and after it"
        )
        for line in table(rows):
            self.stdout.write(line)
        broken = {row.page.name for row in rows if row.load.bad_responses or row.load.socket_errors}
        if any(run.bad_responses or run.socket_errors for run in c3_runs):
            broken.add("C3")
        if broken:
            raise CommandError(f"Errors under load on: {', '.join(sorted(broken))}.")


def main_pages(athlete, now) -> list[Page]:
    """The two ceilings, then each main page as its owner sees it."""
    today = timezone.localdate(now, athlete.user.zoneinfo)
    last_sunday = monday_of(today) - timedelta(days=1)
    next_monday = monday_of(today) + timedelta(weeks=1)
    on_athlete = {"athlete_id": athlete.pk}
    return [
        Page("C0", "/benchmark/c0/", "", min_share=None),
        Page("C3", "/benchmark/c3/", "coach", min_share=None),
        Page("athlete today", reverse("logging_app:today"), "athlete"),
        Page("athlete week", reverse("logging_app:week"), "athlete"),
        Page("athlete history", reverse("logging_app:history"), "athlete"),
        Page(
            "weekly summary",
            reverse("insights:my_summary", kwargs={"week_end": last_sunday}),
            "athlete",
        ),
        Page(
            f"coach roster ({athlete.coach.athletes.count()} athletes)",
            reverse("training:roster"),
            "coach",
            min_share=ROSTER_SHARE,
            max_html=ROSTER_MAX_HTML,
        ),
        Page("coach athlete page", reverse("training:athlete", kwargs=on_athlete), "coach"),
        Page(
            "plan builder (next week, full)",
            reverse("training:week", kwargs={**on_athlete, "monday": next_monday}),
            "coach",
        ),
        Page("exercise catalog", reverse("training:exercise_list"), "coach"),
    ]


def count_queries(pages, cookies, secret_key, static_root) -> dict[Page, int]:
    """Queries per request of each page, counted in this process on its second request (the
    first may fill per-process caches, as a worker's first request does)."""
    counts = {}
    production = override_settings(
        SECRET_KEY=secret_key,
        DEBUG=False,
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
        STATIC_ROOT=static_root,
        STORAGES={**settings.STORAGES, "staticfiles": MANIFEST_STATIC},
    )
    with production, switched(on=True):
        for page in pages:
            client = Client()
            for name, value in cookies[page.who].items():
                client.cookies[name] = value
            client.get(page.path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path)
            if response.status_code != 200:
                raise CommandError(f"{page.name} answered {response.status_code} in-process.")
            counts[page] = len(captured.captured_queries)
    return counts
