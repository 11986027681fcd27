"""The soak benchmark's load: athletes and coaches at a steady rate, for minutes.

`run()` sends a mix of requests over keep-alive connections: athletes read Today and their
week and post logs through the sync API (as the phone's outbox does, a few of them sent
twice), coaches read their roster. With `rate`, it is an open loop: request i starts at
i / rate seconds whatever the answers before it did, as real users arrive, so a server that
falls behind shows as latency and as late starts, not as a politely lower rate. Without
`rate` it is a closed loop (each connection sends as soon as it has its answer): the most the
server carries, which the soak then halves.

Every answer is checked: a page must answer 200, a new log 201 and a resent one 200; anything
else, or no answer, is an error. What the database holds afterwards is counted by the command
(insights/management/commands/benchmark_soak.py).
"""

import http.client
import json
import random
import statistics
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

HOST = "127.0.0.1"
CONNECTIONS = 16
# Shares of the requests, as a day of a gym's traffic might be: mostly athletes opening
# Today, some a week, a log for about one visit in five, and coaches now and then.
MIX = {"athlete today": 45, "athlete week": 25, "athlete log": 20, "coach roster": 10}
RESENT = 0.1  # of the logs: sent again, as an outbox does when an answer was lost
LATE_SECONDS = 1.0  # an open-loop request started later than this behind its schedule


@dataclass(frozen=True)
class Person:
    """A signed-in visitor: the cookies a browser holds and the CSRF token the outbox sends."""

    cookies: dict[str, str]
    csrf_token: str = ""

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())


@dataclass
class Pool:
    """What the load draws from: who visits, and the logs still to send (each a session not
    logged yet, with its body ready). Thread-safe: every connection draws from it."""

    athletes: list[tuple[Person, str, str]]  # (person, today URL, week URL)
    coaches: list[tuple[Person, str]]  # (person, roster URL)
    logs: list[tuple[Person, str]]  # (athlete, JSON body)
    sent: list[tuple[Person, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_log(self, rng: random.Random) -> tuple[tuple[Person, str], bool] | None:
        """A new log to send, or now and then one already stored (resent: True)."""
        with self.lock:
            if self.sent and (rng.random() < RESENT or not self.logs):
                return rng.choice(self.sent), True
            return (self.logs.pop(), False) if self.logs else None

    def stored(self, log: tuple[Person, str]) -> None:
        """`log` was answered 201: from now on it may be resent (not before, or the resend
        could overtake the first sending and the two answers swap)."""
        with self.lock:
            self.sent.append(log)


@dataclass
class Tally:
    """What the server answered, per kind of request."""

    answers: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    created: set[str] = field(default_factory=set)  # log ids answered 201
    late: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return sum(sum(counter.values()) for counter in self.answers.values())

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, kind: str, share: float) -> float:
        ordered = sorted(self.latencies[kind])
        if not ordered:
            return 0.0
        return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def median_ms(self, kind: str) -> float:
        return 1000 * statistics.median(self.latencies[kind]) if self.latencies[kind] else 0.0


def run(pool: Pool, port: int, seconds: float, *, rate: float | None = None, seed=0) -> Tally:
    """Load the server on HOST:port for `seconds` (open loop at `rate` req/s, or closed)."""
    tally, started = Tally(), time.monotonic()
    schedule = _Schedule(started, rate)
    deadline = started + seconds
    threads = [
        threading.Thread(target=_connection, args=(pool, port, tally, schedule, deadline, seed + n))
        for n in range(CONNECTIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally.seconds = time.monotonic() - started
    return tally


class _Schedule:
    """Hands out start times i / rate (open loop), or "now" (closed loop)."""

    def __init__(self, started: float, rate: float | None):
        self.started, self.rate, self.issued = started, rate, 0
        self.lock = threading.Lock()

    def next_start(self) -> float:
        if self.rate is None:
            return time.monotonic()
        with self.lock:
            start = self.started + self.issued / self.rate
            self.issued += 1
        return start


def _connection(pool, port, tally, schedule, deadline, seed) -> None:
    rng = random.Random(seed)  # noqa: S311 (a load mix, not security)
    kinds, weights = list(MIX), list(MIX.values())
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        while True:
            start = schedule.next_start()
            if start >= deadline:
                return
            wait = start - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            elif -wait > LATE_SECONDS:
                with tally.lock:
                    tally.late += 1
            request = _request(rng.choices(kinds, weights)[0], pool, rng)
            if request is None:
                continue  # no log left to send: another kind next time
            connection = _send(connection, port, pool, tally, *request)
    finally:
        connection.close()


def _request(kind: str, pool: Pool, rng: random.Random):
    """(kind, method, path, person, body, expected statuses, the log) for one request."""
    if kind == "coach roster":
        person, path = rng.choice(pool.coaches)
        return kind, "GET", path, person, None, {200}, None
    if kind == "athlete log":
        drawn = pool.next_log(rng)
        if drawn is None:
            return None
        (person, body), resent = drawn
        expected = {200} if resent else {201}
        return kind, "POST", "/api/v1/workout-logs/", person, body, expected, (person, body)
    person, today, week = rng.choice(pool.athletes)
    return kind, "GET", today if kind == "athlete today" else week, person, None, {200}, None


def _send(connection, port, pool, tally, kind, method, path, person, body, expected, log):
    headers = {"Cookie": person.cookie_header, "Accept": "text/html"}
    if body is not None:
        headers |= {"Content-Type": "application/json", "X-CSRFToken": person.csrf_token}
        headers["Accept"] = "application/json"
    began = time.monotonic()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException) as problem:
        connection.close()  # a fresh connection for the next request
        with tally.lock:
            tally.answers[kind]["no answer"] += 1
            tally.errors.append(f"{kind} {path}: {type(problem).__name__}: {problem}")
        return http.client.HTTPConnection(HOST, port, timeout=60)
    took = time.monotonic() - began
    with tally.lock:
        tally.answers[kind][status] += 1
        tally.latencies[kind].append(took)
        if status not in expected:
            tally.errors.append(f"{kind} {path}: {status}, expected {sorted(expected)}")
        elif status == 201:
            tally.created.add(json.loads(body)["id"])
    if status == 201:
        pool.stored(log)
    return connection
