"""Reading wrk's report: the page benchmark's figures come from here."""

import pytest
from django.core.management.base import CommandError

from insights.benchmark_wrk import parse_wrk, run_wrk

# Captured from wrk 4.1.0 (Debian) against a local server, as `run_wrk` calls it.
CLEAN = """\
Running 2s test @ http://127.0.0.1:8791/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    23.49ms   85.20ms 840.43ms   95.57%
    Req/Sec   441.95     87.01   590.00     62.50%
  Latency Distribution
     50%    5.88ms
     75%    8.78ms
     90%   13.42ms
     99%  512.51ms
  1763 requests in 2.00s, 810.91KB read
Requests/sec:    879.75
Transfer/sec:    404.65KB
"""
# The same server asked for a missing page, so every answer was a 404.
NOT_FOUND = """\
Running 2s test @ http://127.0.0.1:8791/missing
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.63ms   81.66ms 840.99ms   96.42%
    Req/Sec   564.00    373.05     1.12k    55.17%
  Latency Distribution
     50%    4.78ms
     75%    9.14ms
     90%   15.09ms
     99%  509.19ms
  1654 requests in 2.01s, 839.92KB read
  Non-2xx or 3xx responses: 1654
Requests/sec:    822.73
Transfer/sec:    417.79KB
"""
# Edited from a capture of a slow page to carry the other units (s, and us in the 99 % line)
# and socket errors, in wrk's own wording.
SLOW = """\
Running 10s test @ http://127.0.0.1:8765/coach/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52s   310.12ms   2.00s    71.43%
    Req/Sec     5.10      3.02    10.00     60.00%
  Latency Distribution
     50%    1.49s
     75%    1.71s
     90%    1.90s
     99%  950.00us
  91 requests in 10.02s, 9.87MB read
  Socket errors: connect 0, read 1, write 0, timeout 4
Requests/sec:      9.08
Transfer/sec:      0.99MB
"""


def test_a_clean_run_gives_rate_percentiles_and_no_errors():
    result = parse_wrk(CLEAN)
    assert result.requests_per_second == 879.75
    assert result.p50_ms == 5.88
    assert result.p99_ms == 512.51
    assert result.requests == 1763
    assert (result.bad_responses, result.socket_errors) == (0, 0)


def test_answers_other_than_2xx_or_3xx_are_counted():
    assert parse_wrk(NOT_FOUND).bad_responses == 1654


def test_seconds_microseconds_and_socket_errors_are_read():
    result = parse_wrk(SLOW)
    assert result.p50_ms == pytest.approx(1490.0)
    assert result.p99_ms == pytest.approx(0.95)
    assert result.socket_errors == 5
    assert result.requests_per_second == 9.08


def test_a_report_without_figures_is_an_error_not_a_zero():
    with pytest.raises(CommandError, match="Unexpected wrk output"):
        parse_wrk("unable to connect to 127.0.0.1:8765 Connection refused\n")


def test_without_wrk_the_command_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr("insights.benchmark_wrk.shutil.which", lambda name: None)
    with pytest.raises(CommandError, match="apt-get install -y wrk"):
        run_wrk("http://127.0.0.1:1/", cookies={}, seconds=1)
