"""The coach's roster: a compact, sortable table with a row per athlete — completion over 7,
30 and 90 days, the latest summary's flags by week and severity, the last log, and what needs
attention (a drop in completion, no plan next week, a very hard session).

A coach may have a hundred athletes, so the page reads a fixed number of queries whatever the
roster size (DESIGN.md: ≤ 10): the athletes with their kept figures (1; insights/roster_lines.py,
which computes and stores the stale ones in 5 more), and the latest summaries (1). Rows are
written to HTML here, one format string each: through the template engine a hundred rows of
eight cells cost more than all the rest of the page.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from uuid import UUID

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.safestring import mark_safe

from accounts.permissions import athletes_visible_to
from hybridpeaks.core.formatting import percent
from hybridpeaks.core.templatetags.site_links import url_of
from insights.engine.finding import KIND_ORDER
from insights.models import AIWeeklySummary
from insights.roster_lines import HIGH_SESSION_RPE, figures_of, moment
from training.models import TrainingPlan
from training.selectors import standing_by_week

# Summaries older than this are not "the latest" a coach acts on.
SUMMARY_HORIZON = timedelta(weeks=8)

# A 30-day completion this many points under the 30 days before is flagged
# (insights-reference.md, "Completion over 7/30/90 days").
DROP_POINTS = 20

# The completion columns: the figures' window names, as headed in the table.
COMPLETION_COLUMNS = (("7", "7 days"), ("30", "30 days"), ("90", "90 days"))


@dataclass
class RosterRow:
    athlete_id: UUID
    name: str
    figures: dict
    summary: dict | None = None  # the latest summary: week_end_date, patterns' kinds
    links: dict = field(default_factory=dict)

    def completion(self, window: str) -> float | None:
        """Sessions done ÷ planned in the window; None when nothing was due."""
        planned, done, _, _ = self.figures["windows"][window]
        return done / planned if planned else None

    def duration_completion(self, window: str) -> float | None:
        """Minutes done ÷ planned in the window; None when no planned minutes were due."""
        _, _, planned, done = self.figures["windows"][window]
        return done / planned if planned else None

    @property
    def drop(self) -> int | None:
        """Points the 30-day completion fell against the 30 days before, if DROP_POINTS+."""
        now, before = self.completion("30"), self.completion("prior30")
        if now is None or before is None:
            return None
        points = round((before - now) * 100)
        return points if points >= DROP_POINTS else None

    @property
    def missed(self) -> int:
        planned, done, _, _ = self.figures["windows"]["7"]
        return planned - done

    def flags(self, now: datetime) -> list[str]:
        """Short, for a table cell; the summary's own patterns are on its page."""
        flags = []
        if self.drop:
            flags.append(f"30-day completion down {self.drop} points")
        next_week = self.figures["nextWeek"]
        if next_week == "none":
            flags.append("No plan next week")
        elif next_week == "draft":
            flags.append("Next week not published")
        hard = moment(self.figures["hardLogAt"])
        if hard and hard >= now - timedelta(days=7):
            flags.append(f"RPE {HIGH_SESSION_RPE}+ in 7 days")
        if self.missed:
            flags.append(f"{self.missed} missed in 7 days")
        return flags


def roster(user, today: date, sort: str = "name") -> list[RosterRow]:
    """A row per athlete `user` may see, sorted by `sort` (SORTS), links included."""
    scope = athletes_visible_to(user)
    athletes = scope.order_by("name").values_list(
        "pk",
        "name",
        "roster_line__version",
        "roster_line__computed_version",
        "roster_line__as_of",
        "roster_line__figures",
    )
    names, lines = {}, {}
    for athlete_id, name, version, computed, as_of, figures in athletes:
        names[athlete_id] = name
        lines[athlete_id] = None if version is None else (version, computed, as_of, figures)
    figures = figures_of(lines, today)
    rows = {a: RosterRow(a, name, figures[a]) for a, name in names.items()}
    _attach_latest_summaries(rows, scope, today)
    _attach_links(rows)
    key, reverse_order = sort_key(sort)
    return sorted(rows.values(), key=key, reverse=reverse_order)


def _missing_last(value):
    """Sort key part: known values first (ascending), then the unknown."""
    return (value is None, value or 0)


# Each sort puts what needs attention first: lowest completion, oldest log, most flags.
SORTS = {
    "name": lambda row: row.name.casefold(),
    **{
        window: (lambda row, window=window: _missing_last(row.completion(window)))
        for window, _ in COMPLETION_COLUMNS
    },
    "summary": lambda row: _summary_rank(row.summary),
    "last_log": lambda row: row.figures["lastLogAt"] or "",
}


HEADINGS = (
    ("name", "Athlete"),
    *COMPLETION_COLUMNS,
    ("summary", "Latest summary"),
    ("last_log", "Last log"),
    (None, "Needs attention"),
    (None, "Plan"),
)


def columns(sort: str) -> list[dict]:
    """The table's headings: label, the sort a click asks for (the other way round if it is
    the current one) and aria-sort for the current one."""
    name, backwards = sort.removeprefix("-"), sort.startswith("-")
    if name not in SORTS:
        name, backwards = "name", False
    result = []
    for key, label in HEADINGS:
        current = key == name
        result.append(
            {
                "label": label,
                "sort": key,
                "next": f"-{key}" if current and not backwards else key,
                "sorted": ("descending" if backwards else "ascending") if current else "",
            }
        )
    return result


def sort_key(sort: str):
    """(key, reverse) for `sort`, a SORTS name with an optional "-" for the other way; an
    unknown name sorts by name, as a hand-edited URL deserves."""
    name = sort.removeprefix("-")
    if name not in SORTS:
        return SORTS["name"], False
    return SORTS[name], sort.startswith("-")


def _summary_rank(summary) -> tuple:
    """Summaries with the most severe flags first: counts by kind, safety first, negated."""
    if not summary:
        return (1,)
    counts = Counter(summary["pattern_kinds"])
    return (0, *(-counts[kind] for kind in KIND_ORDER))


def ago(moment_: datetime, now: datetime) -> str:
    """How long ago, in hours then days ("3 h ago", "2 d ago"): what a roster needs of the
    last log's time, at a fraction of the cost of the timesince filter."""
    hours = int((now - moment_).total_seconds() // 3600)
    if hours < 1:
        return "within the hour"
    return f"{hours} h ago" if hours < 24 else f"{hours // 24} d ago"


def _attach_links(rows: dict) -> None:
    """Each row's links: the athlete page, plan next week, the latest summary (url_of: each
    URL reversed once, the row's own values written in)."""
    for athlete_id, row in rows.items():
        row.links = {
            "athlete": url_of("training:athlete", athlete_id),
            "next_week": url_of("training:next_week", athlete_id),
        }
        if row.summary:
            week_end = row.summary["week_end_date"]
            row.links["summary"] = url_of("insights:athlete_summary", athlete_id, week_end)


def _attach_latest_summaries(rows: dict, athletes, today: date) -> None:
    """Each athlete's latest weekly summary within SUMMARY_HORIZON: its week and the kinds of
    its patterns (their texts are on its page), in one query."""
    latest = (
        AIWeeklySummary.objects.filter(athlete_id=OuterRef("athlete_id"))
        .order_by("-week_end_date")
        .values("week_end_date")[:1]
    )
    summaries = AIWeeklySummary.objects.filter(
        athlete__in=athletes,
        week_end_date__gte=today - SUMMARY_HORIZON,
        week_end_date=Subquery(latest),
    ).values(
        "athlete_id",
        "week_end_date",
        "pattern_kinds",
        pattern_count=JSONArrayLength(F("patterns")),
    )
    for summary in summaries:
        rows[summary.pop("athlete_id")].summary = summary


class JSONArrayLength(Func):
    """How many items a JSON list column holds, counted by the database (no list loaded)."""

    function = "JSON_ARRAY_LENGTH"
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSONB_ARRAY_LENGTH", **extra)


# --- The table's HTML ------------------------------------------------------------------------


def completion_cell(row: RosterRow, window: str) -> str:
    """ "3/4 · 95% of time": sessions done of those due, and the share of planned minutes."""
    planned, done, planned_minutes, _ = row.figures["windows"][window]
    if not planned:
        return "—"
    share = row.duration_completion(window)
    time = f" · {percent(share)}" if share is not None and planned_minutes else ""
    return f"{done}/{planned}{time}"


def summary_cell(row: RosterRow) -> str:
    """The latest summary's week and its flags counted by severity, linked to it (HTML)."""
    if not row.summary:
        return "none"
    kinds, count = row.summary["pattern_kinds"], row.summary["pattern_count"]
    if len(kinds) == count:
        counts = Counter(kinds)
        labels = ", ".join(f"{counts[kind]} {kind}" for kind in KIND_ORDER if counts[kind])
    else:  # written before kinds were kept: counted, and its page lists them
        labels = f"{count} flag{'s' if count != 1 else ''}"
    week = f"{row.summary['week_end_date']:%-d %b}"
    return f'<a href="{escape(row.links["summary"])}">w/e {week}</a>: {labels or "no flags"}'


def row_html(row: RosterRow, now: datetime) -> str:
    """One <tr>. Built with f-strings, every text that is not our own fixed wording escaped
    (html.escape): format_html's lazy safe strings cost more than the rest of the page."""
    last_log = moment(row.figures["lastLogAt"])
    cells = "".join(f"<td>{completion_cell(row, w)}</td>" for w, _ in COMPLETION_COLUMNS)
    return (
        f'<tr><th scope="row"><a href="{escape(row.links["athlete"])}">{escape(row.name)}</a>'
        f"</th>{cells}<td>{summary_cell(row)}</td>"
        f"<td>{ago(last_log, now) if last_log else 'none'}</td>"
        f"<td>{' · '.join(f'<span>{escape(flag)}</span>' for flag in row.flags(now))}</td>"
        f'<td><a href="{escape(row.links["next_week"])}">Plan next week</a></td></tr>'
    )


def table_rows(rows: list[RosterRow]) -> str:
    """The table body's HTML, safe to insert as it is."""
    now = timezone.now()
    return mark_safe("\n".join(row_html(row, now) for row in rows))  # noqa: S308 (escaped above)


def weeks_counted(athletes, mondays, today: date) -> dict[tuple, dict]:
    """The standing plan of each (athlete, Monday) that has one, as a dict of its id, status,
    version and publication with its sessions counted in SQL: planned, done (logged) and
    missed (not logged, dated before today). `athletes` is ids or a queryset. One query
    whatever the number of sessions (subqueries per plan cost as much in the database and more
    to build). A session's log is its athlete's: the log services refuse any other."""
    unlogged = Q(sessions__logs__isnull=True)
    plans = (
        TrainingPlan.objects.standing()
        .filter(athlete__in=athletes, week_start_date__in=mondays)
        .order_by()
        .values("id", "athlete_id", "week_start_date", "status", "version", "published_at")
        .annotate(
            planned=Count("sessions", distinct=True),
            done=Count("sessions", filter=~unlogged, distinct=True),
            missed=Count("sessions", filter=unlogged & Q(sessions__date__lt=today), distinct=True),
        )
    )
    return standing_by_week(plans)
