"""What every background task shares: retries of transient errors, on workers only.

A task that fails because the database is unreachable (a restart, a failover) is retried
later, with a growing, jittered delay, since that heals by itself. Without a broker the task
runs in-process (settings: task_always_eager), and there a retry would only repeat at once,
in the caller: the caller gets the error itself instead, as from a plain call.
"""

from celery import Task
from django.db import InterfaceError, OperationalError

# Up to 5 s, 10 s, 20 s ... (random below each: workers do not retry in step), at most 5
# minutes apart, 6 times; then the task fails and is logged.
TRANSIENT_RETRY = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 6,
}


class BackgroundTask(Task):
    """The base of our tasks (`@shared_task(base=BackgroundTask, **TRANSIENT_RETRY)`)."""

    def retry(self, *args, exc=None, **kwargs):
        if self.request.is_eager and exc is not None:
            raise exc
        return super().retry(*args, exc=exc, **kwargs)
