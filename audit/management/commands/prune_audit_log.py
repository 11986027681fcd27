from django.conf import settings
from django.core.management.base import BaseCommand

from audit.services import MINIMUM_RETENTION_DAYS, prune


class Command(BaseCommand):
    help = (
        "Delete audit entries older than AUDIT_RETENTION_DAYS "
        f"(at least {MINIMUM_RETENTION_DAYS}). Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.AUDIT_RETENTION_DAYS,
            help=f"Keep this many days (minimum {MINIMUM_RETENTION_DAYS}).",
        )

    def handle(self, *args, days, **options):
        if days < MINIMUM_RETENTION_DAYS:
            self.stderr.write(f"Keeping the minimum of {MINIMUM_RETENTION_DAYS} days.")
        deleted = prune(retention_days=days)
        kept = max(days, MINIMUM_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} audit entries older than {kept} days.")
