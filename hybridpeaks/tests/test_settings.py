"""Production settings, checked in a fresh process the way a deployment would load them."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE; a deployment must not.
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="hybridpeaks.settings",
        ENV_FILE=os.devnull,  # a developer's .env must not colour the check
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hybridpeaks.example.com",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.example.com:587",
    )
    env.update(overrides)
    return env


def run_manage(*args, env):
    return subprocess.run(
        [*MANAGE, *args], env=env, capture_output=True, text=True, check=False, timeout=60
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_values():
    code = (
        "from django.conf import settings as s; "
        "print(s.PASSWORD_HASHERS[0], s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SAMESITE, s.SESSION_COOKIE_HTTPONLY, "
        "s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "True",
        "True",
        "31536000",
        "Lax",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_database_url_defaults_to_a_sqlite_file_in_the_project():
    env = production_env()
    env.pop("DATABASE_URL", None)
    code = "from django.db import connection as c; print(c.vendor, c.settings_dict['NAME'])"
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["sqlite", str(settings.BASE_DIR / "db.sqlite3")]
