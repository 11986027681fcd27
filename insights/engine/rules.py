"""The rules table of insights-reference.md "Rules", and the order they are reported in.

Each rule is a small function of the week's Facts returning a Finding or None; a rule that
lacks the data it needs stays silent. Safety comes first, then fatigue, then progression.
While a safety, fatigue or low-adherence finding stands, suggestions that would add load
(or test maxima) are withheld, and their reasoning says why.
"""

import statistics
from collections import defaultdict
from dataclasses import replace

from hybridpeaks.core.formatting import percent
from insights.engine import fatigue_rules, metrics, strength
from insights.engine.facts import STALE_1RM_WEEKS, STALE_OTHER_WEEKS, Facts
from insights.engine.finding import FATIGUE, INFO, KIND_ORDER, PROGRESSION, SAFETY, Finding
from insights.engine.notes import pain_mentions
from insights.engine.text import day, listing, num, plural, signed, weekday
from training.targets import round_load

# Convention: under 80 % of planned sessions done, repeat the week rather than progress.
ADHERENCE_LIMIT = 0.8
# 1RM out of date: median ΔRPE ≤ −1 on %1RM sets, or e1RM ≥ 1.05 × the 1RM, each seen in
# at least 2 sessions.
EASIER_DELTA_RPE = -1.0
E1RM_ABOVE_BENCHMARK = 1.05
ONE_RM_MIN_SESSIONS = 2
# On track: ≥ 90 % of sessions done as planned and median ΔRPE within ±0.5.
ON_TRACK_SHARE = 0.9
ON_TRACK_DELTA_RPE = 0.5


def pain(f: Facts) -> Finding | None:
    mentions = pain_mentions(f.week.logs)
    if not mentions:
        return None
    dates = listing(day(m.date) for m in mentions)
    quoted = listing(f"{day(m.date)}: {', '.join(m.words)}" for m in mentions)
    return Finding(
        rule="pain",
        kind=SAFETY,
        pattern=f"Possible pain or illness noted on {dates}.",
        suggestion="No automatic progression this week; talk to your coach or a clinician.",
        reasoning=f"Your notes use words about pain, injury or illness ({quoted}).",
        numbers={"dates": [m.date.isoformat() for m in mentions]},
        holds_progression=True,
    )


def adherence(f: Facts) -> Finding | None:
    """Names the missed sessions by type and weekday; below 80 % it also suggests."""
    if not f.missed or f.adherence is None:
        return None
    days_by_type = defaultdict(list)
    for session in f.missed:
        days_by_type[session.type].append(weekday(session.date))
    missed = ", ".join(f"{kind} on {listing(days)}" for kind, days in sorted(days_by_type.items()))
    share = percent(f.adherence)
    counts = metrics.missed_by_weekday(f.missed)
    top = max(counts.values())
    # One week rarely shows a cluster; name a weekday only when it was missed twice.
    cluster = listing(name for name, n in counts.items() if n == top) if top > 1 else None
    low = f.adherence < ADHERENCE_LIMIT
    move = f"the {cluster} sessions" if cluster else "the missed sessions"
    return Finding(
        rule="adherence",
        kind=INFO,
        pattern=(
            f"{f.done_count}/{f.planned_count} planned sessions done; missed: {missed}"
            + (f"; misses cluster on {cluster}." if cluster else ".")
        ),
        suggestion=(
            f"Repeat this week's loads next week, and move {move} to days that suit you better."
            if low
            else None
        ),
        reasoning=(
            f"Adherence was {share} ({f.done_count} of {f.planned_count} sessions); "
            + (
                f"under {percent(ADHERENCE_LIMIT)} the week is repeated rather than progressed."
                if low
                else f"{percent(ADHERENCE_LIMIT)} or more keeps the plan on course."
            )
        ),
        numbers={
            "done": f.done_count,
            "planned": f.planned_count,
            "missed_by_type": metrics.missed_by_type(f.missed),
            "missed_by_weekday": counts,
        },
        holds_progression=low,
    )


def one_rm_out_of_date(f: Facts) -> Finding | None:
    """Per lift with a 1RM: easier than the chart says, or e1RM ≥ 1.05 × 1RM, twice."""
    easier_sets = defaultdict(list)
    for delta in f.set_deltas:
        if delta.prescribed == "percent_1rm":
            easier_sets[delta.exercise_id].append(delta)
    updates, reasons, numbers = [], [], {}
    for lift, benchmark in sorted(f.one_rms.items()):
        one_rm = float(benchmark.value)
        deltas = easier_sets.get(lift, [])
        sessions = {d.session_id for d in deltas}
        median_delta = statistics.median(d.delta for d in deltas) if deltas else None
        easier = len(sessions) >= ONE_RM_MIN_SESSIONS and median_delta <= EASIER_DELTA_RPE
        bests = f.session_e1rms.get(lift, [])
        above = [e for _, e in bests if e >= E1RM_ABOVE_BENCHMARK * one_rm]
        stronger = len(above) >= ONE_RM_MIN_SESSIONS
        if not easier and not stronger:
            continue
        name = f.week.name_of(lift)
        evidence = []
        if stronger:
            evidence.append(
                f"e1RM {listing(num(e) + ' kg' for e in above)} in {len(above)} sessions "
                f"(≥ {num(E1RM_ABOVE_BENCHMARK, 2)} × = {num(E1RM_ABOVE_BENCHMARK * one_rm)} kg)"
            )
        if easier:
            evidence.append(f"median ΔRPE {signed(median_delta)} on %1RM sets")
        reasons.append(
            f"{name}: 1RM {num(benchmark.value)} kg set {day(benchmark.established_at)}; "
            + "; ".join(evidence)
        )
        if bests:
            median_e1rm = statistics.median(e for _, e in bests)
            new = round_load(median_e1rm)
            updates.append(f"update the 1RM for {name} to {num(new)} kg (the median e1RM)")
            change = strength.e1rm_change(bests, benchmark.value)
            numbers[name] = {
                "benchmark": one_rm,
                "median_e1rm": round(median_e1rm, 1),
                "change": round(change, 3),
            }
        else:
            updates.append(f"retest the 1RM for {name}")
            numbers[name] = {"benchmark": one_rm, "median_delta_rpe": round(median_delta, 2)}
    if not reasons:
        return None
    names = listing(numbers)
    return Finding(
        rule="one_rm_out_of_date",
        kind=PROGRESSION,
        pattern=f"The 1RM on file looks below current strength for {names}.",
        suggestion=_sentence(listing(updates)),
        reasoning=". ".join(reasons) + ".",
        numbers=numbers,
        progresses=True,
    )


def stale_benchmark(f: Facts) -> Finding | None:
    if not f.stale_benchmarks:
        return None
    dated = listing(f"{s.label} dated {day(s.established_at)}" for s in f.stale_benchmarks)
    return Finding(
        rule="stale_benchmark",
        kind=INFO,
        pattern=f"This week's targets rest on old benchmarks: {dated}.",
        suggestion=f"Retest {listing(s.label for s in f.stale_benchmarks)}.",
        reasoning=(
            f"By convention a 1RM is retested after {STALE_1RM_WEEKS} weeks, FTP, threshold "
            f"pace and heart-rate zones after {STALE_OTHER_WEEKS}."
        ),
        numbers={s.label: s.established_at.isoformat() for s in f.stale_benchmarks},
        progresses=True,
    )


def exercise_changes(f: Facts) -> Finding | None:
    """Skipped and modified exercises, for the coach to see (no suggestion)."""
    if not f.exercise_changes:
        return None
    parts = []
    for change in ("skipped", "modified"):
        items = [c for c in f.exercise_changes if c.change == change]
        if items:
            named = listing(f"{f.week.name_of(c.exercise_id)} ({day(c.date)})" for c in items)
            parts.append(f"{change} {named}")
    return Finding(
        rule="exercise_changes",
        kind=INFO,
        pattern=f"Exercises changed from the plan: {'; '.join(parts)}.",
        reasoning=f"{plural(len(f.exercise_changes), 'exercise')} did not go as prescribed.",
        numbers={"changes": len(f.exercise_changes)},
    )


def on_track(f: Facts, found: list[Finding]) -> Finding | None:
    """≥ 90 % done as planned, no safety or fatigue finding, ΔRPE within ±0.5."""
    if not f.planned_count or any(x.kind in (SAFETY, FATIGUE) for x in found):
        return None
    share = f.done_as_planned_count / f.planned_count
    deltas = [d.delta for d in f.set_deltas]
    median_delta = statistics.median(deltas) if deltas else None
    if share < ON_TRACK_SHARE or (
        median_delta is not None and abs(median_delta) > ON_TRACK_DELTA_RPE
    ):
        return None
    rpe = (
        f", and logged set RPE matched the plan (median ΔRPE {signed(median_delta)}, within "
        f"±{num(ON_TRACK_DELTA_RPE)})"
        if median_delta is not None
        else ""
    )
    return Finding(
        rule="on_track",
        kind=PROGRESSION,
        pattern=f"On track: {f.done_as_planned_count}/{f.planned_count} sessions done as planned.",
        suggestion="Progress as planned.",
        reasoning=(
            f"{f.done_as_planned_count} of {f.planned_count} sessions were done as planned "
            f"({percent(ON_TRACK_SHARE)} or more is on track), no fatigue rule fired{rpe}."
        ),
        numbers={"done_as_planned": f.done_as_planned_count, "planned": f.planned_count},
        progresses=True,
    )


# How a finding that holds progression is named when a suggestion is withheld.
HOLD_REASONS = {
    "pain": "pain or illness was noted",
    "adherence": "sessions were missed",
    "harder_than_planned": "loads felt harder than prescribed",
    "monotony": "the days were too alike",
    "strain": "strain was high",
    "load_jump": "load jumped",
    "easy_too_hard": "easy sessions were done hard",
    "deep_fatigue": "fatigue is building",
    "interference": "sessions collided",
}

RULES = (
    pain,
    adherence,
    *fatigue_rules.FATIGUE_RULES,
    one_rm_out_of_date,
    stale_benchmark,
    exercise_changes,
)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _hold(finding: Finding, holders: list[Finding]) -> Finding:
    """Withhold a load-adding suggestion while another finding says not to add load."""
    if not finding.progresses or finding.suggestion is None or not holders:
        return finding
    why = listing(dict.fromkeys(HOLD_REASONS.get(h.rule, h.rule) for h in holders))
    return replace(
        finding,
        suggestion=None,
        reasoning=f"{finding.reasoning} Not suggested this week because {why}.",
    )


def evaluate(f: Facts) -> list[Finding]:
    """Every finding of the week, safety first, then fatigue, progression, information."""
    found = [finding for rule in RULES if (finding := rule(f)) is not None]
    track = on_track(f, found)
    found += [track] if track else []
    holders = [x for x in found if x.holds_progression]
    found = [_hold(x, holders) for x in found]
    return sorted(found, key=lambda x: KIND_ORDER.index(x.kind))
