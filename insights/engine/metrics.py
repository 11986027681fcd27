"""Adherence and training load: Foster's session RPE (or Edwards' heart-rate TRIMP for a
watch activity without one), monotony, strain, acute:chronic ratio.

One small pure function per metric of insights-reference.md "Load", so each can be checked
by hand. Loads are floats in arbitrary units (AU); rounding happens only when a number is
shown. Strength and endurance metrics live in `strength.py` and `endurance.py`.
"""

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from insights.engine.inputs import DAYS_IN_WEEK, Logged, Planned
from insights.engine.text import weekday
from training.prescription import minutes_of

# EWMA smoothing, λ = 2/(N+1) (Williams et al. 2017): 7-day acute, 28-day chronic.
ACUTE_LAMBDA = 2 / (7 + 1)
CHRONIC_LAMBDA = 2 / (28 + 1)
# The chronic average means little before four weeks of data (insights-reference "Load").
MIN_HISTORY_DAYS = 28
# Convention: an EWMA starts from the mean of its first week of daily values rather than
# from 0 (which would read every athlete's first months as a sudden jump) or from the first
# day alone (which may be a rest day).
SEED_DAYS = 7
# Strain is judged against the athlete's own weeks: above their 90th percentile is unusual.
STRAIN_PERCENTILE = 90
# Convention: fewer weeks than this give no meaningful percentile, so the rule stays silent.
MIN_STRAIN_HISTORY_WEEKS = 4
ADHERENCE_PLACES = Decimal("0.001")
# Edwards' TRIMP (Edwards 1993): each minute in heart-rate zone N weighs N.
EDWARDS_ZONE_WEIGHTS = (1, 2, 3, 4, 5)
# Convention: one Edwards TRIMP unit counts as 2 AU of session-RPE load, because on Borg's
# CR-10 scale heart-rate zone N feels roughly like RPE 2N (zone 2, easy, about RPE 4; zone 5
# about RPE 10). A heart-rate load is never added to session-RPE load without this stated
# factor, and the summary names the activities counted this way (insights-reference).
TRIMP_AU_PER_UNIT = 2.0


# --- Adherence -------------------------------------------------------------------------


def logged_session_ids(logs: Iterable[Logged]) -> set[str]:
    return {str(log.session_id) for log in logs if log.session_id is not None}


def done_sessions(planned: Iterable[Planned], logs: Iterable[Logged]) -> list[Planned]:
    """Planned sessions that have a log.

    A log counts, whatever it holds: an endurance session stopped early (`completed: false`)
    or a strength session with skipped exercises was still attended; how it went is judged
    separately (cut short, skipped and modified exercises), not by adherence.
    """
    ids = logged_session_ids(logs)
    return [session for session in planned if str(session.session_id) in ids]


def missed_sessions(planned: Iterable[Planned], logs: Iterable[Logged]) -> list[Planned]:
    """Planned sessions without a log, in date order."""
    ids = logged_session_ids(logs)
    missed = [session for session in planned if str(session.session_id) not in ids]
    return sorted(missed, key=lambda session: (session.date, session.type))


def adherence(done: int, planned: int) -> Decimal | None:
    """done ÷ planned, 0–1 to three places; None when nothing was planned."""
    if planned == 0:
        return None
    return (Decimal(done) / Decimal(planned)).quantize(ADHERENCE_PLACES, ROUND_HALF_UP)


def missed_by_type(missed: Iterable[Planned]) -> dict[str, int]:
    return dict(sorted(Counter(session.type for session in missed).items()))


def missed_by_weekday(missed: Iterable[Planned]) -> dict[str, int]:
    """Misses per weekday name, Monday first."""
    ordered = sorted(missed, key=lambda session: session.date.weekday())
    return dict(Counter(weekday(session.date) for session in ordered))


# --- Session load ----------------------------------------------------------------------


def session_minutes(log: Logged) -> float | None:
    """Minutes of a logged session: endurance → its logged duration; strength → its logged
    duration if any, else the planned estimated duration."""
    logged = minutes_of(log.actual_data.get("duration"))
    if log.type == "endurance" or logged is not None:
        return logged
    return None if log.estimated_duration is None else float(log.estimated_duration)


class LoadMethod(StrEnum):
    """How a log's load was counted, so the summary can say it."""

    SESSION_RPE = "session RPE × minutes"
    HEART_RATE = "heart rate (Edwards' TRIMP)"
    VOLUME_ONLY = "volume only"


def load_method(log: Logged) -> LoadMethod:
    """The athlete's own RPE first; without one, the heart rate a watch file recorded; without
    either, the log counts in volume (duration, distance) only."""
    if log.rpe is not None:
        return LoadMethod.SESSION_RPE
    if edwards_trimp(log) is not None:
        return LoadMethod.HEART_RATE
    return LoadMethod.VOLUME_ONLY


def edwards_trimp(log: Logged) -> float | None:
    """Σ minutes in heart-rate zone N × N over the five zones (the log's `zoneMinutes`, worked
    out from the athlete's HR_zone benchmarks when the file was imported); None without them
    or when no minute had a heart rate."""
    zones = log.actual_data.get("zoneMinutes")
    if not isinstance(zones, list | tuple) or len(zones) != len(EDWARDS_ZONE_WEIGHTS):
        return None
    minutes = [m for m in zones if isinstance(m, int | float) and not isinstance(m, bool)]
    if len(minutes) != len(zones) or not any(minutes):
        return None
    return float(sum(weight * m for weight, m in zip(EDWARDS_ZONE_WEIGHTS, minutes, strict=True)))


def session_load(log: Logged) -> float | None:
    """The log's load in AU by its load_method: Foster's session RPE × minutes, or Edwards'
    TRIMP × TRIMP_AU_PER_UNIT; None without an RPE or heart rate, or with an RPE but no minutes."""
    if log.rpe is not None:
        minutes = session_minutes(log)
        return None if minutes is None else float(log.rpe) * minutes
    trimp = edwards_trimp(log)
    return None if trimp is None else trimp * TRIMP_AU_PER_UNIT


def by_load_method(logs: Iterable[Logged]) -> dict[LoadMethod, int]:
    """How many logs each method counted, every method present (0 when none)."""
    counts = Counter(load_method(log) for log in logs)
    return {method: counts[method] for method in LoadMethod}


def without_rpe(logs: Iterable[Logged]) -> int:
    """Logs without an RPE or heart rate: counted in volume only, not in the load."""
    return by_load_method(logs)[LoadMethod.VOLUME_ONLY]


def without_minutes(logs: Iterable[Logged]) -> int:
    """Sessions with an RPE but no duration anywhere: also left out of the load."""
    return sum(1 for log in logs if log.rpe is not None and session_minutes(log) is None)


def loads_by_day(items, start: dt.date, days: int, *, day_of, load_of) -> list[float]:
    """Sum each item's load onto its day from `start`; days without one are 0, and items
    outside the range or without a load are left out. Shared by done and planned loads."""
    loads = [0.0] * days
    for item in items:
        index = (day_of(item) - start).days
        load = load_of(item)
        if 0 <= index < days and load is not None:
            loads[index] += load
    return loads


def daily_loads(logs: Iterable[Logged], start: dt.date, days: int = DAYS_IN_WEEK) -> list[float]:
    """Load per day from `start`, by local completion date; rest days are 0."""
    return loads_by_day(
        logs, start, days, day_of=lambda log: log.completed_on, load_of=session_load
    )


def weekly_load(daily: Sequence[float]) -> float:
    return float(sum(daily))


def monotony(daily: Sequence[float]) -> float | None:
    """Mean ÷ population SD of the daily loads (zeros included); None when SD is 0."""
    spread = statistics.pstdev(daily) if daily else 0.0
    if spread == 0:
        return None
    return statistics.fmean(daily) / spread


def strain(weekly: float, week_monotony: float | None) -> float | None:
    """Weekly load × monotony (Foster 1998)."""
    return None if week_monotony is None else weekly * week_monotony


# --- Acute:chronic ratio ---------------------------------------------------------------


def ewma(series: Sequence[float], smoothing: float) -> list[float]:
    """EWMA_t = λ·x_t + (1−λ)·EWMA_{t−1}, seeded with the mean of the first SEED_DAYS."""
    if not series:
        return []
    value = statistics.fmean(series[:SEED_DAYS])
    smoothed = []
    for x in series:
        value = smoothing * x + (1 - smoothing) * value
        smoothed.append(value)
    return smoothed


def acwr(series: Sequence[float], history_days: int) -> float | None:
    """The week's acute:chronic load ratio (Williams et al. 2017).

    `series` is the daily load from the start of the history to this Sunday, of which
    `history_days` precede this week. Each day's ratio is its 7-day EWMA ÷ its 28-day
    EWMA; the week's ratio is the mean of its 7 daily ratios (convention), because the
    ratio of a single day swings with rest days: a steady athlete whose Sunday is a rest
    day would otherwise read 0.8 every week.
    """
    if history_days < MIN_HISTORY_DAYS or len(series) < history_days + DAYS_IN_WEEK:
        return None
    days = slice(-DAYS_IN_WEEK, None)
    pairs = zip(ewma(series, ACUTE_LAMBDA)[days], ewma(series, CHRONIC_LAMBDA)[days], strict=True)
    ratios = [acute / chronic for acute, chronic in pairs if chronic > 0]
    return statistics.fmean(ratios) if ratios else None


def chronic_weekly_load(series: Sequence[float], history_days: int) -> float | None:
    """The 28-day EWMA at the week's end as a weekly figure (× 7), for "keep next week
    under …" advice; None with under MIN_HISTORY_DAYS of history."""
    if history_days < MIN_HISTORY_DAYS or not series:
        return None
    return ewma(series, CHRONIC_LAMBDA)[-1] * DAYS_IN_WEEK


# --- Strain against the athlete's own history ------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default method)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * pct / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def history_strains(series: Sequence[float], history_days: int) -> list[float]:
    """Strain of each whole week of history before this one (weeks without a defined
    monotony are skipped); `series` starts `history_days` before this Monday."""
    strains = []
    for end in range(history_days, DAYS_IN_WEEK - 1, -DAYS_IN_WEEK):
        week = series[end - DAYS_IN_WEEK : end]
        value = strain(weekly_load(week), monotony(week))
        if value is not None:
            strains.append(value)
    return strains


def strain_threshold(strains: Sequence[float]) -> float | None:
    """The athlete's STRAIN_PERCENTILE of weekly strain; None with too few weeks."""
    if len(strains) < MIN_STRAIN_HISTORY_WEEKS:
        return None
    return percentile(strains, STRAIN_PERCENTILE)
