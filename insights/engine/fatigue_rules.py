"""The fatigue rules of insights-reference.md "Rules": each returns a Finding or None.

Every fatigue finding holds progression: while one stands, nothing suggests more load.
Wording follows the reference: a load ratio is described as a jump against the athlete's
own average, never as a risk or a probability (its predictive value is disputed).
"""

import datetime as dt
import statistics
from collections import defaultdict

from hybridpeaks.core.formatting import percent
from insights.engine import endurance, metrics
from insights.engine.facts import Facts, heart_rate_note
from insights.engine.finding import FATIGUE, Finding
from insights.engine.inputs import Logged
from insights.engine.strength import exercises_of, number_or_none, sets_of
from insights.engine.text import day, fixed, listing, num, plural, signed
from training.prescription import planned_minutes

# Harder than planned: the session's median main-lift ΔRPE reaches +1 in ≥ 2 sessions.
HARDER_DELTA_RPE = 1.0
HARDER_MIN_SESSIONS = 2
# What to do about it: lower %1RM by 2.5–5 points, or hold the load and cap the RPE.
RPE_CAP = 8
MONOTONY_LIMIT = 2.0
MONOTONY_BETTER = 1.5
LOAD_JUMP_RATIO = 1.5
NEXT_WEEK_RATIO_CAP = 1.3
USUAL_RATIO_RANGE = (0.8, 1.3)
# Easy too hard: ≥ half of the zone 1–2 sessions above the zone-2 ceiling (judged only
# with at least 2 such sessions with heart rate, a convention), or RPE ≥ 7 on 2 of them.
EASY_ABOVE_CEILING_SHARE = 0.5
EASY_MIN_SESSIONS_WITH_HR = 2
EASY_HARD_RPE = 7
EASY_HARD_RPE_SESSIONS = 2
DEEP_FATIGUE_TSB = -30
FAST_CTL_RAMP = 8
# Interference (a coaching heuristic): endurance cut short within 24 h after lower-body
# strength at RPE ≥ 8, twice.
INTERFERENCE_RPE = 8
INTERFERENCE_WINDOW = dt.timedelta(hours=24)
INTERFERENCE_MIN_TIMES = 2


def harder_than_planned(f: Facts) -> Finding | None:
    """Median ΔRPE ≥ +1 on main lifts over ≥ 2 sessions."""
    by_session = defaultdict(list)
    for delta in f.set_deltas:
        if f.week.is_main_lift(delta.exercise_id):
            by_session[(delta.date, str(delta.session_id))].append(delta)
    hard = {
        key: statistics.median(d.delta for d in deltas)
        for key, deltas in sorted(by_session.items())
        if statistics.median(d.delta for d in deltas) >= HARDER_DELTA_RPE
    }
    if len(hard) < HARDER_MIN_SESSIONS:
        return None
    sessions = listing(f"{signed(median)} on {day(date)}" for (date, _), median in hard.items())
    lifts = defaultdict(list)
    for key in hard:
        for delta in by_session[key]:
            lifts[delta.exercise_id].append(delta)
    examples = "; ".join(
        f"{f.week.name_of(lift)}: expected RPE {num(statistics.median(d.expected for d in ds))}, "
        f"logged {num(statistics.median(d.logged for d in ds))}"
        for lift, ds in lifts.items()
    )
    overall = statistics.median(d.delta for ds in by_session.values() for d in ds)
    return Finding(
        rule="harder_than_planned",
        kind=FATIGUE,
        pattern="Main lifts felt harder than prescribed.",
        suggestion=(
            "Lower the main lifts by 2.5–5 %1RM next week, or hold the load and cap sets "
            f"at RPE {RPE_CAP}."
        ),
        reasoning=(
            f"The median ΔRPE on main lifts (logged set RPE minus the RPE the prescription "
            f"implies) was {sessions}: {signed(HARDER_DELTA_RPE)} or more in "
            f"{len(hard)} sessions (week median {signed(overall)}). {examples}."
        ),
        numbers={"sessions": len(hard), "median_delta_rpe": round(overall, 2)},
        holds_progression=True,
    )


def monotony(f: Facts) -> Finding | None:
    if f.monotony is None or f.monotony <= MONOTONY_LIMIT:
        return None
    return Finding(
        rule="monotony",
        kind=FATIGUE,
        pattern=f"The training days were very alike (monotony {fixed(f.monotony)}).",
        suggestion="Add a rest day or an easy day next week.",
        reasoning=(
            f"Monotony (mean daily load ÷ its standard deviation) was {fixed(f.monotony, 2)} over "
            f"daily loads of {', '.join(num(x, 0) for x in f.daily_load)} AU; above "
            f"{num(MONOTONY_LIMIT)} the days are too alike, under {num(MONOTONY_BETTER)} is "
            "better."
        ),
        numbers={"monotony": round(f.monotony, 2)},
        holds_progression=True,
    )


def strain(f: Facts) -> Finding | None:
    """Strain above the athlete's own 12-week 90th percentile."""
    if f.strain is None or f.strain_threshold is None or f.strain <= f.strain_threshold:
        return None
    target = f.chronic_weekly_load
    return Finding(
        rule="strain",
        kind=FATIGUE,
        pattern="Strain was unusually high for you this week.",
        suggestion=(
            f"Keep next week's load at or under your recent average of {num(target, 0)} AU."
            if target is not None
            else "Keep next week's load at or under your recent average."
        ),
        reasoning=(
            f"Strain (weekly load × monotony) was {num(f.strain, 0)}, above your "
            f"{metrics.STRAIN_PERCENTILE}th percentile of {num(f.strain_threshold, 0)} over "
            f"the previous {plural(f.strain_history_weeks, 'week')}.{heart_rate_note(f)}"
        ),
        numbers={"strain": round(f.strain), "threshold": round(f.strain_threshold)},
        holds_progression=True,
    )


def load_jump(f: Facts) -> Finding | None:
    """Acute:chronic ≥ 1.5, worded as a jump, not a risk."""
    if f.acwr is None or f.acwr < LOAD_JUMP_RATIO or f.chronic_weekly_load is None:
        return None
    chronic = f.chronic_weekly_load
    low, high = USUAL_RATIO_RANGE
    return Finding(
        rule="load_jump",
        kind=FATIGUE,
        pattern=(
            f"This week's load was {fixed(f.acwr)}× your recent average, a bigger jump than usual."
        ),
        suggestion=(
            f"Keep next week at or under {num(chronic * NEXT_WEEK_RATIO_CAP, 0)} AU, "
            f"{num(NEXT_WEEK_RATIO_CAP)}× your recent weekly average of {num(chronic, 0)} AU."
        ),
        reasoning=(
            f"Acute:chronic load ratio {fixed(f.acwr, 2)} (the week's mean of each day's 7-day "
            f"÷ 28-day exponentially weighted load); your 28-day average, this week included, "
            f"is {num(chronic, 0)} AU a week. {num(low)}–{num(high)} is the usual range; "
            f"{num(LOAD_JUMP_RATIO)} or more is a large jump.{heart_rate_note(f)}"
        ),
        numbers={"acwr": round(f.acwr, 2), "chronic_weekly_load": round(chronic)},
        holds_progression=True,
    )


def easy_too_hard(f: Facts) -> Finding | None:
    easy = [log for log in f.week_logs if log.type == "endurance" and endurance.is_easy(log.plan)]
    ceiling = f.hr_bounds.get(2)
    with_hr = [log for log in easy if number_or_none(log.actual_data.get("avgHeartRate"))]
    above = [log for log in with_hr if ceiling and log.actual_data["avgHeartRate"] > ceiling]
    hard_rpe = [log for log in easy if log.rpe is not None and log.rpe >= EASY_HARD_RPE]
    by_hr = (
        ceiling is not None
        and len(with_hr) >= EASY_MIN_SESSIONS_WITH_HR
        and len(above) >= EASY_ABOVE_CEILING_SHARE * len(with_hr)
    )
    by_rpe = len(hard_rpe) >= EASY_HARD_RPE_SESSIONS
    if not by_hr and not by_rpe:
        return None
    reasons = []
    if by_hr:
        shown = listing(f"{day(g.completed_on)} {g.actual_data['avgHeartRate']} bpm" for g in above)
        reasons.append(
            f"{len(above)} of {len(with_hr)} zone 1–2 sessions with heart rate averaged above "
            f"the zone-2 ceiling of {num(ceiling, 0)} bpm ({shown})"
        )
    if by_rpe:
        shown = listing(f"{day(g.completed_on)} RPE {g.rpe}" for g in hard_rpe)
        reasons.append(
            f"{len(hard_rpe)} planned zone 1–2 sessions were rated RPE {EASY_HARD_RPE} or "
            f"more ({shown})"
        )
    cap = f" ({num(ceiling, 0)} bpm)" if ceiling is not None else ""
    return Finding(
        rule="easy_too_hard",
        kind=FATIGUE,
        pattern="Easy (zone 1–2) sessions were done hard.",
        suggestion=f"Cap heart rate at the top of zone 2{cap} in easy sessions.",
        reasoning="; ".join(reasons) + ".",
        numbers={"above_ceiling": len(above), "with_hr": len(with_hr), "hard_rpe": len(hard_rpe)},
        holds_progression=True,
    )


def deep_fatigue(f: Facts) -> Finding | None:
    """TSB under −30 or CTL rising more than 8 a week."""
    deep = f.tsb is not None and f.tsb < DEEP_FATIGUE_TSB
    fast = f.ctl_ramp is not None and f.ctl_ramp > FAST_CTL_RAMP
    if not deep and not fast:
        return None
    reasons = []
    if f.tsb is not None:
        reasons.append(
            f"form (TSB, estimated fitness − fatigue) was {signed(f.tsb, 0)} going into next "
            f"week (below {signed(DEEP_FATIGUE_TSB, 0)} is deep fatigue)"
        )
    if f.ctl_ramp is not None:
        reasons.append(
            f"fitness (CTL) changed by {signed(f.ctl_ramp)} this week (over {FAST_CTL_RAMP} a "
            "week is fast; Friel suggests 5–8)"
        )
    return Finding(
        rule="deep_fatigue",
        kind=FATIGUE,
        pattern="Endurance fatigue is building fast.",
        suggestion="Add a recovery day.",
        reasoning="From the estimated TSS of your endurance sessions, " + "; ".join(reasons) + ".",
        numbers={"tsb": _rounded(f.tsb), "ctl_ramp": _rounded(f.ctl_ramp)},
        holds_progression=True,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _hard_lower_body(f: Facts, log: Logged) -> bool:
    """A strength session with lower-body work at session or set RPE ≥ 8."""
    if log.type != "strength":
        return False
    lower = [
        exercise
        for exercise in exercises_of(log.actual_data)
        if not exercise.get("skipped") and f.week.is_lower_body(exercise.get("exerciseId"))
    ]
    set_rpes = [number_or_none(s.get("rpe")) or 0 for exercise in lower for s in sets_of(exercise)]
    return bool(lower) and (
        (log.rpe or 0) >= INTERFERENCE_RPE or max(set_rpes, default=0) >= INTERFERENCE_RPE
    )


def _within_a_day(before: Logged, after: Logged) -> bool:
    """Exact when both times are known; else the same or the next calendar day (the order
    within one day is then unknown, so a same-day pair counts)."""
    if before.completed_at and after.completed_at:
        gap = after.completed_at - before.completed_at
        return dt.timedelta(0) < gap <= INTERFERENCE_WINDOW
    return 0 <= (after.completed_on - before.completed_on).days <= 1


def interference(f: Facts) -> Finding | None:
    cut_short = [log for log in f.week_logs if endurance.cut_short(log)]
    if len(cut_short) < INTERFERENCE_MIN_TIMES:
        return None  # too few to pair: the strength sessions need no reading (most weeks)
    hard = [log for log in f.week.all_logs() if _hard_lower_body(f, log)]
    pairs = []
    for log in cut_short:
        strength = next((s for s in hard if _within_a_day(s, log)), None)
        if strength is not None:
            pairs.append((strength, log))
    if len(pairs) < INTERFERENCE_MIN_TIMES:
        return None
    shown = listing(
        f"{day(e.completed_on)} ({num(metrics.session_minutes(e) or 0, 0)} of "
        f"{num(planned_minutes(e.plan, e.estimated_duration) or 0, 0)} min) "
        f"after lower-body strength on {day(s.completed_on)}"
        for s, e in pairs
    )
    return Finding(
        rule="interference",
        kind=FATIGUE,
        pattern="Strength and endurance sessions collided.",
        suggestion=(
            "Separate hard lower-body strength and endurance sessions by at least 24 h, "
            "or do the endurance session first."
        ),
        reasoning=(
            f"Endurance sessions were cut short (under "
            f"{percent(endurance.CUT_SHORT_SHARE)} of plan, or stopped) within a day "
            f"of lower-body strength at RPE {INTERFERENCE_RPE} or more {len(pairs)} times: "
            f"{shown}."
        ),
        numbers={"times": len(pairs)},
        holds_progression=True,
    )


FATIGUE_RULES = (
    harder_than_planned,
    monotony,
    strain,
    load_jump,
    easy_too_hard,
    deep_fatigue,
    interference,
)
