"""The weekly job by chunks of athletes: a constant number of queries and one INSERT per chunk.

Each athlete's missing ended weeks are found as the hourly command always did (catch-up since
the last summary, at most CATCH_UP_WEEKS; or a backfill of `weeks`), everything those
athlete-weeks need is read at once for the whole chunk, each Week is built by the same code as
the one-athlete path (insights.services.build_week) and analysed, and the chunk's summaries
are written by one bulk INSERT that skips conflicts: the unique constraint on (athlete, week
end) still decides a race with another run, and the loser's rows are simply not there.

The narrator is not called here: it is a slow outside service, so the task layer queues the
narration of the stored summaries afterwards, each on its own (insights.tasks).
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import InterfaceError, OperationalError
from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone

from accounts.models import Athlete
from insights.engine.analysis import analyse
from insights.models import AIWeeklySummary
from insights.services import (
    NothingLogged,
    WeekNotOver,
    build_week,
    exercise_ids_of,
    findings_of,
    log_window,
    logs_read_by_week,
    summary_of,
    week_has_ended,
)
from logging_app.models import WorkoutLog
from logging_app.services import LOG_WINDOW
from training.models import TrainingPlan
from training.selectors import exercises_by_id, monday_of, standing_weeks

logger = logging.getLogger(__name__)

# How far back the default run catches up; older gaps need an explicit backfill (`weeks`).
CATCH_UP_WEEKS = 8
# Athletes per chunk: large enough that the chunk's ten queries are cheap per athlete-week,
# small enough that a chunk is a task of seconds, redelivered whole if its worker dies.
CHUNK_SIZE = 200


@dataclass(frozen=True)
class ChunkOutcome:
    """What one chunk did: the ids of the summaries it stored (for the narrator), the
    athlete-weeks with nothing to analyse or not over yet, and those that raised."""

    created_ids: list
    skipped: int
    failed: int


def athletes_with_last_activity():
    """Athletes with their latest summary's Sunday, first and latest log: one query."""
    summaries = AIWeeklySummary.objects.filter(athlete=OuterRef("pk")).values("week_end_date")
    logs = WorkoutLog.objects.filter(athlete=OuterRef("pk")).values("completed_at")
    return (
        Athlete.objects.select_related("user")
        .annotate(
            last_summary=Subquery(summaries.order_by("-week_end_date")[:1]),
            first_log=Subquery(logs.order_by("completed_at")[:1]),
            last_log=Subquery(logs.order_by("-completed_at")[:1]),
        )
        .order_by("pk")
    )


def missing_weeks(athlete, this_monday: date) -> list[date]:
    """The ended weeks (Mondays) after the athlete's last summary that could have logs.

    A week's logs are completed from LOG_WINDOW before its Monday (an early log of its
    session) to LOG_WINDOW after its Sunday (a late one): a week whose window holds neither
    the athlete's first nor any later log has nothing to analyse, and costs no query.
    """
    if athlete.last_log is None:
        return []
    first = this_monday - timedelta(weeks=CATCH_UP_WEEKS)
    if athlete.last_summary:
        first = max(first, athlete.last_summary + timedelta(days=1))
    mondays = [first + timedelta(weeks=n) for n in range((this_monday - first).days // 7)]
    zone = athlete.user.zoneinfo
    return [
        monday
        for monday in mondays
        if datetime.combine(monday, time.min, tzinfo=zone) - LOG_WINDOW <= athlete.last_log
        and athlete.first_log
        < datetime.combine(monday + timedelta(weeks=1), time.min, tzinfo=zone) + LOG_WINDOW
    ]


def weeks_to_try(athlete, *, now: datetime, weeks: int | None) -> list[date]:
    """The Mondays to summarise for an athlete annotated by athletes_with_last_activity: the
    missing ones, or with `weeks` each of that many ended weeks, whatever was written."""
    this_monday = monday_of(timezone.localdate(now, athlete.user.zoneinfo))
    if weeks is None:
        return missing_weeks(athlete, this_monday)
    return [this_monday - timedelta(weeks=back) for back in range(weeks, 0, -1)]


def chunks(now: datetime, size: int = CHUNK_SIZE, *, weeks: int | None = None) -> Iterator[list]:
    """Ids (UUIDs) of the athletes with a week to try, `size` at a time (one query for all).

    Nobody with nothing missing is handed out, so an hour with no ended week costs this one
    query; a backfill tries every athlete, as it always has.
    """
    ids = [a.pk for a in athletes_with_last_activity() if weeks_to_try(a, now=now, weeks=weeks)]
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def summarise_chunk(athlete_ids: list, *, now: datetime, weeks: int | None = None) -> ChunkOutcome:
    """Store the missing summaries of these athletes' weeks in about ten queries, however
    many athletes: their activity (1), the chunk's stored summaries (1), the standing plans,
    their sessions and the benchmarks (3, training.selectors.standing_weeks), logs (1),
    exercises (1), first plan weeks (1), the INSERT (1) and the stored ids read back (1). An
    athlete-week that raises is logged and counted as failed; the others are still written.
    Safe to run twice or concurrently."""
    athletes = list(athletes_with_last_activity().filter(pk__in=athlete_ids))
    tries = {a.pk: weeks_to_try(a, now=now, weeks=weeks) for a in athletes}
    tries = {pk: mondays for pk, mondays in tries.items() if mondays}
    if not tries:
        return ChunkOutcome(created_ids=[], skipped=0, failed=0)
    chunk = _ChunkData.read([a for a in athletes if a.pk in tries], tries)
    summaries, skipped, failed = [], 0, 0
    for athlete in athletes:
        for monday in tries.get(athlete.pk, []):
            if (athlete.pk, monday + timedelta(days=6)) in chunk.stored:
                continue  # written before: neither created nor skipped, as generate_summary
            try:
                summaries.append(_summary(athlete, monday, chunk, now=now))
            except (WeekNotOver, NothingLogged):
                skipped += 1
            except (OperationalError, InterfaceError):
                raise  # the database, not this athlete's data: the whole chunk is retried
            except Exception:
                # Whatever one athlete's data does, everyone else still gets a summary.
                logger.exception(
                    "No summary for athlete %s, week of %s", athlete.pk, monday.isoformat()
                )
                failed += 1
    return ChunkOutcome(created_ids=_insert(summaries), skipped=skipped, failed=failed)


@dataclass(frozen=True)
class _ChunkData:
    """Everything a chunk's athlete-weeks read, fetched once for the whole chunk."""

    stored: set  # (athlete id, Sunday) of the summaries already written
    planned: dict  # (athlete id, Monday) → training.selectors.StandingWeek
    logs: dict  # athlete id → their logs in the chunk's widest window, oldest first
    exercises: dict  # exercise id → Exercise, for every id the chunk's documents name
    first_plans: dict  # athlete id → their first plan's Monday

    @classmethod
    def read(cls, athletes, tries) -> "_ChunkData":
        ids = [a.pk for a in athletes]
        mondays = sorted({monday for wanted in tries.values() for monday in wanted})
        stored = set(
            AIWeeklySummary.objects.filter(
                athlete_id__in=ids, week_end_date__in=[m + timedelta(days=6) for m in mondays]
            ).values_list("athlete_id", "week_end_date")
        )
        planned = standing_weeks(ids, mondays, published_only=True)
        # One range for the chunk (usually every athlete wants the same week): each
        # athlete-week keeps its own window of it (_summary).
        windows = [log_window(a.user.zoneinfo, m) for a in athletes for m in tries[a.pk]]
        logs = defaultdict(list)
        for log in logs_read_by_week().filter(
            athlete_id__in=ids,
            completed_at__gte=min(since for since, _ in windows),
            completed_at__lt=max(until for _, until in windows),
        ):
            logs[log.athlete_id].append(log)
        sessions = [s for week in planned.values() for s in week.sessions]
        every_log = [log for mine in logs.values() for log in mine]
        exercises = exercises_by_id(exercise_ids_of(sessions, every_log))
        first_plans = dict(
            TrainingPlan.objects.filter(athlete_id__in=ids)
            .values("athlete_id")
            .annotate(first=Min("week_start_date"))
            .values_list("athlete_id", "first")
        )
        return cls(stored, planned, logs, exercises, first_plans)


def _summary(athlete, monday: date, chunk: _ChunkData, *, now: datetime) -> AIWeeklySummary:
    """One athlete-week's summary from the chunk's rows, validated, not stored (no query)."""
    if not week_has_ended(athlete, monday, now):
        raise WeekNotOver
    zone = athlete.user.zoneinfo
    since, until = log_window(zone, monday)
    planned = chunk.planned[athlete.pk, monday]
    week = build_week(
        monday,
        zone=zone,
        planned=planned,
        logs=[log for log in chunk.logs[athlete.pk] if since <= log.completed_at < until],
        exercises=chunk.exercises,
        history_start=chunk.first_plans.get(athlete.pk),
    )
    if not week.logs:
        raise NothingLogged
    analysis = analyse(week)
    return summary_of(athlete, planned.plan, week, analysis, texts=findings_of(analysis))


def _insert(summaries: list[AIWeeklySummary]) -> list:
    """INSERT the summaries at once; the ids of those stored. A row another run wrote first
    is skipped by the database (ignore_conflicts), so ours is not there to read back."""
    if not summaries:
        return []
    AIWeeklySummary.objects.bulk_create(summaries, ignore_conflicts=True)
    ours = [summary.pk for summary in summaries]
    stored = set(AIWeeklySummary.objects.filter(pk__in=ours).values_list("pk", flat=True))
    return [pk for pk in ours if pk in stored]
