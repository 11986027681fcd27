"""Cron: `0 * * * * cd /srv/hybridpeaks && .venv/bin/python manage.py generate_weekly_summaries`

Hourly, because weeks end at midnight in each athlete's own time zone. Idempotent and safe to
run on several machines at once. A run catches up on every ended week since each athlete's
last summary (at most CATCH_UP_WEEKS), so a job that did not run for a while loses nothing.
Athletes are handled by chunks (insights.jobs): a constant number of queries and one INSERT per
chunk. One athlete-week that fails is logged and counted, never the end of the run; the
command exits non-zero afterwards so cron or a monitor notices.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insights.jobs import CATCH_UP_WEEKS, chunks, summarise_chunk
from insights.services import complete_ended_plans


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
        for athlete_ids in chunks(now, weeks=weeks):
            outcome = summarise_chunk(athlete_ids, now=now, weeks=weeks)
            created += len(outcome.created_ids)
            skipped += outcome.skipped
            failed += outcome.failed
        self.stdout.write(
            f"{completed} plan(s) completed; {created} summary(ies) written; "
            f"{skipped} athlete-week(s) without logs or not over yet."
            + (f" {failed} failed (see the log)." if failed else "")
        )
        if failed:
            raise CommandError(f"{failed} athlete-week(s) failed; their summaries are missing.")
