"""Demo data for a first run: two coaches, five athletes, last week and this week planned,
benchmarks, and logs for the sessions already behind them.

Idempotent: people are matched by email, and a week, benchmarks or logs are only added to an
athlete who has none yet, so a second run changes nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Athlete, Coach, User, UserRole
from logging_app.models import WorkoutLog
from training.models import (
    BenchmarkMetric,
    Exercise,
    MetricType,
    PlanStatus,
    SessionType,
    TrainingPlan,
    TrainingSession,
)
from training.prescription import EndurancePrescription, StrengthPrescription
from training.selectors import monday_of
from training.targets import load_from_percent

DEMO_PASSWORD = "Demo-Peaks-2026"  # noqa: S105 (printed demo login, never for production)
ADMIN_EMAIL = "admin@example.com"


@dataclass(frozen=True)
class DemoAthlete:
    email: str
    name: str
    coach_email: str
    time_zone: str
    strength: Decimal  # scales the 1RMs
    ftp: int
    max_hr: int
    pace_5k: int  # seconds per km


COACHES = {
    "coach.maria@example.com": "Maria Lopez",
    "coach.tom@example.com": "Tom Becker",
}
ATHLETES = [
    DemoAthlete(
        "alex@example.com",
        "Alex Kim",
        "coach.maria@example.com",
        "Europe/Berlin",
        Decimal("1.0"),
        250,
        190,
        270,
    ),
    DemoAthlete(
        "sam@example.com",
        "Sam Rivera",
        "coach.maria@example.com",
        "America/New_York",
        Decimal("0.8"),
        210,
        185,
        300,
    ),
    DemoAthlete(
        "jordan@example.com",
        "Jordan Lee",
        "coach.maria@example.com",
        "Europe/London",
        Decimal("1.15"),
        280,
        195,
        255,
    ),
    DemoAthlete(
        "priya@example.com",
        "Priya Shah",
        "coach.tom@example.com",
        "Asia/Kolkata",
        Decimal("0.7"),
        190,
        188,
        315,
    ),
    DemoAthlete(
        "chris@example.com",
        "Chris Novak",
        "coach.tom@example.com",
        "UTC",
        Decimal("0.9"),
        230,
        192,
        285,
    ),
]
# 1RMs of a reference athlete (strength 1.0), in kg.
ONE_REP_MAXES = {
    "Back Squat": 140,
    "Bench Press": 100,
    "Conventional Deadlift": 180,
    "Overhead Press": 65,
}
# Working loads of the RPE-prescribed lifts for the reference athlete, in kg (0 = bodyweight).
RPE_LOADS = {
    "Romanian Deadlift": 90,
    "Walking Lunge": 20,
    "Pull-Up": 0,
    "Hip Thrust": 110,
    "Box Jump": 0,
}


def strength(exercises, *items):
    return {
        "exercises": [
            {
                "exerciseId": str(exercises[name].pk),
                "sets": sets,
                "reps": reps,
                "intensity": {"type": kind, "value": value},
                "restSeconds": rest,
                **({"tempo": tempo} if tempo else {}),
            }
            for name, sets, reps, kind, value, rest, tempo in items
        ]
    }


def step(kind, value, unit, intensity) -> dict:
    """One interval step (issue 13): a duration in `unit`, or a distance when unit is one."""
    amount = "distance" if unit in ("meters", "km", "miles") else "duration"
    return {"kind": kind, amount: {"value": value, "unit": unit}, "intensity": intensity}


Z1 = {"type": "heart_rate_zone", "zone": 1}
# 20 min Z1, 5 × (3 min 105–110 % FTP, 2 min Z1), 15 min Z1: 60 minutes from the steps.
BIKE_INTERVALS = {
    "modality": "bike",
    "steps": [
        step("warmup", 20, "minutes", Z1),
        {
            "repeat": 5,
            "steps": [
                step("work", 3, "minutes", {"type": "ftp_percent", "value": 105, "valueTo": 110}),
                step("recovery", 2, "minutes", Z1),
            ],
        },
        step("cooldown", 15, "minutes", Z1),
    ],
}
# 15 min Z1, 6 × (400 m at 5 km pace, 90 s Z1), 10 min Z1: 34 timed minutes + 2.4 km.
TRACK_RUN = {
    "modality": "run",
    "steps": [
        step("warmup", 15, "minutes", Z1),
        {
            "repeat": 6,
            "steps": [
                step("work", 400, "meters", {"type": "race_pace", "race": "5k"}),
                step("recovery", 90, "seconds", Z1),
            ],
        },
        step("cooldown", 10, "minutes", Z1),
    ],
}


def week_template(exercises):
    """(weekday, type, focus, minutes, prescription) for one training week."""
    return [
        (
            0,
            SessionType.STRENGTH,
            "Lower body strength",
            60,
            strength(
                exercises,
                ("Back Squat", 5, 5, "percent_1rm", 75, 180, "3010"),
                ("Romanian Deadlift", 3, 8, "rpe", 7, 120, None),
                ("Walking Lunge", 3, 10, "rpe", 7, 90, None),
            ),
        ),
        (1, SessionType.ENDURANCE, "Track intervals", 34, TRACK_RUN),
        (
            2,
            SessionType.STRENGTH,
            "Upper body strength",
            55,
            strength(
                exercises,
                ("Bench Press", 5, 5, "percent_1rm", 75, 180, None),
                ("Pull-Up", 4, 8, "rpe", 8, 120, None),
                ("Overhead Press", 3, 8, "percent_1rm", 70, 120, None),
            ),
        ),
        (3, SessionType.ENDURANCE, "Bike intervals", 60, BIKE_INTERVALS),
        (
            4,
            SessionType.STRENGTH,
            "Posterior chain and power",
            50,
            strength(
                exercises,
                ("Conventional Deadlift", 4, 4, "percent_1rm", 80, 180, None),
                ("Hip Thrust", 3, 10, "rpe", 7, 90, None),
                ("Box Jump", 4, 5, "rpe", 6, 90, None),
            ),
        ),
        (
            5,
            SessionType.ENDURANCE,
            "Long run",
            80,
            {
                "modality": "run",
                "duration": {"value": 80, "unit": "minutes"},
                "distance": {"value": 14, "unit": "km"},
                "intensity": {"type": "pace_zone", "zone": 2},
            },
        ),
    ]


def seed_demo(today: date | None = None) -> list[tuple[str, str]]:
    """Create what is missing of the demo data; return the demo logins (role, email).

    Weeks are laid out around each athlete's own local date, so no demo log is in the future.
    """
    with transaction.atomic():
        admin = User.objects.filter(email=ADMIN_EMAIL).first()
        if admin is None:
            User.objects.create_superuser(ADMIN_EMAIL, DEMO_PASSWORD)
        coaches = {email: ensure_coach(email, name) for email, name in COACHES.items()}
        exercises = {e.name: e for e in Exercise.objects.filter(created_by__isnull=True)}
        for spec in ATHLETES:
            athlete = ensure_athlete(spec, coaches[spec.coach_email])
            local_today = today or timezone.localdate(timezone=athlete.user.zoneinfo)
            this_monday = monday_of(local_today)
            if not athlete.benchmarks.exists():
                add_benchmarks(athlete, spec, exercises, established=this_monday - timedelta(28))
            for monday in (this_monday - timedelta(days=7), this_monday):
                if not athlete.plans.filter(week_start_date=monday).exists():
                    add_week(athlete, monday, exercises, local_today)
    logins = [("admin", ADMIN_EMAIL)]
    logins += [("coach", email) for email in COACHES]
    logins += [("athlete", spec.email) for spec in ATHLETES]
    return logins


def ensure_coach(email, name) -> Coach:
    user = User.objects.filter(email=email).select_related("coach").first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, role=UserRole.COACH)
        return Coach.objects.create(user=user, name=name)
    return user.coach


def ensure_athlete(spec: DemoAthlete, coach: Coach) -> Athlete:
    user = User.objects.filter(email=spec.email).select_related("athlete").first()
    if user is None:
        user = User.objects.create_user(
            spec.email, DEMO_PASSWORD, role=UserRole.ATHLETE, time_zone=spec.time_zone
        )
        return Athlete.objects.create(user=user, name=spec.name, coach=coach)
    return user.athlete


def add_benchmarks(athlete, spec: DemoAthlete, exercises, established: date):
    rows = [
        (MetricType.ONE_RM, Decimal(kg) * spec.strength, exercises[name])
        for name, kg in ONE_REP_MAXES.items()
    ]
    rows.append((MetricType.FTP, spec.ftp, None))
    # Heart-rate zone N = its upper bound in bpm (docs/decisions.md): 60/70/80/90/100 % of max.
    for zone, percent in enumerate((60, 70, 80, 90, 100), start=1):
        rows.append((f"HR_zone_{zone}", round(spec.max_hr * percent / 100), None))
    rows.append((MetricType.PACE_5K, spec.pace_5k, None))
    rows.append((MetricType.PACE_10K, spec.pace_5k + 12, None))
    for metric_type, value, exercise in rows:
        benchmark = BenchmarkMetric(
            athlete=athlete,
            metric_type=metric_type,
            value=Decimal(value).quantize(Decimal("0.1")),
            exercise=exercise,
            established_at=established,
        )
        benchmark.full_clean()
        benchmark.save()


def add_week(athlete, monday: date, exercises, today: date):
    ended = monday + timedelta(days=6) < today
    plan = TrainingPlan(
        athlete=athlete,
        coach=athlete.coach,
        week_start_date=monday,
        status=PlanStatus.COMPLETED if ended else PlanStatus.ACTIVE,
        published_at=timezone.now(),  # the demo's athletes see their plans
    )
    plan.full_clean()
    plan.save()
    one_rep_maxes = {
        str(b.exercise_id): b.value
        for b in athlete.benchmarks.filter(metric_type=MetricType.ONE_RM)
    }
    scale = next(spec.strength for spec in ATHLETES if spec.email == athlete.user.email)
    rpe_loads = {str(exercises[name].pk): kg * scale for name, kg in RPE_LOADS.items()}
    for weekday, kind, focus, minutes, prescription in week_template(exercises):
        session = TrainingSession(
            plan=plan,
            date=monday + timedelta(days=weekday),
            type=kind,
            focus=focus,
            estimated_duration=minutes,
            prescription=prescription,
        )
        session.full_clean()
        session.save()
        # Logged: every past session but Thursday's of the earlier week (a miss to analyse).
        if session.date < today and not (ended and weekday == 3):
            add_log(athlete, session, one_rep_maxes, rpe_loads)


def add_log(athlete, session, one_rep_maxes, rpe_loads):
    zone = athlete.user.zoneinfo
    completed_at = datetime.combine(session.date, time(18, 30), tzinfo=zone)
    if session.type == SessionType.STRENGTH:
        actual, rpe = strength_actual(session.prescription, one_rep_maxes, rpe_loads), 8
    else:
        actual, rpe = endurance_actual(session.prescription), 6
    log = WorkoutLog(
        athlete=athlete,
        session=session,
        completed_at=completed_at,
        actual_data=actual,
        rpe=rpe,
        notes="Felt solid." if rpe < 8 else "Last sets were tough.",
    )
    log.full_clean()
    log.save()


def strength_actual(prescription, one_rep_maxes, rpe_loads):
    """What an athlete did of a strength prescription (JSON): every set at the planned load."""
    exercises = []
    for item in StrengthPrescription.from_json(prescription).items:
        intensity = item.intensity
        one_rm = one_rep_maxes.get(item.exercise_id)
        if intensity.type == "percent_1rm" and one_rm:
            weight, rpe = float(load_from_percent(one_rm, intensity.value)), 8
        else:
            reference = rpe_loads.get(item.exercise_id, 0)
            weight, rpe = float(load_from_percent(reference, 100)), intensity.value
        sets = [{"weight": weight, "reps": item.reps, "rpe": rpe} for _ in range(item.sets)]
        exercises.append({"exerciseId": item.exercise_id, "sets": sets, "modified": False})
    return {"exercises": exercises}


def endurance_actual(prescription):
    """What an athlete did of an endurance prescription (JSON): two minutes more, in zone."""
    plan = EndurancePrescription.from_json(prescription)
    actual = {
        "modality": plan.modality,
        "duration": {"value": plan.whole_minutes + 2, "unit": "minutes"},
        "avgHeartRate": 142,
        "avgPower": 215 if plan.modality == "bike" else None,
        "completed": True,
    }
    if plan.distance:
        actual["distance"] = plan.distance.to_json()
    return actual
