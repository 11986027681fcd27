"""Benchmark of the weekly analysis job: `manage.py benchmark_weekly_summaries --athletes 1000`

Budget (DESIGN.md): 1,000 athlete-weeks in under 30 s on 2 cores; figures in
docs/benchmarks.md. Builds a synthetic data set (one coach, N athletes, each with the ended
last week and 4 weeks of history planned and mostly logged, plus benchmarks), times only the
writing of the N summaries of last week (generate_summary per athlete, as the cron command
does, narrator off), prints the figures, and removes everything it created unless --keep.
"""

import time
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from accounts.models import Athlete
from insights.benchmark_data import (
    MAX_EXISTING_ATHLETES,
    build,
    database_version,
    refuse_a_real_database,
    remove,
    system_catalog,
    validate_sample,
)
from insights.models import AIWeeklySummary
from insights.services import NothingLogged, WeekNotOver, generate_summary
from training.selectors import monday_of

BUDGET_SECONDS_PER_1000 = 30
# The ended last week plus 4 weeks of history: the acute:chronic ratio needs 28 days.
WEEKS = 5


class Command(BaseCommand):
    help = (
        "Time the weekly summaries of N synthetic athletes (budget: 1,000 in < 30 s); "
        "the data set is removed afterwards unless --keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--athletes", type=int, default=1000, help="How many (default 1000).")
        parser.add_argument(
            "--keep", action="store_true", help="Leave the synthetic data in the database."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=f"Run even if the database has more than {MAX_EXISTING_ATHLETES} athletes.",
        )

    def handle(self, *args, athletes, keep, force, **options):
        if athletes < 1:
            raise CommandError("--athletes must be at least 1.")
        refuse_a_real_database(force=force)
        now = timezone.now()
        catalog, new_exercises = system_catalog()
        coach = None
        try:
            started = time.perf_counter()
            with transaction.atomic():
                coach, counts = build(athletes, catalog, now, ended_weeks=WEEKS)
            setup = time.perf_counter() - started
            self.stdout.write(
                f"setup (not measured): {setup:.1f} s — {counts['plans']} plans, "
                f"{counts['sessions']} sessions, {counts['logs']} logs, "
                f"{counts['benchmarks']} benchmarks"
            )
            validate_sample(coach)
            self.measure(coach, athletes, now, show_queries=options["verbosity"] >= 2)
        finally:
            if not keep:
                started = time.perf_counter()
                remove(coach, new_exercises)
                self.stdout.write(f"cleanup: {time.perf_counter() - started:.1f} s")
            elif coach is not None:
                self.stdout.write(f"kept: coach {coach.user.email} and their athletes")

    def measure(self, coach, count, now, *, show_queries=False):
        athletes = list(Athlete.objects.filter(coach=coach).select_related("user").order_by("pk"))
        weeks = {
            athlete.pk: monday_of(timezone.localdate(now, athlete.user.zoneinfo))
            - timedelta(weeks=1)
            for athlete in athletes
        }
        created, failures = [], {}
        # As in production: no narrator, and no DEBUG query log (.env may set DEBUG=true).
        with override_settings(DEBUG=False, LLM_BASE_URL="", LLM_MODEL=""):
            started = time.perf_counter()
            for athlete in athletes:
                try:
                    _, was_created = generate_summary(
                        athlete=athlete, week_start=weeks[athlete.pk], now=now
                    )
                except (WeekNotOver, NothingLogged, ValidationError) as problem:
                    # The cron command would stop at a ValidationError; go on, to time them all.
                    failures[athlete] = problem
                    continue
                if was_created:
                    created.append(athlete)
            elapsed = time.perf_counter() - started
            if created:
                # Queries of one athlete-week: write the first summary again under a capture.
                first = created[0]
                AIWeeklySummary.objects.filter(athlete=first).delete()
                connection.queries_log.clear()  # a full log (9,000 under DEBUG) counts nothing
                with CaptureQueriesContext(connection) as captured:
                    generate_summary(athlete=first, week_start=weeks[first.pk], now=now)
                queries = len(captured.captured_queries)
            else:
                captured, queries = None, "n/a"
        budget = BUDGET_SECONDS_PER_1000 * count / 1000
        verdict = "within" if elapsed < budget else "OVER"
        mondays = sorted(set(weeks.values()))
        self.stdout.write(f"database: {database_version()}")
        self.stdout.write(f"athletes: {count} (week of {', '.join(map(str, mondays))}, local)")
        self.stdout.write(f"summaries written: {len(created)}")
        self.stdout.write(f"total: {elapsed:.2f} s")
        self.stdout.write(f"per athlete-week: {1000 * elapsed / count:.1f} ms")
        self.stdout.write(f"queries per athlete-week: {queries}")
        self.stdout.write(f"budget: {budget:g} s for {count} athlete-weeks — {verdict} budget")
        if show_queries and captured is not None:
            for query in captured.captured_queries:
                self.stdout.write(f"  {query['sql'][:160]}")
        if failures:
            for athlete, problem in list(failures.items())[:5]:
                self.stderr.write(f"{athlete}: {type(problem).__name__} {problem}")
            raise CommandError(
                f"{len(failures)} of {count} athlete-weeks got no summary (first ones above)."
            )
