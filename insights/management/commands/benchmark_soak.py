"""Soak benchmark: `manage.py benchmark_soak [--seconds 600]` (docs/benchmarks.md, "Soak").

On PostgreSQL (DATABASE_URL), builds coaches of 100 athletes each with 12 weeks of training
(insights/benchmark_data.py), serves the project with gunicorn and production settings
(insights/benchmark_server.py), finds the most the server carries of the mix in
insights/benchmark_soak.py (athletes reading Today and their week and posting logs through
the sync API, coaches reading their roster), then holds half of it for --seconds. Passes
when no request failed, the database holds exactly the logs answered 201 (none lost, none
twice), and no worker's memory grew by 10 % or more. Removes what it created.
"""

import json
import secrets
import tempfile
import time
import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from accounts.models import Athlete
from insights import benchmark_soak
from insights.benchmark_data import build, refuse_a_real_database, remove, system_catalog
from insights.benchmark_server import (
    collect_static,
    gunicorn,
    machine,
    production_env,
    settle,
    sign_in,
)
from insights.benchmark_soak import MIX, Person, Pool
from logging_app.demo import endurance_actual, strength_actual
from logging_app.models import WorkoutLog
from training.models import SessionType, TrainingPlan, TrainingSession

ENDED_WEEKS, WEEKS_AHEAD = 10, 2  # as the page benchmark
# A log is accepted within 7 days of its session's date; these stay clear of that edge
# whatever the athlete's time zone.
LOGGABLE_DAYS = 5
MORE_LOGS_THAN_NEEDED = 1.2


class Command(BaseCommand):
    help = (
        "Hold half the server's measured maximum of a mix of athletes (Today, week, logs "
        "through the sync API) and coaches (roster) for --seconds under gunicorn with "
        "production settings on PostgreSQL; then count the logs in the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=600, help="Length of the soak.")
        parser.add_argument(
            "--probe", type=int, default=20, help="Seconds of full load to find the maximum."
        )
        parser.add_argument(
            "--warmup",
            type=int,
            default=60,
            help="Seconds at the soak's rate before the workers' memory is first read.",
        )
        parser.add_argument("--rate", type=float, help="Requests per second, instead of half.")
        parser.add_argument("--athletes", type=int, default=100, help="Athletes per coach.")
        parser.add_argument("--port", type=int, default=8766, help="gunicorn's port.")
        parser.add_argument(
            "--max-memory-growth",
            type=float,
            default=10,
            help="Percent a worker's memory may grow from the warm-up's end (10).",
        )
        parser.add_argument("--force", action="store_true", help="Run on a database in use.")

    def handle(self, *args, seconds, probe, warmup, rate, athletes, port, force, **options):
        self.max_memory_growth = options["max_memory_growth"] / 100
        if connection.vendor != "postgresql":
            raise CommandError(
                "The soak runs on PostgreSQL, production's database: set "
                "DATABASE_URL=postgres://… (docs/benchmarks.md, 'Soak')."
            )
        if min(seconds, probe, athletes) < 1 or warmup < 0 or (rate is not None and rate <= 0):
            raise CommandError(
                "--seconds, --probe, --athletes and --rate must be positive, --warmup ≥ 0."
            )
        refuse_a_real_database(force=force)
        self.secret_key = secrets.token_urlsafe(50)  # this run's: signs its sessions only
        self.catalog, new_exercises = system_catalog()
        self.coaches, self.session_keys, self.log_ids = [], [], set()
        pool = Pool(athletes=[], coaches=[], logs=[])
        try:
            self.add_coach(pool, athletes)
            self.soak(pool, (probe, warmup, seconds), rate, athletes, port)
        finally:
            Session.objects.filter(session_key__in=self.session_keys).delete()
            for coach in self.coaches:
                remove(coach, set())
            remove(None, new_exercises)

    def add_coach(self, pool: Pool, athletes: int) -> None:
        """Another coach with `athletes` athletes: their sessions, visits and unsent logs."""
        started = time.perf_counter()
        with override_settings(DEBUG=False):
            coach, counts = build(
                athletes, self.catalog, timezone.now(), ended_weeks=ENDED_WEEKS,
                weeks_ahead=WEEKS_AHEAD,
            )  # fmt: skip
        self.coaches.append(coach)
        with override_settings(SECRET_KEY=self.secret_key):
            coach_person = Person({"sessionid": sign_in(coach.user)})
            people = {
                athlete.pk: _athlete_person(athlete)
                for athlete in Athlete.objects.filter(coach=coach).select_related("user")
            }
        pool.coaches.append((coach_person, reverse("training:roster")))
        today, week = reverse("logging_app:today"), reverse("logging_app:week")
        pool.athletes += [(person, today, week) for person in people.values()]
        logs = _unsent_logs(coach, people, self.catalog)
        pool.logs += logs
        self.log_ids.update(json.loads(body)["id"] for _, body in logs)
        self.session_keys += [p.cookies["sessionid"] for p in [coach_person, *people.values()]]
        self.stdout.write(
            f"data set: +1 coach, {athletes} athletes, {counts['sessions']:,} sessions, "
            f"{len(pool.logs):,} logs to send ({time.perf_counter() - started:.1f} s)"
        )

    def soak(self, pool, durations, rate, athletes, port):
        """Probe the maximum, warm up at half of it, then hold it while memory is watched."""
        probe, warmup, seconds = durations
        with tempfile.TemporaryDirectory(prefix="hp-soak-static-") as static_root:
            env = production_env(secret_key=self.secret_key, static_root=static_root)
            collect_static(env)
            with gunicorn(env, port) as server:
                measured = benchmark_soak.run(pool, port, probe)
                settle(port)
                rate = rate or measured.requests_per_second / 2
                self.report("probe (closed loop, 16 connections)", measured)
                needed = rate * (warmup + seconds) * MIX["athlete log"] / sum(MIX.values())
                while len(pool.logs) < needed * MORE_LOGS_THAN_NEEDED:
                    self.add_coach(pool, athletes)
                self.stdout.write(f"soak: {rate:,.1f} req/s, {warmup} s warm-up then {seconds} s")
                warm = benchmark_soak.run(pool, port, warmup, rate=rate, seed=1)
                before = server.worker_memory()
                held = benchmark_soak.run(pool, port, seconds, rate=rate, seed=2)
                after = server.worker_memory()
        self.report("warm-up (open loop)", warm)
        self.report(f"soak (open loop, {rate:,.1f} req/s)", held)
        self.stdout.write(f"machine: {machine()}")
        self.verdict([measured, warm, held], before, after)

    def report(self, title, tally):
        self.stdout.write(
            f"{title}: {tally.requests:,} requests in {tally.seconds:.1f} s = "
            f"{tally.requests_per_second:,.1f} req/s; started over 1 s late: {tally.late}"
        )
        for kind, answers in sorted(tally.answers.items()):
            ordered = sorted(answers.items(), key=str)
            statuses = ", ".join(f"{status}: {n:,}" for status, n in ordered)
            self.stdout.write(
                f"  {kind}: {statuses}; p50 {tally.median_ms(kind):,.0f} ms, "
                f"p99 {tally.percentile_ms(kind, 0.99):,.0f} ms"
            )

    def verdict(self, tallies, before, after):
        problems = [error for tally in tallies for error in tally.errors[:5]]
        created = set().union(*(tally.created for tally in tallies))
        stored = WorkoutLog.objects.filter(pk__in=self.log_ids)
        stored_ids = {str(pk) for pk in stored.values_list("pk", flat=True)}
        twice = (
            WorkoutLog.objects.filter(session__in=stored.values("session"))
            .values("session")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .count()
        )
        lost, unexpected = created - stored_ids, stored_ids - created
        self.stdout.write(
            f"logs: {len(created):,} answered 201, {len(stored_ids):,} stored; lost {len(lost)}, "
            f"stored without a 201 {len(unexpected)}, sessions logged twice {twice}"
        )
        if lost or unexpected or twice:
            problems.append("the database does not hold exactly the logs answered 201")
        for pid, start in before.items():
            end = after.get(pid)
            if end is None:
                problems.append(f"worker {pid} was replaced during the soak")
                continue
            growth = (end - start) / start
            self.stdout.write(
                f"worker {pid}: {start / 2**20:,.1f} MB → {end / 2**20:,.1f} MB ({growth:+.1%})"
            )
            if growth >= self.max_memory_growth:
                problems.append(f"worker {pid}'s memory grew {growth:.1%}")
        if problems:
            raise CommandError("Soak failed: " + "; ".join(problems))
        self.stdout.write("soak passed: no errors, no log lost or stored twice, memory held")


def _athlete_person(athlete) -> Person:
    """An athlete's session and CSRF cookie, as a phone holds them after signing in."""
    token = get_random_string(32)  # a CSRF secret, sent back in the X-CSRFToken header
    cookies = {"sessionid": sign_in(athlete.user), settings.CSRF_COOKIE_NAME: token}
    return Person(cookies, csrf_token=token)


def _unsent_logs(coach, people, catalog) -> list[tuple[Person, str]]:
    """A sync API body for each session near today that has no log yet, shuffled."""
    today = timezone.localdate()
    sessions = TrainingSession.objects.filter(
        plan__in=TrainingPlan.objects.standing().filter(athlete__coach=coach),
        date__range=(today - timedelta(days=LOGGABLE_DAYS), today + timedelta(days=LOGGABLE_DAYS)),
        logs=None,
    ).select_related("plan")
    one_rep_maxes = {str(exercise.pk): Decimal(100) for exercise in catalog.values()}
    rpe_loads = {str(exercise.pk): 60 for exercise in catalog.values()}
    completed_at = timezone.now().isoformat()
    logs = []
    for session in sessions.order_by("?"):
        if session.type == SessionType.STRENGTH:
            actual = strength_actual(session.prescription, one_rep_maxes, rpe_loads)
        else:
            actual = endurance_actual(session.prescription)
        body = {
            "id": str(uuid.uuid4()),
            "sessionId": str(session.pk),
            "completedAt": completed_at,
            "actualData": actual,
            "rpe": 7,
            "notes": "Soak.",
        }
        logs.append((people[session.plan.athlete_id], json.dumps(body)))
    return logs
