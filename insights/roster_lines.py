"""Each athlete's roster figures, kept in `RosterLine` and refreshed by the writes that change
them: completion over the last 7, 30 and 90 days (and the 30 before, for the drop flag), the
last log, the last very hard session and whether next week is planned.

Why kept: a roster of a hundred athletes would otherwise count about 6,000 sessions and
their logs on every visit (≈ 10 ms of PostgreSQL alone). Why it cannot go stale: every save or
delete of a plan, session or log raises its athlete's `version` in the same transaction (the
signal receivers below; bulk writes send `training.signals.plans_changed`), and figures are
used only while computed at the current version and for the reader's today. The figures of
stale athletes are computed in a fixed number of queries, whatever their number, and stored
only where the version read beforehand still stands (a write that commits meanwhile wins).
"""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db.models import (
    Case,
    F,
    FilteredRelation,
    Max,
    Q,
    Value,
    When,
)
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime

from insights.engine.inputs import Logged, Planned
from insights.engine.metrics import session_minutes
from insights.engine.planned import planned_session_minutes
from insights.models import RosterLine
from logging_app.models import WorkoutLog
from training.models import TrainingPlan, TrainingSession
from training.selectors import monday_of
from training.signals import plans_changed

# A session RPE at or above this is "very hard" (convention), flagged for 7 days.
HIGH_SESSION_RPE = 9

# The completion windows, in days ending today; "prior30" is the 30 days before the last 30.
WINDOWS = {"7": (0, 7), "30": (0, 30), "90": (0, 90), "prior30": (30, 60)}
LONGEST = max(end for _, end in WINDOWS.values())


def figures_of(athletes: dict, today: date) -> dict:
    """Athlete id → figures, for `athletes` = {id: (version, computed_version, as_of,
    figures)} as the roster read them (None for an athlete without a line yet). Fresh figures
    are returned as read; the others are computed, stored where still current, and returned."""
    stale = {
        athlete_id: line
        for athlete_id, line in athletes.items()
        if line is None or line[2] != today or line[1] != line[0]
    }
    figures = {
        athlete_id: line[3] for athlete_id, line in athletes.items() if athlete_id not in stale
    }
    if stale:
        versions = _versions_read(stale)
        computed = compute(list(stale), today)
        _store(computed, versions, today)
        figures.update(computed)
    return figures


def _versions_read(stale: dict) -> dict:
    """The version each stale athlete's figures will be computed at: as read, or 0 for a line
    created now (one INSERT for all; a line another request created first is left alone)."""
    missing = [athlete_id for athlete_id, line in stale.items() if line is None]
    if missing:
        RosterLine.objects.bulk_create(
            [RosterLine(athlete_id=athlete_id) for athlete_id in missing], ignore_conflicts=True
        )
    return {athlete_id: 0 if line is None else line[0] for athlete_id, line in stale.items()}


def _store(computed: dict, versions: dict, today: date) -> None:
    """One UPDATE: each line takes its new figures only if its version is still the one read."""
    current = {a: Q(athlete_id=a, version=versions[a]) for a in computed}

    def where_current(values: dict, field: str):
        kind = RosterLine._meta.get_field(field)
        cases = [When(current[a], then=Value(v, output_field=kind)) for a, v in values.items()]
        return Case(*cases, default=F(field), output_field=kind)

    RosterLine.objects.filter(athlete_id__in=list(computed)).update(
        figures=where_current(computed, "figures"),
        as_of=where_current(dict.fromkeys(computed, today), "as_of"),
        computed_version=where_current({a: versions[a] for a in computed}, "computed_version"),
    )


def compute(athlete_ids: list, today: date) -> dict:
    """The figures of these athletes, in three queries: their published sessions of the last
    LONGEST days with each one's own log, their logs' latest times, next week's plans."""
    first = today - timedelta(days=LONGEST - 1)
    sessions = (
        TrainingSession.objects.filter(
            plan__in=TrainingPlan.objects.standing().published().filter(athlete_id__in=athlete_ids),
            date__range=(first, today),
        )
        .annotate(own_log=FilteredRelation("logs", condition=Q(logs__athlete=F("plan__athlete"))))
        .values_list(
            "plan__athlete_id", "date", "type", "prescription", "estimated_duration",
            "own_log__id", "own_log__actual_data",
        )
    )  # fmt: skip
    windows = defaultdict(lambda: {name: [0, 0, 0, 0] for name in WINDOWS})
    for athlete_id, day, kind, prescription, estimate, log_id, actual in sessions.iterator():
        if day == today and log_id is None:
            continue  # not due yet: today's session may still be done
        planned = planned_session_minutes(Planned("", day, kind, prescription, estimate))
        done = None
        if log_id is not None and planned is not None:
            log = Logged(None, day, kind, actual, estimated_duration=estimate)
            done = session_minutes(log) or 0.0
        age = (today - day).days
        for name, (start, end) in WINDOWS.items():
            if start <= age < end:
                counts = windows[athlete_id][name]
                counts[0] += 1
                counts[1] += log_id is not None
                counts[2] += planned or 0
                counts[3] += done or 0
    latest = (
        WorkoutLog.objects.filter(athlete_id__in=athlete_ids)
        .order_by()
        .values("athlete_id")
        .annotate(
            last=Max("completed_at"),
            hard=Max("completed_at", filter=Q(rpe__gte=HIGH_SESSION_RPE)),
        )
        .values_list("athlete_id", "last", "hard")
    )
    times = {athlete_id: (last, hard) for athlete_id, last, hard in latest}
    next_monday = monday_of(today) + timedelta(days=7)
    next_week = dict(
        TrainingPlan.objects.standing()
        .filter(athlete_id__in=athlete_ids, week_start_date=next_monday)
        .order_by("published_at")  # a published plan, if any, is read last and wins
        .values_list("athlete_id", "published_at")
    )
    figures = {}
    for athlete_id in athlete_ids:
        last, hard = times.get(athlete_id, (None, None))
        counted = windows[athlete_id]
        figures[athlete_id] = {
            "windows": {name: [round(n) for n in counts] for name, counts in counted.items()},
            "lastLogAt": last and last.isoformat(),
            "hardLogAt": hard and hard.isoformat(),
            "nextWeek": (
                "none" if athlete_id not in next_week
                else "published" if next_week[athlete_id] else "draft"
            ),
        }  # fmt: skip
    return figures


def moment(text: str | None) -> datetime | None:
    """A time as figures hold it (ISO text), back as a datetime."""
    return None if text is None else parse_datetime(text)


# --- Keeping the figures current -----------------------------------------------------------


def forget(athlete_ids) -> None:
    """These athletes' figures no longer hold: raise their versions (one UPDATE). `athlete_ids`
    may be a list or a values_list queryset (read as a subquery)."""
    RosterLine.objects.filter(athlete_id__in=athlete_ids).update(version=F("version") + 1)


@receiver([post_save, post_delete], sender=WorkoutLog)
def _log_changed(sender, instance, **kwargs):
    forget([instance.athlete_id])


@receiver([post_save, post_delete], sender=TrainingPlan)
def _plan_changed(sender, instance, **kwargs):
    forget([instance.athlete_id])


@receiver([post_save, post_delete], sender=TrainingSession)
def _session_changed(sender, instance, **kwargs):
    # The plan's athlete, read by id: a session deleted with its plan still knows plan_id.
    forget(TrainingPlan.objects.filter(pk=instance.plan_id).values_list("athlete_id"))


@receiver(plans_changed)
def _plans_changed(sender, athlete_ids, **kwargs):
    forget(athlete_ids)
