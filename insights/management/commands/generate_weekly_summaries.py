"""Cron: `0 * * * * cd /srv/hybridpeaks && .venv/bin/python manage.py generate_weekly_summaries`

Hourly, because weeks end at midnight in each athlete's own time zone. Idempotent and safe to
run on several machines at once. A run catches up on every ended week since each athlete's
last summary (at most CATCH_UP_WEEKS), so a job that did not run for a while loses nothing.
Athletes are handled by chunks (insights.jobs): a constant number of queries and one INSERT per
chunk, each chunk a task (insights.tasks.summarise_chunk).

With a broker configured (CELERY_BROKER_URL) the command only enqueues one task per chunk and
exits: the workers write the summaries, retry a chunk whose database was unreachable, and
report failures in their own log. Without one (a first `./dev run`) it runs the chunks itself,
in this process: one athlete-week that fails is logged and counted, never the end of the run,
and the command exits non-zero afterwards so cron or a monitor notices.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insights.jobs import CATCH_UP_WEEKS, CHUNK_SIZE, chunks
from insights.services import complete_ended_plans
from insights.tasks import summarise_chunk


class Command(BaseCommand):
    help = (
        "Complete the plans of weeks that have ended and write the missing weekly summaries "
        f"of ended weeks that have at least one log (since each athlete's last summary, at "
        f"most {CATCH_UP_WEEKS} weeks back); with a broker configured, queue them for the "
        "workers instead."
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
        # JSON arguments, as a worker receives them: every chunk of the run judges "ended" by
        # the same time, the enqueuer's.
        work = [
            ([str(pk) for pk in ids], now.isoformat(), weeks) for ids in chunks(now, weeks=weeks)
        ]
        if settings.CELERY_BROKER_URL:
            for arguments in work:
                summarise_chunk.delay(*arguments)
            self.stdout.write(
                f"{completed} plan(s) completed; {len(work)} chunk(s) of up to {CHUNK_SIZE} "
                "athletes queued for the workers."
            )
            return
        self.run_here(completed, work)

    def run_here(self, completed: int, work: list) -> None:
        """The chunks in this process, one after another, as a worker would run them."""
        created = skipped = failed = 0
        for arguments in work:
            outcome = summarise_chunk.apply(arguments).get()
            created += outcome["created"]
            skipped += outcome["skipped"]
            failed += outcome["failed"]
        self.stdout.write(
            f"{completed} plan(s) completed; {created} summary(ies) written; "
            f"{skipped} athlete-week(s) without logs or not over yet."
            + (f" {failed} failed (see the log)." if failed else "")
        )
        if failed:
            raise CommandError(f"{failed} athlete-week(s) failed; their summaries are missing.")
