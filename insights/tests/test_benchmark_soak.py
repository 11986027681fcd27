"""The soak benchmark for a few seconds: real gunicorn, real HTTP, the real sync API, and the
logs counted in the database afterwards (PostgreSQL only: the server is another process)."""

import socket

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import Athlete
from insights.tests.live_database import database_url
from logging_app.models import WorkoutLog

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_short_soak_loses_no_log_and_stores_none_twice(monkeypatch, capsys):
    if connection.vendor != "postgresql":
        pytest.skip("gunicorn reaches the test database over the network: PostgreSQL only.")
    monkeypatch.setenv("DATABASE_URL", database_url())
    monkeypatch.setenv("ENV_FILE", "/dev/null")

    call_command(
        "benchmark_soak",
        seconds=3,
        probe=2,
        warmup=1,
        athletes=5,
        port=free_port(),
        max_memory_growth=1000,  # seconds of load say nothing about memory; the long soak does
    )

    out = capsys.readouterr().out
    assert "soak passed" in out
    created = int(out.split("logs: ")[1].split(" answered 201")[0].replace(",", ""))
    assert created > 0  # logs were really posted, and each one is stored: see the verdict
    assert f"{created:,} stored; lost 0, stored without a 201 0, sessions logged twice 0" in out
    assert not Athlete.objects.exists()  # it removed what it built
    assert not WorkoutLog.objects.exists()


def test_it_refuses_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("On PostgreSQL it runs.")
    with pytest.raises(Exception, match="PostgreSQL"):
        call_command("benchmark_soak", seconds=1)
