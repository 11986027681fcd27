"""The page benchmark's server: this project under gunicorn with production settings.

As deployed (docs/deploy.md): DEBUG off, the whole middleware, whitenoise serving the
collected and compressed static files, 2 sync workers, persistent database connections. Only
what plain-http localhost needs differs: no HTTPS redirect, no secure-only cookies, no HSTS
(each is an env switch of hybridpeaks/settings.py), and the ceiling pages are switched on.
"""

import http.client
import importlib
import os
import platform
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie

import django
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import CommandError
from django.test.utils import override_settings
from django.urls import clear_url_caches

from accounts.auth import PROFILE_BACKEND
from insights.benchmark_data import database_version

WORKERS = 2
HOST = "127.0.0.1"
STARTUP_SECONDS = 60
# Idle: this many health checks in a row answered this fast (a queued request takes longer).
SETTLED_AFTER, QUICK_SECONDS = 4, 0.05
DRAIN_SECONDS = 300


def production_env(*, secret_key: str, static_root: str) -> dict[str, str]:
    """The environment of the benchmark's processes: production settings over plain http.

    The database is the one this command uses: DATABASE_URL is inherited (or read again
    from the same .env file by the child).
    """
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": static_root,
        "BENCHMARK_CEILINGS": "true",
        # No narrator calls, and no log line per request (gunicorn's access log is off too).
        "LLM_BASE_URL": "",
        "LOG_LEVEL": "WARNING",
    }


def collect_static(env: dict[str, str]) -> None:
    """collectstatic into env's STATIC_ROOT: the manifest storage needs it to render a page."""
    manage = str(settings.BASE_DIR / "manage.py")
    done = subprocess.run(  # noqa: S603
        [sys.executable, manage, "collectstatic", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise CommandError(f"collectstatic failed:\n{done.stderr}")


@dataclass(frozen=True)
class Served:
    url: str  # the base URL, http://HOST:port
    pid: int  # gunicorn's master process

    def worker_memory(self) -> dict[int, int]:
        """Each worker process's resident memory in bytes, by pid (Linux's /proc)."""
        with open(f"/proc/{self.pid}/task/{self.pid}/children") as children:
            pids = [int(pid) for pid in children.read().split()]
        return {pid: _resident_bytes(pid) for pid in pids}


def _resident_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) * 1024  # "VmRSS:   123456 kB"


@contextmanager
def gunicorn(env: dict[str, str], port: int):
    """gunicorn serving the project on HOST:port until the block ends; yields it as Served."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "hybridpeaks.wsgi",
        f"--workers={WORKERS}",
        "--worker-class=sync",
        f"--bind={HOST}:{port}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)  # noqa: S603
    try:
        _wait_until_up(server, port)
        yield Served(f"http://{HOST}:{port}", server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"gunicorn exited at start (status {server.returncode}).")
        try:
            if fetch(port, "/healthz", cookies={}).status == 200:
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.3)
    raise CommandError(f"gunicorn did not answer /healthz within {STARTUP_SECONDS} s.")


def settle(port: int) -> None:
    """Wait until the workers are idle: when wrk stops, requests it already sent still queue
    at the sync workers (16 roster requests can take a minute on a busy machine), and the
    next page must not be measured while they drain."""
    deadline, quick = time.monotonic() + DRAIN_SECONDS, 0
    while quick < SETTLED_AFTER:
        if time.monotonic() > deadline:
            raise CommandError(f"The server was still busy {DRAIN_SECONDS} s after a page.")
        started = time.monotonic()
        try:
            fetch(port, "/healthz", cookies={}, timeout=DRAIN_SECONDS)
        except OSError:  # a timeout, or a worker restarted under us: ask again
            quick = 0
            continue
        quick = quick + 1 if time.monotonic() - started < QUICK_SECONDS else 0


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    new_cookies: dict[str, str]


def fetch(
    port: int, path: str, *, cookies: dict[str, str], gzip: bool = False, timeout: float = 60
) -> Answer:
    """One GET as a browser sends it, without following redirects (a redirect is a finding)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    headers = {"Accept": "text/html"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    finally:
        connection.close()
    return Answer(response.status, body, {name: morsel.value for name, morsel in jar.items()})


@contextmanager
def switched(on: bool):
    """The URLconf rebuilt in this process with the ceilings on or off, and restored after:
    for the benchmark's in-process query counts and for tests (urls.py reads the switch once,
    at import)."""
    try:
        with override_settings(BENCHMARK_CEILINGS=on):
            _reload_urlconf()
            yield
    finally:
        _reload_urlconf()  # the override has ended: as the settings say again


def _reload_urlconf():
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))
    clear_url_caches()


def sign_in(user) -> str:
    """A session for `user` as django.contrib.auth.login leaves one, without a password (the
    synthetic users have none); signed with the settings' SECRET_KEY, here the run's."""
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = PROFILE_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line)
    except (OSError, StopIteration):
        pass
    gunicorn_version = importlib.import_module("gunicorn").__version__
    return (
        f"{os.cpu_count()} cores ({model}), {database_version()}, Python "
        f"{platform.python_version()}, Django {django.get_version()}, gunicorn "
        f"{gunicorn_version}, {_wrk_version()}"
    )


def _wrk_version() -> str:
    """wrk's first line of `wrk -v`; the soak benchmark runs without wrk installed."""
    if shutil.which("wrk") is None:
        return "no wrk"
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)  # noqa: S607
    return wrk.stdout.splitlines()[0] if wrk.stdout else "wrk"
