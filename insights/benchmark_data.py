"""Synthetic data for the benchmarks: one coach and N athletes with weeks of training.

Shared by `benchmark_weekly_summaries` (5 ended weeks, the job's input) and `benchmark_pages`
(10 ended weeks, this week and next week, plus last week's summaries: what the pages show).
Rows are written with `bulk_create`, so 100 athletes take seconds; a sample is then checked
with `full_clean()`, since `bulk_create` skips validation. Passwords are unusable (no
hashing cost); sign in by creating a session (`benchmark_pages`), not with a password.
"""

import random
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Athlete, Coach, User, UserRole
from insights.services import generate_summary
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
from training.prescription import Prescription
from training.selectors import monday_of

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


def refuse_a_real_database(*, force: bool) -> None:
    """Stop before writing thousands of rows into what looks like a production database."""
    existing = Athlete.objects.count()
    if existing > MAX_EXISTING_ATHLETES and not force:
        raise CommandError(
            f"The database already has {existing} athletes: this looks like a real one. "
            "Use a scratch database, or --force."
        )


def system_catalog() -> tuple[dict[str, Exercise], set]:
    """The system exercises by name, and the pks of those this call had to load (to remove)."""
    before = set(Exercise.objects.filter(created_by__isnull=True).values_list("pk", flat=True))
    load_system_catalog()
    catalog = {e.name: e for e in Exercise.objects.filter(created_by__isnull=True)}
    return catalog, {e.pk for e in catalog.values()} - before


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


def build(count, catalog, now, *, ended_weeks, weeks_ahead=0):
    """One coach and `count` athletes, each with `ended_weeks` weeks before this one planned
    (completed) and mostly logged, and `weeks_ahead` active plans from this week on (this
    week's past days mostly logged, today and later not), committed in one transaction and
    then analysed. Returns (coach, row counts)."""
    with transaction.atomic():
        built = _build(count, catalog, now, ended_weeks=ended_weeks, weeks_ahead=weeks_ahead)
    analyse()
    return built


def analyse() -> None:
    """Fresh planner statistics, as autovacuum gives a production database after a while: a
    table just filled by bulk inserts has none until then (and autovacuum may be off on a
    test machine), so the planner guesses and the benchmark measures its guesses."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _build(count, catalog, now, *, ended_weeks, weeks_ahead):
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
        today = timezone.localdate(now, athlete.user.zoneinfo)
        this_monday = monday_of(today)
        first_monday = this_monday - timedelta(weeks=ended_weeks)
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
        for week in range(ended_weeks + weeks_ahead):
            monday = first_monday + timedelta(weeks=week)
            ended = monday < this_monday
            plan = TrainingPlan(
                athlete=athlete,
                coach=coach,
                week_start_date=monday,
                status=PlanStatus.COMPLETED if ended else PlanStatus.ACTIVE,
                published_at=now,
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
                if session.date >= today:
                    continue  # not done yet: today's and later sessions wait for their log
                # An ended week's Monday is always logged, so every week has something to analyse.
                if (weekday or not ended) and rng.random() > adherence:
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


def write_summaries(coach, now) -> int:
    """Last week's summary for each athlete, written as the hourly job writes it (narrator
    off: it would call out to an LLM); returns how many were written."""
    athletes = Athlete.objects.filter(coach=coach).select_related("user").order_by("pk")
    written = 0
    with override_settings(LLM_BASE_URL="", LLM_MODEL=""):
        for athlete in athletes:
            last_monday = monday_of(timezone.localdate(now, athlete.user.zoneinfo))
            _, created = generate_summary(
                athlete=athlete, week_start=last_monday - timedelta(weeks=1), now=now
            )
            written += created
    return written


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
        planned = Prescription.of(session.type, session.prescription).minutes
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


def validate_sample(coach, size=SAMPLE_SIZE):
    """full_clean() every stored row of `size` athletes: JSON schemas, constraints, FKs (about
    a second per athlete with 12 weeks: a sample, not all)."""
    ids = list(Athlete.objects.filter(coach=coach).order_by("pk").values_list("pk", flat=True))
    sample = random.Random(0).sample(ids, min(size, len(ids)))  # noqa: S311
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
