"""The page benchmark's pages, targets and printed table (docs/benchmarks.md, "Pages").

Targets (DESIGN.md, "Performance budgets"; issue 12): every main page at least 50 % of the
same run's C3 in requests per second; the 100-athlete roster at least 35 % with HTML under
60 KB. The ceilings themselves have no target.
"""

from dataclasses import dataclass

from insights.benchmark_wrk import WrkResult

PAGE_SHARE = 0.50
ROSTER_SHARE = 0.35
ROSTER_MAX_HTML = 60 * 1024


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str  # "coach", "athlete", or "" for an anonymous visitor
    min_share: float | None = PAGE_SHARE  # of C3's requests per second; None: a ceiling
    max_html: int | None = None  # bytes, uncompressed


@dataclass(frozen=True)
class Measured:
    page: Page
    load: WrkResult
    html_bytes: int
    gzip_bytes: int
    queries: int
    # C3's requests per second around this page: the mean of the C3 runs just before and just
    # after it, so a machine whose load drifts during the run compares like with like.
    c3_rps: float


def share_of(row: Measured) -> float:
    return row.load.requests_per_second / row.c3_rps


def shortfalls(row: Measured) -> list[str]:
    """What a row misses of its targets (empty: on target, or a ceiling)."""
    page, missed = row.page, []
    if row.load.requests == 0:
        return ["no answer completed within the run: give it a longer --duration"]
    if page.min_share is not None and share_of(row) < page.min_share:
        missed.append(f"below {page.min_share:.0%} of C3")
    if page.max_html is not None and row.html_bytes >= page.max_html:
        missed.append(f"HTML ≥ {page.max_html // 1024} KB")
    if row.load.bad_responses or row.load.socket_errors:
        missed.append(
            f"{row.load.bad_responses} non-2xx/3xx answers, {row.load.socket_errors} socket errors"
        )
    return missed


def table(rows: list[Measured]) -> list[str]:
    """A Markdown table, ready for docs/benchmarks.md."""
    lines = [
        "| page | req/s | p50 ms | p99 ms | HTML bytes | gzip bytes | queries | C3 around, req/s "
        "| share of C3 | target | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        page, load = row.page, row.load
        target = []
        if page.min_share is not None:
            target.append(f"≥ {page.min_share:.0%}")
        if page.max_html is not None:
            target.append(f"HTML < {page.max_html // 1024} KB")
        missed = shortfalls(row)
        if page.min_share is None and not missed:
            verdict = "ceiling"
        else:
            verdict = "**" + "; ".join(missed) + "**" if missed else "on target"
        lines.append(
            f"| {page.name} | {load.requests_per_second:,.1f} | {_latency(load, load.p50_ms)} "
            f"| {_latency(load, load.p99_ms)} | {row.html_bytes:,} | {row.gzip_bytes:,} "
            f"| {row.queries} | {row.c3_rps:,.1f} "
            f"| {share_of(row):.0%} | {', '.join(target) or '—'} | {verdict} |"
        )
    return lines


def _latency(load: WrkResult, ms: float) -> str:
    # wrk reports 0 for the latencies of a run in which no answer arrived.
    return f"{ms:.1f}" if load.requests else "—"
