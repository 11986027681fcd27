"""WSGI entry point for gunicorn: `gunicorn hybridpeaks.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hybridpeaks.settings")
application = get_wsgi_application()
