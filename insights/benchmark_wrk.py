"""wrk, the HTTP load generator of the page benchmark: running it and reading its report.

wrk prints a human report, not JSON (its Lua hook could, at the cost of a script file per
run); the few figures the benchmark needs are read from it here, and a test feeds this
parser reports captured from wrk 4.1 (Debian's).
"""

import re
import shutil
import subprocess
from dataclasses import dataclass

from django.core.management.base import CommandError

THREADS = 2
CONNECTIONS = 16
TIMEOUT_SECONDS = 60
INSTALL_HINT = "wrk is not installed: `sudo apt-get install -y wrk` (Debian/Ubuntu), then rerun."
# wrk writes durations with these units (stats.c, format_time_us): us, ms, s, m, h.
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
# Large counts are written with a suffix: "1.12k".
SCALE = {"": 1, "k": 1_000, "M": 1_000_000, "G": 1_000_000_000}


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    # Answers other than 2xx/3xx, and connect/read/write/timeout errors: each run must have none.
    bad_responses: int
    socket_errors: int


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise CommandError(INSTALL_HINT)
    return path


def run_wrk(url: str, *, cookies: dict[str, str], seconds: int) -> WrkResult:
    """Load `url` for `seconds` with 2 threads and 16 connections, as the issue measures."""
    command = [
        wrk_path(),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        # wrk's default (2 s) drops slower answers from the latencies as socket errors; a slow
        # page must show in p99 instead.
        f"--timeout={TIMEOUT_SECONDS}s",
    ]
    if cookies:
        header = "; ".join(f"{name}={value}" for name, value in cookies.items())
        command += ["-H", f"Cookie: {header}"]
    command.append(url)
    limit = seconds + TIMEOUT_SECONDS + 30
    done = subprocess.run(command, capture_output=True, text=True, timeout=limit)  # noqa: S603
    if done.returncode != 0:
        raise CommandError(f"wrk failed on {url}: {done.stderr.strip() or done.stdout.strip()}")
    return parse_wrk(done.stdout)


def _duration_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * TO_MS[unit]


def _count(text: str) -> float:
    number, suffix = re.fullmatch(r"([\d.]+)([kMG]?)", text).groups()
    return float(number) * SCALE[suffix]


def parse_wrk(report: str) -> WrkResult:
    """The figures of a `wrk --latency` report; a report without them is an error."""

    def find(pattern: str) -> re.Match:
        match = re.search(pattern, report, re.MULTILINE)
        if match is None:
            raise CommandError(f"Unexpected wrk output (no {pattern!r}):\n{report}")
        return match

    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report
    )
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    return WrkResult(
        requests_per_second=_count(find(r"^Requests/sec:\s+(\S+)").group(1)),
        p50_ms=_duration_ms(find(r"^\s+50%\s+(\S+)").group(1)),
        p99_ms=_duration_ms(find(r"^\s+99%\s+(\S+)").group(1)),
        requests=int(find(r"^\s+(\d+) requests in ").group(1)),
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(map(int, socket.groups())) if socket else 0,
    )
