"""Cron: `0 * * * * cd /srv/hybridpeaks && .venv/bin/python manage.py generate_weekly_summaries`

Hourly, because weeks end at midnight in each athlete's own time zone. Idempotent and safe to
run on several machines at once.
"""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import Athlete
from insights.services import NothingLogged, WeekNotOver, complete_ended_plans, generate_summary
from training.selectors import monday_of

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Complete the plans of weeks that have ended and write the missing weekly summaries "
        "of ended weeks that have at least one log."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--weeks", type=int, default=1, help="How many ended weeks to look back (default 1)."
        )

    def handle(self, *args, weeks, **options):
        now = timezone.now()
        completed = complete_ended_plans(now)
        created = skipped = failed = 0
        for athlete in Athlete.objects.select_related("user").order_by("pk"):
            this_monday = monday_of(timezone.localdate(now, athlete.user.zoneinfo))
            for back in range(1, weeks + 1):
                try:
                    _, was_created = generate_summary(
                        athlete=athlete, week_start=this_monday - timedelta(weeks=back), now=now
                    )
                except (WeekNotOver, NothingLogged):
                    skipped += 1
                    continue
                except ValidationError:
                    # One athlete's bad week must not stop everyone else's summaries.
                    logger.exception("No summary for athlete %s, week %s", athlete.pk, back)
                    failed += 1
                    continue
                created += was_created
        self.stdout.write(
            f"{completed} plan(s) completed; {created} summary(ies) written; "
            f"{skipped} athlete-week(s) without logs or not over yet."
            + (f" {failed} failed (see the log)." if failed else "")
        )
