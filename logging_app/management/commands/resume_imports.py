"""Queue again every watch-file upload that no worker has finished (cron, every 10 minutes).

A batch whose message was lost (a broker restarted before it was persisted, a worker killed
past its retries) would otherwise keep its stored bytes for ever and its page would poll in
vain. Running a batch again is harmless: what an earlier run stored is "already imported".
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from logging_app.imports.models import ImportBatch
from logging_app.imports.tasks import import_batch

# Longer than a 100-file zip takes (< 30 s) with a queue in front of it.
STALE_AFTER = timedelta(minutes=10)


class Command(BaseCommand):
    help = "Queue again the watch-file uploads not finished after 10 minutes."

    def handle(self, *args, **options):
        cutoff = timezone.now() - STALE_AFTER
        stale = ImportBatch.objects.filter(created_at__lt=cutoff).exclude(
            status=ImportBatch.Status.DONE
        )
        ids = [str(pk) for pk in stale.values_list("pk", flat=True)]
        for batch_id in ids:
            import_batch.delay(batch_id)
        self.stdout.write(f"Queued {len(ids)} unfinished upload(s) again.")
