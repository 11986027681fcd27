"""Weekly summaries: gathering an athlete's week from the database, analysing it, storing it.

The analysis itself is the pure engine (insights.engine); this module only reads what it
needs and stores one AIWeeklySummary per athlete and week, in the engine's words (the
optional narrator rephrases it afterwards, as a task: insights.tasks). Safe to run twice, or
on two machines at once: the unique constraint on (athlete, week end) decides, and the loser
finds the winner's summary.
"""

import logging
from datetime import datetime, time, timedelta

from django.db.models import F
from django.utils import timezone

from hybridpeaks.core.db import insert_once
from insights.engine.analysis import analyse
from insights.engine.inputs import HISTORY_WEEKS, Benchmark, Logged, Planned, Week, exercise_key
from insights.models import AIWeeklySummary
from logging_app.models import WorkoutLog, log_kind
from logging_app.services import LOG_WINDOW
from training.models import ExerciseCategory, PlanStatus, TrainingPlan
from training.selectors import exercises_by_id, standing_weeks

logger = logging.getLogger(__name__)

LOWER_BODY = {ExerciseCategory.SQUAT, ExerciseCategory.HINGE, ExerciseCategory.PLYOMETRIC}
MAIN_LIFTS = {ExerciseCategory.SQUAT, ExerciseCategory.HINGE, ExerciseCategory.PRESS}


class WeekNotOver(Exception):
    """A summary is only written once the athlete's week has ended."""


class NothingLogged(Exception):
    """A week without a single log has nothing to analyse."""


def week_has_ended(athlete, week_start, now=None) -> bool:
    """The week ends at midnight after its Sunday, in the athlete's own time zone."""
    zone = athlete.user.zoneinfo
    end = datetime.combine(week_start + timedelta(days=7), time.min, tzinfo=zone)
    return (now or timezone.now()) >= end


def log_window(zone, week_start) -> tuple[datetime, datetime]:
    """The completion times a week's analysis reads, as local midnights: HISTORY_WEEKS before
    its Monday, and on to LOG_WINDOW after its Sunday, because a week's session may be logged
    up to 7 days late (the spec's window)."""
    since = datetime.combine(week_start - timedelta(weeks=HISTORY_WEEKS), time.min, tzinfo=zone)
    until = datetime.combine(week_start + timedelta(days=7) + LOG_WINDOW, time.min, tzinfo=zone)
    return since, until


def logs_read_by_week():
    """Logs as build_week reads them, oldest first: named rows of the columns it reads, their
    session's type, prescription and duration alongside (a chunk reads thousands, and a model
    instance for each log and its session cost more than the rest of the read)."""
    return (
        WorkoutLog.objects.annotate(
            session_type=F("session__type"),
            session_prescription=F("session__prescription"),
            session_duration=F("session__estimated_duration"),
        )
        .order_by("completed_at")
        .values_list(
            "athlete_id",
            "session_id",
            "completed_at",
            "actual_data",
            "rpe",
            "notes",
            "session_type",
            "session_prescription",
            "session_duration",
            named=True,
        )
    )


def exercise_ids_of(sessions, logs) -> set[str]:
    """Every exercise the sessions' prescriptions and the logs' actual data name: logged lifts
    need names too, so the planned week's names alone are not enough."""
    return {
        str(item.get("exerciseId"))
        for document in [s.prescription for s in sessions] + [log.actual_data for log in logs]
        for item in (document.get("exercises", []) if isinstance(document, dict) else [])
        if item.get("exerciseId")
    }


def gather_week(athlete, week_start) -> tuple[Week, TrainingPlan | None]:
    """The engine's input for one athlete-week (a handful of queries, whatever the size)."""
    zone = athlete.user.zoneinfo
    weeks = standing_weeks([athlete.pk], [week_start], published_only=True)
    planned = weeks[athlete.pk, week_start]
    since, until = log_window(zone, week_start)
    logs = list(
        logs_read_by_week().filter(athlete=athlete, completed_at__gte=since, completed_at__lt=until)
    )
    exercises = exercises_by_id(exercise_ids_of(planned.sessions, logs))
    first_plan = athlete.plans.order_by("week_start_date").values_list(
        "week_start_date", flat=True
    )[:1]
    week = build_week(
        week_start,
        zone=zone,
        planned=planned,
        logs=logs,
        exercises=exercises,
        history_start=next(iter(first_plan), None),
    )
    return week, planned.plan


def build_week(week_start, *, zone, planned, logs, exercises, history_start) -> Week:
    """The engine's Week from rows already read (no query): the one building code of the
    single athlete-week (gather_week) and of a chunk of athletes (insights.jobs).

    `logs` are the athlete's logs within log_window, oldest first; `exercises` maps id to
    Exercise for at least the ids exercise_ids_of names (a chunk passes all of its own).
    """
    week_end = week_start + timedelta(days=6)
    sessions = planned.sessions
    planned_ids = {str(s.pk) for s in sessions}
    logged = [_logged(log, zone) for log in logs]
    this_week = [
        item
        for item in logged
        if week_start <= item.completed_on <= week_end or item.session_id in planned_ids
    ]
    history = [item for item in logged if item.completed_on < week_start]
    named = {exercise_key(i) for i in exercise_ids_of(sessions, logs)}
    exercises = {key: e for key, e in exercises.items() if key in named}
    return Week(
        week_start=week_start,
        planned=[
            Planned(
                session_id=str(s.pk),
                date=s.date,
                type=s.type,
                prescription=s.prescription,
                estimated_duration=s.estimated_duration,
                focus=s.focus,
            )
            for s in sessions
        ],
        logs=this_week,
        history=history,
        benchmarks=[
            Benchmark(
                b.metric_type,
                b.value,
                str(b.exercise_id) if b.exercise_id else None,
                b.established_at,
            )
            for b in planned.benchmarks
        ],
        exercise_names={key: e.name for key, e in exercises.items()},
        lower_body_exercise_ids=frozenset(
            key for key, e in exercises.items() if e.category in LOWER_BODY
        ),
        main_lift_ids=frozenset(key for key, e in exercises.items() if e.category in MAIN_LIFTS),
        history_start=history_start,
    )


def _logged(log, zone) -> Logged:
    """A row of logs_read_by_week as the engine reads it."""
    return Logged(
        session_id=str(log.session_id) if log.session_id else None,
        completed_on=timezone.localdate(log.completed_at, zone),
        type=log_kind(log.session_type, log.actual_data),
        actual_data=log.actual_data,
        rpe=log.rpe,
        notes=log.notes,
        estimated_duration=log.session_duration,
        prescription=log.session_prescription,
        completed_at=log.completed_at,
    )


def generate_summary(*, athlete, week_start, now=None) -> tuple[AIWeeklySummary, bool]:
    """The week's summary, written if missing, in the engine's own words; returns (summary,
    created). The narrator is never asked here: whoever stored a summary queues its
    narration afterwards (insights.tasks.narrate_later)."""
    stored = AIWeeklySummary.objects.filter(
        athlete=athlete, week_end_date=week_start + timedelta(days=6)
    ).first()
    if stored:
        return stored, False
    if not week_has_ended(athlete, week_start, now):
        raise WeekNotOver
    week, plan = gather_week(athlete, week_start)
    if not week.logs:
        raise NothingLogged
    analysis = analyse(week)
    summary = summary_of(athlete, plan, week, analysis, texts=findings_of(analysis))
    if not insert_once(summary):
        # Another run stored this week's summary first; theirs stands.
        return AIWeeklySummary.objects.get(athlete=athlete, week_end_date=week.week_end), False
    return summary, True


def findings_of(analysis) -> dict:
    """The analysis's texts under the names the narrator and the schemas use."""
    return {
        "patterns": analysis.patterns,
        "suggestions": analysis.suggestions,
        "fatigueAnalysis": analysis.fatigue_analysis,
    }


def summary_of(athlete, plan, week, analysis, *, texts) -> AIWeeklySummary:
    """The summary row of an analysed week, validated but not stored (no query): `texts` are
    the findings as stored, the engine's own or the narrator's."""
    summary = AIWeeklySummary(
        athlete=athlete,
        plan=plan,
        week_end_date=week.week_end,
        adherence_rate=analysis.adherence,
        total_volume={
            **analysis.total_volume,
            "dailyLoad": {
                "planned": list(analysis.planned_daily_load),
                "done": list(analysis.daily_load),
            },
        },
        fatigue_analysis=texts["fatigueAnalysis"],
        patterns=texts["patterns"],
        pattern_kinds=[finding.kind for finding in analysis.findings],
        suggestions=texts["suggestions"],
        generated_at=timezone.now(),
    )
    # The athlete and plan are loaded objects: checking they exist would cost a query each;
    # the unique constraint is left to the INSERT, where it decides races.
    summary.full_clean(
        exclude=["athlete", "plan"], validate_unique=False, validate_constraints=False
    )
    return summary


def complete_ended_plans(now=None) -> int:
    """Active plans whose week has ended (in their athlete's time zone) become completed."""
    now = now or timezone.now()
    candidates = TrainingPlan.objects.filter(
        status=PlanStatus.ACTIVE, week_start_date__lte=now.date() - timedelta(days=6)
    ).select_related("athlete__user")
    ended = [p.pk for p in candidates if week_has_ended(p.athlete, p.week_start_date, now)]
    # Still conditional on "active", so a plan replaced meanwhile stays as its editor left it.
    return TrainingPlan.objects.filter(pk__in=ended, status=PlanStatus.ACTIVE).update(
        status=PlanStatus.COMPLETED
    )
