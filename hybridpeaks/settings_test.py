"""Test settings: production settings, minus what only slows tests or needs HTTPS.

Tests run with DEBUG off whatever a developer's .env says, so they see production behaviour.
"""

import os
import tempfile
from pathlib import Path

os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")

from hybridpeaks.settings import *  # noqa: F403

# Hashed names from the manifest storage 404 under live_server; plain storage serves them.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's in-memory default: with an in-memory database the browser tests'
    # live server shares one connection among its request threads, so two requests at once
    # (the page and the service worker syncing together) interleave their transactions. WAL
    # lets the server's readers run beside a writer, as on a real SQLite deployment.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"hybridpeaks-test-{os.getpid()}.sqlite3")
    }
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (  # noqa: F405
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    )
# Argon2 is deliberately slow; a test checks the production hasher list separately.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client and the browser tests' live server speak plain HTTP.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Serve static files straight from the app folders; tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
