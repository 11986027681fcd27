"""Benchmark of the text syntax: `manage.py benchmark_text_parse [--runs 500]`

Budget (issue 13): parsing a 7-day week of text takes < 20 ms. Times training.text.parse_week
on a full week (the issue's five sessions plus a Wednesday, a Friday and a Sunday: 7 days, 8
sessions, 11 lines of exercises and intervals) against the whole system catalog, many times,
and prints the median, the 95th percentile and the worst run; then the same with the coach's
catalog read from the database first (ExerciseNames.for_coach, one query), as the preview
does on each keystroke. Reads only: nothing is written. Figures in docs/benchmarks.md.
"""

import os
import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Coach
from training.models import Exercise
from training.text import ExerciseNames, parse_week

BUDGET_MS = 20
WEEK = """\
Mon Lower body ~60min
  Back squat 5x5 @75% rest 3min
  Romanian deadlift 3x8-10 @RPE7.5 tempo 3010
  Pull-up 4x8 @RPE8
Tue Easy run
  Run 45min Z2
Wed Upper body ~55min
  Bench press 5x5 @75% rest 3min
  Overhead press 3x8 @70% rest 2min
  Barbell row 4x8 @RPE8 rest 2min
Thu Track
  Run 15min Z1, 6x(400m @5k pace, 90s Z1), 10min Z1
Fri Intervals
  Bike 20min Z1, 5x(3min 105-110% FTP, 2min Z1), 15min Z1
Sat Long ride
  Bike 2h30 70% FTP
Sun Recovery swim
  Swim 30min Z1
"""


class Command(BaseCommand):
    help = f"Time parsing a 7-day week of text (budget: < {BUDGET_MS} ms)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=500)

    def handle(self, *args, runs, **options):
        system = Exercise.objects.filter(created_by__isnull=True).values_list(
            "pk", "name", "aliases"
        )
        names = ExerciseNames(system)
        if not names.names:
            raise CommandError("No system catalog: run `manage.py load_catalog` first.")
        week = parse_week(WEEK, names)
        if week.errors:
            raise CommandError("The benchmark week does not parse: " + str(week.errors[0]))
        self._report("parse_week, catalog in memory", lambda: parse_week(WEEK, names), runs)
        coach = Coach.objects.first()
        if coach is not None:
            self._report(
                "catalog read + parse_week (the preview)",
                lambda: parse_week(WEEK, ExerciseNames.for_coach(coach)),
                runs,
            )
        self.stdout.write(
            f"{len(week.sessions)} sessions, {len(WEEK.splitlines())} lines, "
            f"{len(names.names)} exercises in the catalog; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs."
        )

    def _report(self, label, work, runs):
        for _ in range(10):
            work()  # warm-up: imports, regex caches, the database connection
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        verdict = "within" if p95 < BUDGET_MS else "OVER"
        self.stdout.write(
            f"{label}: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, "
            f"worst {times[-1]:.2f} ms over {runs} runs ({verdict} the {BUDGET_MS} ms budget)"
        )
