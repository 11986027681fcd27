"""The background task that reads an upload (services.run_import). Without a broker it runs
in-process, in the request that stored the upload (settings: task_always_eager).

Delivered again after a worker died (acks_late), it runs the batch again: what the first run
stored is then "already imported", and nothing is stored twice (services says why).
"""

from celery import shared_task

from hybridpeaks.core.background import TRANSIENT_RETRY, BackgroundTask
from logging_app.imports.models import ImportBatch
from logging_app.imports.services import run_import


@shared_task(base=BackgroundTask, **TRANSIENT_RETRY)
def import_batch(batch_id: str) -> str:
    """Import a stored batch; returns its status (read in-process only). A batch already
    done, or gone (its athlete deleted), is left alone."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status == ImportBatch.Status.DONE:
        return "skipped"
    return run_import(batch).status
