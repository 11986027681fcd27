"""The coach's roster: each athlete's week at a glance and the flags a coach acts on.

Built in a fixed number of queries whatever the roster size (DESIGN.md: ≤ 10 per page):
athletes with their last log and hard-session flag (1), this and next week's sessions with
names, logs and targets (training.selectors.sessions_of_weeks, 5), and the latest summaries
(1). It lives in insights, the top of the stack, so it reads logs and summaries directly.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts.permissions import athletes_visible_to
from insights.models import AIWeeklySummary
from training.models import TrainingPlan
from training.selectors import monday_of, sessions_of_weeks

# A session RPE at or above this in the last 7 days is flagged (convention: "very hard").
HIGH_SESSION_RPE = 9


@dataclass
class RosterRow:
    athlete: object
    plan: TrainingPlan | None = None
    planned: int = 0
    done: int = 0
    missed: int = 0
    next_week_planned: bool = False
    missing_benchmarks: set[str] = field(default_factory=set)
    summary: AIWeeklySummary | None = None  # the latest weekly summary, if any

    @property
    def last_log_at(self):
        return self.athlete.last_log_at

    @property
    def flags(self) -> list[str]:
        flags = []
        if not self.next_week_planned:
            flags.append("No plan for next week")
        if self.missing_benchmarks:
            flags.append("Missing benchmarks: " + ", ".join(sorted(self.missing_benchmarks)))
        if self.athlete.hard_sessions:
            flags.append(f"Session RPE {HIGH_SESSION_RPE}+ in the last 7 days")
        if self.missed:
            flags.append(f"{self.missed} session{'s' if self.missed > 1 else ''} missed")
        return flags


def roster(user, today: date) -> list[RosterRow]:
    monday = monday_of(today)
    next_monday = monday + timedelta(days=7)
    week_ago = timezone.now() - timedelta(days=7)
    hard = Q(logs__rpe__gte=HIGH_SESSION_RPE, logs__completed_at__gte=week_ago)
    athletes = (
        athletes_visible_to(user)
        .select_related("user")
        .annotate(last_log_at=Max("logs__completed_at"), hard_sessions=Count("logs", filter=hard))
        .order_by("name")
    )
    rows = {athlete.pk: RosterRow(athlete) for athlete in athletes}
    weeks = sessions_of_weeks(rows, [monday, next_monday])
    for athlete_id, row in rows.items():
        this_week, next_week = weeks[athlete_id, monday], weeks[athlete_id, next_monday]
        row.plan = this_week.plan
        row.next_week_planned = next_week.plan is not None
        for view in this_week.views:
            done = bool(view.session.log_count)
            row.planned += 1
            row.done += done
            row.missed += not done and view.session.date < today
        for view in this_week.views + next_week.views:
            row.missing_benchmarks.update(view.missing)
    _attach_latest_summaries(rows, today)
    return list(rows.values())


# Summaries older than this are not "the latest" a coach acts on.
SUMMARY_HORIZON = timedelta(weeks=8)


def _attach_latest_summaries(rows: dict, today: date) -> None:
    """Each athlete's latest weekly summary, in one query."""
    recent = AIWeeklySummary.objects.filter(
        athlete_id__in=rows, week_end_date__gte=today - SUMMARY_HORIZON
    ).order_by("athlete_id", "-week_end_date")
    for summary in recent:
        row = rows[summary.athlete_id]
        row.summary = row.summary or summary
