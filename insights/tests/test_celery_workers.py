"""Celery against the real RabbitMQ: two worker processes share 2,000 athlete-weeks, one of
them is killed mid-run, and every summary is still written exactly once.

PostgreSQL only: the workers are other processes, so they must reach the test database over
the network (with transaction=True, so they see the data this test commits). RabbitMQ is on
127.0.0.1:5672 on every machine here; where it is missing the test is skipped, except in CI
(CI=true), where that is a failure.
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from uuid import uuid4

import kombu.exceptions
import pytest
from celery import Celery
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from insights.benchmark_data import build, system_catalog
from insights.models import AIWeeklySummary
from insights.tests.live_database import database_url

pytestmark = pytest.mark.django_db(transaction=True)

BROKER_URL = os.environ.get("TEST_CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
ROOT = Path(__file__).resolve().parents[2]
ATHLETES, ENDED_WEEKS = 400, 5  # 2,000 athlete-weeks
CHUNK = 20  # 20 chunks: enough for both workers to be busy when one dies
KILL_AFTER = 400  # summaries stored before one worker is killed (of 2,000)
TIMEOUT = 150  # seconds for the whole run, from the first enqueued chunk


@pytest.fixture
def producer():
    """A Celery client of the real broker, apart from the project's app (which runs tasks
    in-process in tests): it only sends messages, by task name. Not the current app, or the
    project's shared tasks would resolve to it in later tests and stop running in-process."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "The worker processes reach the test database over the network: PostgreSQL only."
        )
    client = Celery("hybridpeaks-test-producer", broker=BROKER_URL, set_as_current=False)
    client.conf.update(task_serializer="json", accept_content=["json"])
    try:
        with client.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1)
    except (OSError, kombu.exceptions.OperationalError) as problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"RabbitMQ is not reachable at {BROKER_URL} in CI: {problem}")
        pytest.skip(f"RabbitMQ is not reachable at {BROKER_URL}: {problem}")
    return client


@pytest.fixture
def queue(producer):
    """A queue of this run only, so another run's leftovers never reach these workers; it is
    purged and deleted at the end."""
    name = f"hybridpeaks-test-{uuid4().hex}"
    yield name
    with producer.connection_for_write() as conn:
        channel = conn.default_channel
        channel.queue_purge(name)
        channel.queue_delete(name)


class Worker:
    """`celery -A hybridpeaks worker` in a process group of its own (the worker and its pool
    child), so killing the group is a machine gone: nothing acknowledges, nothing cleans up."""

    def __init__(self, name: str, queue: str, log: Path):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hybridpeaks.settings_test",
            "ENV_FILE": "/dev/null",  # not a developer's .env
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": BROKER_URL,
            "CELERY_QUEUE": queue,
            "LLM_BASE_URL": "",
            "LLM_MODEL": "",
            "LOG_LEVEL": "INFO",  # the test reads "received" and "succeeded" from the log
        }
        # Concurrency 1: the worker and one pool process, as one small machine.
        command = [sys.executable, "-m", "celery", "-A", "hybridpeaks", "worker", "-Q", queue]
        command += ["-n", f"{name}-{queue}@%h", "--concurrency", "1", "--loglevel", "INFO"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        self.log = log
        with log.open("w") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # warm shutdown: finish, then exit
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def tasks(self, event: str) -> set[str]:
        """The ids of the tasks this worker logged as `event` (received, succeeded)."""
        return set(re.findall(rf"\[([0-9a-f-]{{36}})\] {event}", self.log.read_text()))

    def busy(self) -> bool:
        return bool(self.tasks("received") - self.tasks("succeeded"))


def summaries_of(coach):
    return AIWeeklySummary.objects.filter(athlete__coach=coach)


def wait_for(condition, deadline: float, what: str, workers):
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {w.log.name}\n{w.log.read_text()[-3000:]}" for w in workers)
            pytest.fail(f"Timed out waiting for {what}.\n{logs}")
        time.sleep(0.2)


def waiting_messages(producer, queue: str) -> int:
    with producer.connection_for_write() as conn:
        return conn.default_channel.queue_declare(queue, passive=True).message_count


def test_two_workers_write_every_summary_once_though_one_dies(producer, queue, tmp_path):
    now = timezone.now()
    catalog, _ = system_catalog()
    coach, _ = build(ATHLETES, catalog, now, ended_weeks=ENDED_WEEKS)
    ids = list(coach.athletes.order_by("pk").values_list("pk", flat=True))
    expected = ATHLETES * ENDED_WEEKS

    first, second = (Worker(name, queue, tmp_path / f"{name}.log") for name in ("one", "two"))
    workers = [first, second]
    try:
        deadline = time.monotonic() + TIMEOUT
        for at in range(0, len(ids), CHUNK):
            producer.send_task(
                "insights.tasks.summarise_chunk",
                args=[ids[at : at + CHUNK], now.isoformat()],
                kwargs={"weeks": ENDED_WEEKS},  # the weeks built: none tried in vain
                queue=queue,
            )
        # Killed in the middle of a chunk, once some of the work is stored.
        wait_for(
            lambda: (
                summaries_of(coach).count() >= KILL_AFTER
                and first.tasks("succeeded")
                and first.busy()
            ),
            deadline,
            "the first worker busy after a first share",
            workers,
        )
        first.kill()
        at_kill = summaries_of(coach).count()
        lost = first.tasks("received") - first.tasks("succeeded")
        # The broker gives the dead worker's chunk to the other one, which finishes it all.
        wait_for(
            lambda: (
                lost <= second.tasks("succeeded")
                and not second.busy()
                and waiting_messages(producer, queue) == 0
            ),
            deadline,
            "the second worker to finish every chunk",
            workers,
        )
    finally:
        for worker in workers:
            worker.stop()

    assert at_kill < expected, "the worker was killed after the work was done"
    assert lost, "the worker was killed between two chunks, not in the middle of one"
    assert summaries_of(coach).count() == expected
    duplicates = (
        summaries_of(coach).values("athlete", "week_end_date").annotate(n=Count("pk"))
    ).filter(n__gt=1)
    assert not duplicates.exists()
    per_athlete = summaries_of(coach).values("athlete").annotate(n=Count("pk"))
    assert {row["athlete"]: row["n"] for row in per_athlete} == dict.fromkeys(ids, ENDED_WEEKS)
