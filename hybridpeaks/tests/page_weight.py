"""What a phone downloads on a cold open of Today, measured as production serves it.

Shared by the budget test (test_page_weight.py) and the by-hand gunicorn measurement in
docs/benchmarks.md, so both open the same realistic week.
"""

import gzip
import json
import re
from datetime import date, timedelta
from pathlib import Path

from accounts.tests.factories import AthleteFactory
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    endurance_prescription,
)

BUDGET = 60 * 1024  # DESIGN.md "athlete today, cold: ≤ 60 KB transferred, compressed"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
STATIC_REF = re.compile(r"""(?:href|src)="(/static/[^"]+)\"""")
SHELL_REF = re.compile(r"""["'](/static/[^"']+)["']""")
OFFLINE_URLS = re.compile(r"<ul hidden data-offline-urls>(.*?)</ul>", re.S)
LIST_ITEM = re.compile(r"<li>(.*?)</li>")
SERVICE_WORKER = re.compile(r'data-sw="([^"]+)"')
MANIFEST = re.compile(r'<link rel="manifest" href="([^"]+)"')


def realistic_week(today: date, email: str = "sam@example.com"):
    """An athlete's week of 10 sessions, 5 of them strength with 6 exercises each, nothing
    logged yet (every log form is kept offline), 1RMs so each lift shows a target in kg.
    Today holds a strength and an endurance session."""
    athlete = AthleteFactory(user__email=email, user__time_zone="UTC")
    monday = today - timedelta(days=today.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    lifts = [ExerciseFactory(name=f"Lift number {n}") for n in range(1, 7)]
    for lift in lifts:
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=lift, value=140)
    item = {
        "sets": 5,
        "reps": 5,
        "intensity": {"type": "percent_1rm", "value": 75},
        "restSeconds": 180,
        "tempo": "3010",
    }
    others = [monday + timedelta(days=n) for n in range(7) if monday + timedelta(days=n) != today]
    days = [today, *others]
    for n in range(5):
        TrainingSessionFactory(
            plan=plan,
            date=days[n],
            type="strength",
            focus=f"Strength {n + 1}",
            estimated_duration=75,
            prescription={"exercises": [{**item, "exerciseId": str(x.pk)} for x in lifts]},
        )
        TrainingSessionFactory(
            plan=plan, date=days[n], focus=f"Run {n + 1}", prescription=endurance_prescription()
        )
    return athlete


def body_size(response) -> int:
    """Bytes on the wire for the body (compressed when the server compressed it)."""
    return len(b"".join(response.streaming_content) if response.streaming else response.content)


def text_of(response) -> str:
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


def static_size(static_root: Path, url: str) -> int:
    """What whitenoise sends for a static URL: its .gz copy when it made one, else the file."""
    path = static_root / url.removeprefix("/static/")
    compressed = path.with_name(path.name + ".gz")
    return (compressed if compressed.exists() else path).stat().st_size


def cold_open(client, static_root: Path) -> dict[str, int]:
    """Every response a cold open of Today costs, URL → compressed bytes: the page, its
    styles and scripts, the manifest and its install icon, the service worker and what it
    keeps at install, and the week's log forms outbox.js keeps for offline use. A static file
    counts once (the service worker's copy comes from the browser's HTTP cache: hashed names
    are immutable). Bodies only, as in docs/benchmarks.md; headers are not counted."""
    sizes = {}
    page = client.get("/today/", **GZIP)
    sizes["/today/"] = body_size(page)
    # outbox.js keeps the page itself offline too: it fetches it a second time.
    sizes["/today/ (offline copy)"] = body_size(client.get("/today/", **GZIP))
    html = text_of(page)
    statics = set(STATIC_REF.findall(html))
    for url in SERVICE_WORKER.findall(html):
        response = client.get(url, **GZIP)
        sizes[url] = body_size(response)
        statics |= set(SHELL_REF.findall(text_of(response)))
    for url in MANIFEST.findall(html):
        response = client.get(url, **GZIP)
        sizes[url] = body_size(response)
        # A phone that offers to install the app fetches one icon (Chromium: the 192 px one).
        icons = json.loads(text_of(response))["icons"]
        statics |= {icon["src"] for icon in icons if icon["sizes"] == "192x192"}
    offline = OFFLINE_URLS.search(html)
    for url in LIST_ITEM.findall(offline.group(1)) if offline else []:
        sizes[url] = body_size(client.get(url, **GZIP))
    sizes.update({url: static_size(static_root, url) for url in statics})
    return sizes
