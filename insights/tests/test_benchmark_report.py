"""The page benchmark's verdicts: a page under its target is flagged, never hidden."""

from insights.benchmark_report import (
    ROSTER_MAX_HTML,
    ROSTER_SHARE,
    Measured,
    Page,
    shortfalls,
    table,
)
from insights.benchmark_wrk import WrkResult

C3_RPS = 200.0


def measured(page, rps, html=10_000, bad=0, requests=100):
    load = WrkResult(
        rps, p50_ms=5.0, p99_ms=9.0, requests=requests, bad_responses=bad, socket_errors=0
    )
    return Measured(page, load, html_bytes=html, gzip_bytes=html // 4, queries=6, c3_rps=C3_RPS)


def test_a_page_needs_half_of_c3():
    page = Page("athlete today", "/today/", "athlete")
    assert shortfalls(measured(page, 100.0)) == []
    assert shortfalls(measured(page, 99.0)) == ["below 50% of C3"]


def test_the_roster_needs_35_percent_and_under_60_kb():
    roster = Page("roster", "/coach/", "coach", min_share=ROSTER_SHARE, max_html=ROSTER_MAX_HTML)
    assert shortfalls(measured(roster, 70.0, html=61_439)) == []
    assert shortfalls(measured(roster, 69.0, html=61_440)) == [
        "below 35% of C3",
        "HTML ≥ 60 KB",
    ]


def test_errors_under_load_are_flagged_even_on_a_ceiling():
    ceiling = Page("C0", "/benchmark/c0/", "", min_share=None)
    assert shortfalls(measured(ceiling, 900.0)) == []
    assert shortfalls(measured(ceiling, 900.0, bad=3)) == ["3 non-2xx/3xx answers, 0 socket errors"]


def test_the_table_shows_each_figure_and_the_verdict():
    page = Page("exercise catalog", "/coach/exercises/", "coach")
    header, _, row = table([measured(page, 80.0, html=28_839)])
    assert header.startswith("| page | req/s | p50 ms | p99 ms | HTML bytes | gzip bytes")
    assert row == (
        "| exercise catalog | 80.0 | 5.0 | 9.0 | 28,839 | 7,209 | 6 | 200.0 | 40% | ≥ 50% "
        "| **below 50% of C3** |"
    )


def test_a_run_without_any_answer_says_so_instead_of_latencies():
    page = Page("coach roster", "/coach/", "coach", min_share=ROSTER_SHARE)
    row = measured(page, 0.0, requests=0)
    assert shortfalls(row) == ["no answer completed within the run: give it a longer --duration"]
    assert "| coach roster | 0.0 | — | — |" in table([row])[2]
