"""The test database as a URL, for processes a test starts (Celery workers, gunicorn): they
must reach pytest-django's database, not the one DATABASE_URL names."""

from urllib.parse import quote

from django.db import connection


def database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{quote(db['NAME'], safe='')}"
