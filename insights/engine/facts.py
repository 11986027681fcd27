"""Every metric of one athlete-week, computed once, for the rules and the summary to read.

Loads, volumes and set-level metrics use the logs completed within the week (a late log
belongs to the week it was done in); adherence matches this week's planned sessions to
any of `week.logs` by session id.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from insights.engine import endurance, metrics, planned, strength
from insights.engine.inputs import DAYS_IN_WEEK, Benchmark, Logged, Planned, Week, exercise_key
from insights.engine.text import num, plural
from training.targets import THRESHOLD_PACE_OFFSETS, Benchmarks

# Convention: a 1RM older than 12 weeks, or FTP, pace or heart-rate zones older than 8,
# is due for a retest (insights-reference "Rules").
STALE_1RM_WEEKS = 12
STALE_OTHER_WEEKS = 8


@dataclass(frozen=True)
class StaleBenchmark:
    label: str  # what a person reads: "1RM for Back squat", "FTP"
    established_at: dt.date
    limit_weeks: int


@dataclass(frozen=True)
class Facts:
    week: Week
    week_logs: tuple[Logged, ...]
    planned_count: int
    done_count: int
    done_as_planned_count: int
    adherence: Decimal | None
    missed: tuple[Planned, ...]
    daily_load: tuple[float, ...]
    planned_daily_load: tuple[float, ...]
    weekly_load: float
    monotony: float | None
    strain: float | None
    history_days: int
    acwr: float | None
    chronic_weekly_load: float | None
    strain_threshold: float | None
    strain_history_weeks: int
    sessions_without_rpe: int  # nor heart rate: counted in volume only
    sessions_by_heart_rate: int  # no RPE; load from Edwards' TRIMP
    sessions_without_minutes: int
    tonnage: float
    set_deltas: tuple[strength.SetDelta, ...]
    session_e1rms: Mapping[str, list[tuple[dt.date, float]]]
    one_rms: Mapping[str, Benchmark]
    exercise_changes: tuple[strength.ExerciseChange, ...]
    endurance_minutes: float
    by_modality: Mapping[str, Mapping[str, float]]
    hr_bounds: Mapping[int, float]
    ctl: float | None
    atl: float | None
    tsb: float | None
    ctl_ramp: float | None
    stale_benchmarks: tuple[StaleBenchmark, ...]


def load_basis(f: Facts) -> str:
    """Which method counted the week's load, with how many sessions each: "(session RPE ×
    minutes) from 4 sessions", and the watch activities without an RPE counted by heart rate
    with the factor that converts them (metrics.TRIMP_AU_PER_UNIT)."""
    by_rpe = len(f.week_logs) - f.sessions_without_rpe - f.sessions_by_heart_rate
    by_rpe -= f.sessions_without_minutes
    if not f.sessions_by_heart_rate:
        return f"(session RPE × minutes) from {plural(by_rpe, 'session')}"
    by_heart_rate = (
        f"{plural(f.sessions_by_heart_rate, 'activity', 'activities')} without an RPE by heart "
        f"rate (Edwards' TRIMP, minutes in zone × zone number, × "
        f"{num(metrics.TRIMP_AU_PER_UNIT)} AU)"
    )
    if not by_rpe:
        return f"from {by_heart_rate}"
    return f"from {plural(by_rpe, 'session')} by session RPE × minutes and {by_heart_rate}"


def heart_rate_note(f: Facts) -> str:
    """A sentence for a load finding's reasoning when some of the load came from heart rate,
    so the numbers quote their method; empty when every load was session RPE."""
    if not f.sessions_by_heart_rate:
        return ""
    return f" This week's load counts {load_basis(f).removeprefix('from ')}."


def _in_week(week: Week, log: Logged) -> bool:
    return week.week_start <= log.completed_on <= week.week_end


def _as_planned(log: Logged) -> bool:
    """Done as planned: no exercise skipped or changed, no endurance session cut short."""
    if log.type == "strength":
        return not strength.exercise_changes(log)
    return not endurance.cut_short(log)


def _stale(week: Week, index: Benchmarks) -> list[StaleBenchmark]:
    """Benchmarks this week's plan relies on that are older than their retest interval."""
    needed: dict[tuple[str, str | None], tuple[str, int]] = {}
    for session in week.planned:
        if session.type == "strength":
            for item in session.plan.items:
                if item.intensity.type == "percent_1rm":
                    key = exercise_key(item.exercise_id)
                    label = f"1RM for {week.name_of(key)}"
                    needed[("1RM", key)] = (label, STALE_1RM_WEEKS)
            continue
        if session.type != "endurance":
            continue
        kind = session.plan.intensity.type
        if kind == "ftp_percent":
            needed[("FTP", None)] = ("FTP", STALE_OTHER_WEEKS)
        elif kind == "heart_rate_zone":
            for zone in endurance.HR_ZONES:
                needed[(f"HR_zone_{zone}", None)] = ("heart-rate zones", STALE_OTHER_WEEKS)
        elif kind == "pace_zone":
            metric = next((m for m, _ in THRESHOLD_PACE_OFFSETS if index.value(m)), None)
            if metric:
                needed[(metric, None)] = ("threshold pace", STALE_OTHER_WEEKS)
    oldest: dict[str, StaleBenchmark] = {}
    for (metric, key), (label, limit) in needed.items():
        benchmark = index.newest.get((metric, key))
        if benchmark is None or week.week_end - benchmark.established_at <= dt.timedelta(
            weeks=limit
        ):
            continue
        known = oldest.get(label)
        if known is None or benchmark.established_at < known.established_at:
            oldest[label] = StaleBenchmark(label, benchmark.established_at, limit)
    return sorted(oldest.values(), key=lambda stale: (stale.established_at, stale.label))


def gather(week: Week) -> Facts:
    """Compute every metric the rules and the summary use."""
    logs = tuple(log for log in week.logs if _in_week(week, log))
    done = metrics.done_sessions(week.planned, week.logs)
    by_session = {str(log.session_id): log for log in week.logs if log.session_id is not None}
    as_planned = [s for s in done if _as_planned(by_session[str(s.session_id)])]

    daily = metrics.daily_loads(logs, week.week_start)
    methods = metrics.by_load_method(logs)
    weekly = metrics.weekly_load(daily)
    week_monotony = metrics.monotony(daily)
    history_days = week.history_days()
    days = history_days + DAYS_IN_WEEK
    series = metrics.daily_loads(week.all_logs(), week.series_start(), days)
    strains = metrics.history_strains(series, history_days)

    # Benchmarks set after the week ended did not apply to it.
    index = Benchmarks([b for b in week.benchmarks if b.established_at <= week.week_end])
    one_rms = {
        exercise_key(key): benchmark
        for (metric, key), benchmark in index.newest.items()
        if metric == "1RM" and key is not None
    }
    hr_bounds = {
        zone: float(value)
        for zone in endurance.HR_ZONES
        if (value := index.value(f"HR_zone_{zone}")) is not None
    }
    ftp = index.value("FTP")
    tss = endurance.daily_tss(
        week.all_logs(), week.series_start(), days, float(ftp) if ftp else None, hr_bounds
    )
    # Fitness and form mean nothing before enough history, or without endurance work.
    enough = history_days >= metrics.MIN_HISTORY_DAYS and any(tss)
    ctl, atl = endurance.fitness_and_fatigue(tss) if enough else ([], [])

    return Facts(
        week=week,
        week_logs=logs,
        planned_count=len(week.planned),
        done_count=len(done),
        done_as_planned_count=len(as_planned),
        adherence=metrics.adherence(len(done), len(week.planned)),
        missed=tuple(metrics.missed_sessions(week.planned, week.logs)),
        daily_load=tuple(daily),
        planned_daily_load=tuple(planned.planned_daily_loads(week.planned, week.week_start)),
        weekly_load=weekly,
        monotony=week_monotony,
        strain=metrics.strain(weekly, week_monotony),
        history_days=history_days,
        acwr=metrics.acwr(series, history_days),
        chronic_weekly_load=metrics.chronic_weekly_load(series, history_days),
        strain_threshold=metrics.strain_threshold(strains),
        strain_history_weeks=len(strains),
        sessions_without_rpe=methods[metrics.LoadMethod.VOLUME_ONLY],
        sessions_by_heart_rate=methods[metrics.LoadMethod.HEART_RATE],
        sessions_without_minutes=metrics.without_minutes(logs),
        tonnage=strength.tonnage(logs),
        set_deltas=tuple(d for log in logs for d in strength.rpe_deltas(log)),
        session_e1rms=strength.session_best_e1rms(logs),
        one_rms=one_rms,
        exercise_changes=tuple(c for log in logs for c in strength.exercise_changes(log)),
        endurance_minutes=endurance.endurance_minutes(logs),
        by_modality=endurance.volume_by_modality(logs),
        hr_bounds=hr_bounds,
        ctl=ctl[-1] if ctl else None,
        atl=atl[-1] if atl else None,
        tsb=endurance.form(ctl, atl),
        ctl_ramp=endurance.ctl_ramp(ctl),
        stale_benchmarks=tuple(_stale(week, index)),
    )
