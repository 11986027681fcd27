"""HybridPeaks project package.

The Celery app is loaded with Django, so `@shared_task` functions bind to it wherever they
are imported (a view, a command, a worker).
"""

from hybridpeaks.celery import app as celery_app

__all__ = ["celery_app"]
