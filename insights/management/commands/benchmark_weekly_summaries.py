"""Benchmark of the weekly analysis job: `manage.py benchmark_weekly_summaries --athletes 1000`

Budget (DESIGN.md): at most 10 ms per athlete-week on PostgreSQL, linear to 10,000 athletes
(run it with --athletes 1000 and 10000); figures in docs/benchmarks.md. Builds a synthetic data
set (one coach, N athletes, each with the ended last week and 4 weeks of history planned and
mostly logged, plus benchmarks), times only the writing of the N summaries of last week by the
batched job (insights.jobs.summarise_chunk on chunks of --chunk athletes, as the hourly
command runs it, narrator off), prints the figures, and removes everything it created unless
--keep.
"""

import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
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
from insights.jobs import CHUNK_SIZE, summarise_chunk
from insights.models import AIWeeklySummary

BUDGET_MS_PER_ATHLETE_WEEK = 10
# The ended last week plus 4 weeks of history: the acute:chronic ratio needs 28 days.
WEEKS = 5


class Command(BaseCommand):
    help = (
        "Time the batched weekly summaries of N synthetic athletes (budget: 10 ms per "
        "athlete-week, linear to 10,000); "
        "the data set is removed afterwards unless --keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--athletes", type=int, default=1000, help="How many (default 1000).")
        parser.add_argument(
            "--chunk",
            type=int,
            default=CHUNK_SIZE,
            help=f"Athletes per chunk (default {CHUNK_SIZE}, as the hourly job).",
        )
        parser.add_argument(
            "--keep", action="store_true", help="Leave the synthetic data in the database."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=f"Run even if the database has more than {MAX_EXISTING_ATHLETES} athletes.",
        )

    def handle(self, *args, athletes, chunk, keep, force, **options):
        if athletes < 1:
            raise CommandError("--athletes must be at least 1.")
        if chunk < 1:
            raise CommandError("--chunk must be at least 1.")
        refuse_a_real_database(force=force)
        now = timezone.now()
        catalog, new_exercises = system_catalog()
        coach = None
        try:
            started = time.perf_counter()
            coach, counts = build(athletes, catalog, now, ended_weeks=WEEKS)
            setup = time.perf_counter() - started
            self.stdout.write(
                f"setup (not measured): {setup:.1f} s — {counts['plans']} plans, "
                f"{counts['sessions']} sessions, {counts['logs']} logs, "
                f"{counts['benchmarks']} benchmarks"
            )
            validate_sample(coach)
            self.measure(
                coach, athletes, now, chunk_size=chunk, show_queries=options["verbosity"] >= 2
            )
        finally:
            if not keep:
                started = time.perf_counter()
                remove(coach, new_exercises)
                self.stdout.write(f"cleanup: {time.perf_counter() - started:.1f} s")
            elif coach is not None:
                self.stdout.write(f"kept: coach {coach.user.email} and their athletes")

    def measure(self, coach, count, now, *, chunk_size, show_queries=False):
        ids = list(Athlete.objects.filter(coach=coach).order_by("pk").values_list("pk", flat=True))
        chunks = [ids[start : start + chunk_size] for start in range(0, len(ids), chunk_size)]
        created = skipped = failed = 0
        # As in production: no narrator, and no DEBUG query log (.env may set DEBUG=true).
        # weeks=1: each athlete's last ended week exactly (the older ones are history).
        with override_settings(DEBUG=False, LLM_BASE_URL="", LLM_MODEL=""):
            load_before = os.getloadavg()
            started = time.perf_counter()
            for chunk in chunks:
                outcome = summarise_chunk(chunk, now=now, weeks=1)
                created += len(outcome.created_ids)
                skipped += outcome.skipped
                failed += outcome.failed
            elapsed = time.perf_counter() - started
            load_after = os.getloadavg()
            # Queries of one chunk: write the first chunk's summaries again under a capture.
            AIWeeklySummary.objects.filter(athlete_id__in=chunks[0]).delete()
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                summarise_chunk(chunks[0], now=now, weeks=1)
        per_week = 1000 * elapsed / count
        verdict = "within" if per_week <= BUDGET_MS_PER_ATHLETE_WEEK else "OVER"
        self.stdout.write(f"database: {database_version()}")
        self.stdout.write(f"athletes: {count} in {len(chunks)} chunk(s) of {chunk_size}")
        self.stdout.write(f"summaries written: {created}")
        self.stdout.write(f"total: {elapsed:.2f} s")
        self.stdout.write(f"per athlete-week: {per_week:.2f} ms")
        self.stdout.write(
            f"queries per chunk: {len(captured.captured_queries)} "
            f"(first chunk, {len(chunks[0])} athletes)"
        )
        self.stdout.write(
            f"budget: {BUDGET_MS_PER_ATHLETE_WEEK} ms per athlete-week — {verdict} budget"
        )
        # A shared machine's other work shows here: this run alone keeps one core busy (≈ 1).
        self.stdout.write(
            "load average (1, 5, 15 min): before the timing "
            + ", ".join(f"{load:.2f}" for load in load_before)
            + "; after "
            + ", ".join(f"{load:.2f}" for load in load_after)
        )
        if show_queries:
            for query in captured.captured_queries:
                self.stdout.write(f"  {query['sql'][:160]}")
        if skipped or failed:
            raise CommandError(
                f"{skipped + failed} of {count} athlete-weeks got no summary "
                f"({failed} failed, see the log; {skipped} without logs or not over)."
            )
