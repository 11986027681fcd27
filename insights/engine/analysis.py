"""`analyse(week)`: one athlete-week in, the weekly summary's content out.

The result carries what AIWeeklySummary stores (adherence, total volume, fatigue analysis,
patterns, suggestions, already in the shape of insights/schemas/*.json), the numbers behind
the charts, and the structured findings an optional narrator may rephrase. Deterministic:
the same Week always gives the same Analysis.
"""

from dataclasses import dataclass
from decimal import Decimal

from insights.engine import metrics
from insights.engine.bounds import refuse_unusable_numbers
from insights.engine.facts import Facts, gather, load_basis
from insights.engine.fatigue_rules import LOAD_JUMP_RATIO, USUAL_RATIO_RANGE
from insights.engine.finding import Finding
from insights.engine.inputs import Week
from insights.engine.rules import evaluate
from insights.engine.text import clip, fixed, num, plural, rounded, rounded_float, signed

# The model needs an adherence; with nothing planned there is nothing to adhere to, and
# 0 reads as "no plan" on the summary page rather than as a perfect week (convention).
ADHERENCE_WHEN_NOTHING_PLANNED = Decimal("0.000")
# Schema limits (insights/schemas/patterns.json and suggestions.json).
MAX_PATTERN = 500
MAX_SUGGESTION = 500
MAX_REASONING = 2000


@dataclass(frozen=True)
class Analysis:
    adherence: Decimal  # 0–1, three places
    planned_count: int
    done_count: int
    total_volume: dict  # insights:total_volume
    daily_load: tuple[float, ...]  # AU per day, Monday first, one decimal
    planned_daily_load: tuple[float, ...]
    weekly_load: float
    monotony: float | None
    strain: float | None
    acwr: float | None
    ctl: float | None
    atl: float | None
    tsb: float | None
    ctl_ramp: float | None
    sessions_without_rpe: int  # nor heart rate: counted in volume only
    sessions_by_heart_rate: int
    patterns: list[str]  # insights:patterns
    suggestions: list[dict]  # insights:suggestions
    fatigue_analysis: str
    findings: tuple[Finding, ...]


def _maybe(value: float | None, places: int) -> float | None:
    return None if value is None else rounded_float(value, places)


def total_volume(f: Facts) -> dict:
    """{"strength": "1234kg", "endurance": "240min", "byModality": {...}}."""
    volume = {
        "strength": f"{rounded(f.tonnage)}kg",
        "endurance": f"{rounded(f.endurance_minutes)}min",
    }
    if f.by_modality:
        volume["byModality"] = {
            modality: {key: rounded_float(value, 1) for key, value in entry.items()}
            for modality, entry in f.by_modality.items()
        }
    return volume


def fatigue_analysis(f: Facts) -> str:
    """One paragraph of plain sentences with the numbers."""
    if not f.week_logs:
        return "No sessions were logged this week, so there is no training load to analyse."
    sentences = [f"Weekly load was {num(f.weekly_load, 0)} AU {load_basis(f)}."]
    if f.monotony is not None:
        sentences.append(
            f"Monotony was {fixed(f.monotony)} (above 2 the days are too alike, under 1.5 is "
            f"better), for a strain of {num(f.strain, 0)}."
        )
    else:
        sentences.append("Monotony could not be computed: the daily loads did not vary.")
    if f.acwr is not None:
        jump = ", a bigger jump than usual" if f.acwr >= LOAD_JUMP_RATIO else ""
        low, high = USUAL_RATIO_RANGE
        sentences.append(
            f"This week's load was {fixed(f.acwr)}× your recent average{jump} (acute:chronic "
            f"ratio {fixed(f.acwr, 2)}; {num(low)}–{num(high)} is the usual range)."
        )
    else:
        sentences.append(
            f"Load ratio: not enough history yet ({plural(f.history_days, 'day')} of the "
            f"{metrics.MIN_HISTORY_DAYS} needed)."
        )
    if f.tsb is not None:
        sentences.append(
            f"Endurance form (TSB) going into next week is {signed(f.tsb, 0)} (fitness CTL "
            f"{num(f.ctl, 0)}, fatigue ATL {num(f.atl, 0)}, from estimated TSS)."
        )
    if f.sessions_without_rpe:
        were = "was" if f.sessions_without_rpe == 1 else "were"
        sentences.append(
            f"{plural(f.sessions_without_rpe, 'session')} had no RPE and no heart rate and "
            f"{were} counted in volume (duration, distance) only, not in the load."
        )
    elif not f.sessions_by_heart_rate:
        sentences.append("Every session had an RPE.")
    if f.sessions_without_minutes:
        sentences.append(
            f"{plural(f.sessions_without_minutes, 'session')} had no duration and "
            "could not be counted either."
        )
    return " ".join(sentences)


def analyse(week: Week) -> Analysis:
    """The week's analysis: metrics, findings in order, and the summary's texts.

    Raises bounds.UnusableNumber before any arithmetic if the input holds NaN, Infinity or
    an absurdly large number.
    """
    refuse_unusable_numbers(week)
    f = gather(week)
    findings = tuple(evaluate(f))
    return Analysis(
        adherence=ADHERENCE_WHEN_NOTHING_PLANNED if f.adherence is None else f.adherence,
        planned_count=f.planned_count,
        done_count=f.done_count,
        total_volume=total_volume(f),
        daily_load=tuple(rounded_float(x, 1) for x in f.daily_load),
        planned_daily_load=tuple(rounded_float(x, 1) for x in f.planned_daily_load),
        weekly_load=rounded_float(f.weekly_load, 1),
        monotony=_maybe(f.monotony, 2),
        strain=_maybe(f.strain, 0),
        acwr=_maybe(f.acwr, 2),
        ctl=_maybe(f.ctl, 1),
        atl=_maybe(f.atl, 1),
        tsb=_maybe(f.tsb, 1),
        ctl_ramp=_maybe(f.ctl_ramp, 1),
        sessions_without_rpe=f.sessions_without_rpe,
        sessions_by_heart_rate=f.sessions_by_heart_rate,
        patterns=[clip(x.pattern, MAX_PATTERN) for x in findings],
        suggestions=[
            {
                "suggestion": clip(x.suggestion, MAX_SUGGESTION),
                "reasoning": clip(x.reasoning, MAX_REASONING),
            }
            for x in findings
            if x.suggestion
        ],
        fatigue_analysis=fatigue_analysis(f),
        findings=findings,
    )
