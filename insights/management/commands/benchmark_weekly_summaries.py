"""Benchmark of the weekly analysis job: `manage.py benchmark_weekly_summaries --athletes 1000`

Budget (DESIGN.md): 1,000 athlete-weeks in under 30 s on 2 cores; figures in
docs/benchmarks.md. Builds a synthetic data set (one coach, N athletes, each with the ended
last week and 4 weeks of history planned and mostly logged, plus benchmarks), times only the
writing of the N summaries of last week (generate_summary per athlete, as the cron command
does, narrator off), prints the figures, and removes everything it created unless --keep.
"""

import random
import time
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from accounts.models import Athlete, Coach, User, UserRole
from insights.models import AIWeeklySummary
from insights.services import NothingLogged, WeekNotOver, generate_summary
from logging_app.demo import (
    ONE_REP_MAXES,
    RPE_LOADS,
    endurance_actual,
    strength_actual,
    week_template,
)
from logging_app.models import WorkoutLog
from training.catalog import load_system_catalog
from training.models import (
    BenchmarkMetric,
    Exercise,
    MetricType,
    PlanStatus,
    SessionType,
    TrainingPlan,
    TrainingSession,
)
from training.selectors import monday_of

BUDGET_SECONDS_PER_1000 = 30
# The ended last week plus 4 weeks of history: the acute:chronic ratio needs 28 days.
WEEKS = 5
# More athletes than this and the database is probably not a scratch one (see --force).
MAX_EXISTING_ATHLETES = 100
TIME_ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "UTC",
    "America/Los_Angeles",
    "Australia/Sydney",
]
NOTES = [
    None,
    None,
    "Felt solid.",
    "Last sets were tough.",
    "Legs heavy from the run.",
    "Good session, no pain.",
    "Slight knee ache on the lunges.",
]
SAMPLE_SIZE = 20  # athletes whose every row is full_clean()ed after the bulk insert
BATCH = 1000


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
        existing = Athlete.objects.count()
        if existing > MAX_EXISTING_ATHLETES and not force:
            raise CommandError(
                f"The database already has {existing} athletes: this looks like a real one. "
                "Use a scratch database, or --force."
            )
        now = timezone.now()
        before = set(Exercise.objects.filter(created_by__isnull=True).values_list("pk", flat=True))
        load_system_catalog()
        catalog = {e.name: e for e in Exercise.objects.filter(created_by__isnull=True)}
        new_exercises = {e.pk for e in catalog.values()} - before
        coach = None
        try:
            started = time.perf_counter()
            with transaction.atomic():
                coach, counts = build(athletes, catalog, now)
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


def database_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
        elif connection.vendor == "postgresql":
            cursor.execute("show server_version")
        else:
            return connection.vendor
        (version,) = cursor.fetchone()
    return f"{connection.vendor} {version}"


def build(count, catalog, now):
    """One coach and `count` athletes, each with WEEKS ended weeks planned and mostly logged."""
    run = uuid4().hex[:8]
    coach_user = User(email=f"benchmark-coach-{run}@example.invalid", role=UserRole.COACH)
    users = [
        User(
            email=f"benchmark-{run}-{i:05d}@example.invalid",
            role=UserRole.ATHLETE,
            time_zone=TIME_ZONES[i % len(TIME_ZONES)],
        )
        for i in range(count)
    ]
    for user in [coach_user, *users]:
        user.set_unusable_password()  # no hashing cost
    User.objects.bulk_create([coach_user, *users], batch_size=BATCH)
    coach = Coach.objects.create(user=coach_user, name="Benchmark Coach")
    athletes = [
        Athlete(user=user, name=f"Benchmark Athlete {i:05d}", coach=coach)
        for i, user in enumerate(users)
    ]
    Athlete.objects.bulk_create(athletes, batch_size=BATCH)

    template = week_template(catalog)
    plans, sessions, logs, benchmarks = [], [], [], []
    for i, athlete in enumerate(athletes):
        rng = random.Random(i)  # noqa: S311 (synthetic data, not security)
        zone = athlete.user.zoneinfo
        last_monday = monday_of(timezone.localdate(now, zone)) - timedelta(weeks=1)
        first_monday = last_monday - timedelta(weeks=WEEKS - 1)
        scale = Decimal(rng.randint(70, 120)) / 100
        one_rep_maxes = {}
        for name, kg in ONE_REP_MAXES.items():
            value = (Decimal(kg) * scale).quantize(Decimal("0.1"))
            one_rep_maxes[str(catalog[name].pk)] = value
            benchmarks.append(
                benchmark(athlete, MetricType.ONE_RM, value, first_monday, catalog[name])
            )
        ftp, max_hr = rng.randint(180, 300), rng.randint(178, 200)
        benchmarks.append(benchmark(athlete, MetricType.FTP, ftp, first_monday))
        # Heart-rate zone N = its upper bound in bpm (docs/decisions.md).
        for zone_number, percent in enumerate((60, 70, 80, 90, 100), start=1):
            metric = MetricType(f"HR_zone_{zone_number}")
            benchmarks.append(benchmark(athlete, metric, max_hr * percent / 100, first_monday))
        rpe_loads = {str(catalog[name].pk): kg * scale for name, kg in RPE_LOADS.items()}
        adherence = rng.uniform(0.7, 0.98)
        for week in range(WEEKS):
            monday = first_monday + timedelta(weeks=week)
            plan = TrainingPlan(
                athlete=athlete,
                coach=coach,
                week_start_date=monday,
                status=PlanStatus.COMPLETED,
            )
            plans.append(plan)
            load = rng.choice((0.85, 1.0, 1.0, 1.1, 1.3))  # some weeks heavier than others
            for weekday, kind, focus, minutes, prescription in template:
                session = TrainingSession(
                    plan=plan,
                    date=monday + timedelta(days=weekday),
                    type=kind,
                    focus=focus,
                    estimated_duration=minutes,
                    prescription=prescription,
                )
                sessions.append(session)
                # Monday's session is always logged, so every week has something to analyse.
                if weekday and rng.random() > adherence:
                    continue
                logs.append(log(athlete, session, one_rep_maxes, rpe_loads, load, rng))
    TrainingPlan.objects.bulk_create(plans, batch_size=BATCH)
    TrainingSession.objects.bulk_create(sessions, batch_size=BATCH)
    WorkoutLog.objects.bulk_create(logs, batch_size=BATCH)
    BenchmarkMetric.objects.bulk_create(benchmarks, batch_size=BATCH)
    counts = {
        "plans": len(plans),
        "sessions": len(sessions),
        "logs": len(logs),
        "benchmarks": len(benchmarks),
    }
    return coach, counts


def benchmark(athlete, metric_type, value, established, exercise=None):
    return BenchmarkMetric(
        athlete=athlete,
        metric_type=metric_type,
        value=Decimal(value).quantize(Decimal("0.1")),
        unit=BenchmarkMetric.UNITS[metric_type],  # clean() would set it; bulk_create does not
        exercise=exercise,
        established_at=established - timedelta(days=14),
    )


def log(athlete, session, one_rep_maxes, rpe_loads, load, rng):
    if session.type == SessionType.STRENGTH:
        actual = strength_actual(session.prescription, one_rep_maxes, rpe_loads)
        rpe = rng.choice((7, 8, 8, 9))
    else:
        actual = endurance_actual(session.prescription)
        planned = session.prescription["duration"]["value"]
        actual["duration"]["value"] = round(planned * load * rng.uniform(0.9, 1.1))
        actual["avgHeartRate"] = rng.randint(132, 158)
        rpe = rng.choice((5, 6, 6, 7))
    hour = rng.choice((7, 12, 18, 19))
    return WorkoutLog(
        athlete=athlete,
        session=session,
        completed_at=datetime.combine(session.date, clock(hour, 30), tzinfo=athlete.user.zoneinfo),
        actual_data=actual,
        rpe=None if rng.random() < 0.03 else rpe,  # now and then an RPE is forgotten
        notes=rng.choice(NOTES),
    )


def validate_sample(coach):
    """full_clean() every stored row of a sample of athletes: JSON schemas, constraints, FKs."""
    ids = list(Athlete.objects.filter(coach=coach).order_by("pk").values_list("pk", flat=True))
    sample = random.Random(0).sample(ids, min(SAMPLE_SIZE, len(ids)))  # noqa: S311
    rows = [coach.user, coach]
    rows += User.objects.filter(pk__in=sample)
    rows += Athlete.objects.filter(pk__in=sample)
    rows += TrainingPlan.objects.filter(athlete__in=sample)
    rows += TrainingSession.objects.filter(plan__athlete__in=sample).select_related("plan")
    rows += WorkoutLog.objects.filter(athlete__in=sample).select_related("session")
    rows += BenchmarkMetric.objects.filter(athlete__in=sample)
    for row in rows:
        try:
            row.full_clean()
        except ValidationError as error:
            raise CommandError(f"Invalid synthetic {type(row).__name__}: {error}") from error


def remove(coach, new_exercises):
    """Delete the athletes' users (and with them everything of theirs), then the coach."""
    with transaction.atomic():
        if coach is not None:  # None: the setup failed and was rolled back
            User.objects.filter(athlete__coach=coach).delete()
            User.objects.filter(pk=coach.pk).delete()
        # The system catalog, if this run had to load it into an empty database.
        Exercise.objects.filter(pk__in=new_exercises).delete()
