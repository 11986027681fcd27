"""The Celery app: background work (weekly summaries, the narrator) on any number of workers.

`celery -A hybridpeaks worker` runs it. The broker and every option come from Django's
settings (the CELERY_* names in hybridpeaks/settings.py, read from the environment); without
a broker configured the tasks run in-process, in the caller, so a first run needs no service.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hybridpeaks.settings")

app = Celery("hybridpeaks")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Tasks live in each app's tasks.py (insights.tasks), and in packages named here.
app.autodiscover_tasks()
app.autodiscover_tasks(["logging_app.imports"])
