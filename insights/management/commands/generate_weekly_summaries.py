"""Cron: `0 * * * * cd /srv/hybridpeaks && .venv/bin/python manage.py generate_weekly_summaries`

Hourly, because weeks end at midnight in each athlete's own time zone. Idempotent and safe to
run on several machines at once. A run catches up on every ended week since each athlete's
last summary (at most CATCH_UP_WEEKS), so a job that did not run for a while loses nothing.
One athlete-week that fails is logged and counted, never the end of the run; the command
exits non-zero afterwards so cron or a monitor notices.
"""

import logging
from datetime import date, datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import Athlete
from insights.models import AIWeeklySummary
from insights.services import NothingLogged, WeekNotOver, complete_ended_plans, generate_summary
from logging_app.models import WorkoutLog
from logging_app.services import LOG_WINDOW
from training.selectors import monday_of

logger = logging.getLogger(__name__)

# How far back the default run catches up; older gaps need an explicit --weeks.
CATCH_UP_WEEKS = 8


def _athletes_with_last_activity():
    """Every athlete with their latest summary's Sunday, first and latest log: one query."""
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


def _missing_weeks(athlete, this_monday: date) -> list[date]:
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


class Command(BaseCommand):
    help = (
        "Complete the plans of weeks that have ended and write the missing weekly summaries "
        f"of ended weeks that have at least one log (since each athlete's last summary, at "
        f"most {CATCH_UP_WEEKS} weeks back)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--weeks",
            type=int,
            help="Backfill: try each of this many ended weeks, whatever was written before.",
        )

    def handle(self, *args, weeks=None, **options):
        now = timezone.now()
        completed = complete_ended_plans(now)
        created = skipped = failed = 0
        for athlete in _athletes_with_last_activity():
            this_monday = monday_of(timezone.localdate(now, athlete.user.zoneinfo))
            if weeks is None:
                mondays = _missing_weeks(athlete, this_monday)
            else:
                mondays = [this_monday - timedelta(weeks=back) for back in range(weeks, 0, -1)]
            for monday in mondays:
                try:
                    _, was_created = generate_summary(athlete=athlete, week_start=monday, now=now)
                except (WeekNotOver, NothingLogged):
                    skipped += 1
                    continue
                except Exception:
                    # Whatever one athlete's data does, everyone else still gets a summary.
                    logger.exception(
                        "No summary for athlete %s, week of %s", athlete.pk, monday.isoformat()
                    )
                    failed += 1
                    continue
                created += was_created
        self.stdout.write(
            f"{completed} plan(s) completed; {created} summary(ies) written; "
            f"{skipped} athlete-week(s) without logs or not over yet."
            + (f" {failed} failed (see the log)." if failed else "")
        )
        if failed:
            raise CommandError(f"{failed} athlete-week(s) failed; their summaries are missing.")
