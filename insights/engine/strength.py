"""Strength metrics: tonnage, estimated 1RM, ΔRPE against the plan, skipped/changed lifts.

The %1RM-by-RPE chart is training.targets' (the plan builder and the analysis must read the
same chart); this module only reads it backwards, from a prescribed %1RM to an RPE.
"""

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from insights.engine.inputs import Logged, exercise_key
from training.prescription import StrengthItem
from training.targets import RPE_CHART, rpe_percent

# e1RM formulas hold only for sets of at most 10 reps (insights-reference "Strength").
MAX_REPS_FOR_FORMULA = 10
# With a set RPE, trust the chart only near failure: people misjudge reps in reserve
# further away (insights-reference "Strength").
MIN_TRUSTED_RPE = 7
MAX_TRUSTED_REPS_WITH_RPE = 6
# %1RM by reps possible (reps done + reps in reserve), 1–14: the RTS chart read along its
# diagonals, since row RPE r, column n holds the same value as row 10, column n + 10 − r.
# Row 10 gives 1–10; row 6's last four columns extend it to 14, which lets a light
# prescription (75 % × 5 ≈ RPE 5.5) still get an expected RPE.
PERCENT_BY_REPS_POSSIBLE = (*RPE_CHART[10], *RPE_CHART[6][6:])
MAX_RPE = 10


@dataclass(frozen=True)
class SetDelta:
    """One logged set's RPE against the RPE its prescription implies."""

    date: dt.date
    session_id: str | None
    exercise_id: str
    prescribed: str  # "percent_1rm" or "rpe"
    expected: float
    logged: float

    @property
    def delta(self) -> float:
        return self.logged - self.expected


@dataclass(frozen=True)
class ExerciseChange:
    date: dt.date
    exercise_id: str
    change: str  # "skipped" (marked, or prescribed but not logged) or "modified"


def number_or_none(value) -> float | None:
    """A JSON number as a float; None for anything else (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def exercises_of(data) -> list[Mapping]:
    items = data.get("exercises") if isinstance(data, Mapping) else None
    return [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []


def sets_of(exercise: Mapping) -> list[Mapping]:
    sets = exercise.get("sets")
    return [s for s in sets if isinstance(s, Mapping)] if isinstance(sets, list) else []


def _done(exercise: Mapping) -> bool:
    return not exercise.get("skipped")


def tonnage(logs: Iterable[Logged]) -> float:
    """Σ weight × reps over the logged sets of exercises not skipped (kg)."""
    total = 0.0
    for log in logs:
        if log.type != "strength":
            continue
        for exercise in filter(_done, exercises_of(log.actual_data)):
            for done in sets_of(exercise):
                weight = number_or_none(done.get("weight")) or 0.0
                total += weight * (number_or_none(done.get("reps")) or 0.0)
    return total


# --- Estimated 1RM -----------------------------------------------------------------------


def epley(weight: float, reps: int) -> float:
    """w · (1 + r/30); a single is its own 1RM."""
    return float(weight) if reps == 1 else weight * (1 + reps / 30)


def brzycki(weight: float, reps: int) -> float:
    """w · 36 / (37 − r)."""
    return weight * 36 / (37 - reps)


# Convention: without a set RPE, Epley (the reference's first formula). Brzycki reads a
# little lower under 10 reps; the two agree at 10.
FORMULA_WITHOUT_RPE = epley


def set_e1rm(weight, reps, rpe=None) -> float | None:
    """A set's estimated 1RM, or None when the set cannot be trusted for one.

    With an RPE: e1RM = w ÷ %1RM(reps, RPE) from the chart, only at RPE ≥ 7 and ≤ 6 reps.
    Without: FORMULA_WITHOUT_RPE, only for 1–10 reps.
    """
    weight, reps, rpe = number_or_none(weight), number_or_none(reps), number_or_none(rpe)
    if weight is None or reps is None or weight <= 0 or reps < 1 or reps % 1:
        return None
    if rpe is not None:
        if rpe < MIN_TRUSTED_RPE or reps > MAX_TRUSTED_REPS_WITH_RPE:
            return None
        percent = rpe_percent(int(reps), Decimal(str(rpe)))
        return None if percent is None else float(Decimal(str(weight)) * 100 / percent)
    return None if reps > MAX_REPS_FOR_FORMULA else FORMULA_WITHOUT_RPE(weight, int(reps))


def session_best_e1rms(logs: Iterable[Logged]) -> dict[str, list[tuple[dt.date, float]]]:
    """Per exercise, each session's best trusted e1RM, in date order."""
    best: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for log in sorted(logs, key=lambda log: log.completed_on):
        if log.type != "strength":
            continue
        per_exercise: dict[str, float] = {}
        for exercise in filter(_done, exercises_of(log.actual_data)):
            key = exercise_key(exercise.get("exerciseId"))
            for done in sets_of(exercise):
                e1rm = set_e1rm(done.get("weight"), done.get("reps"), done.get("rpe"))
                if key is not None and e1rm is not None:
                    per_exercise[key] = max(e1rm, per_exercise.get(key, 0.0))
        for key, e1rm in per_exercise.items():
            best[key].append((log.completed_on, e1rm))
    return dict(best)


def e1rm_change(session_bests: list[tuple[dt.date, float]], benchmark) -> float | None:
    """Median session e1RM ÷ the 1RM benchmark − 1 (0.05 = 5 % above the benchmark)."""
    if not session_bests or not benchmark:
        return None
    return statistics.median(e1rm for _, e1rm in session_bests) / float(benchmark) - 1


# --- ΔRPE ----------------------------------------------------------------------------------


def expected_rpe(percent, reps) -> float | None:
    """The RPE the chart expects for `reps` at `percent` %1RM, read linearly between
    points; None off the chart (over 10 reps, heavier than RPE 10, lighter than 14 reps
    possible)."""
    percent, reps = number_or_none(percent), number_or_none(reps)
    if percent is None or reps is None or reps % 1 or not 1 <= reps <= MAX_REPS_FOR_FORMULA:
        return None
    chart = [float(p) for p in PERCENT_BY_REPS_POSSIBLE]
    reps = int(reps)
    if percent > chart[reps - 1]:
        return None
    for possible in range(reps, len(chart)):
        heavier, lighter = chart[possible - 1], chart[possible]
        if lighter <= percent <= heavier:
            reserve = possible - reps + (heavier - percent) / (heavier - lighter)
            return MAX_RPE - reserve
    return None


def prescribed_rpe(item: StrengthItem) -> tuple[str, float] | None:
    """(kind, RPE) a prescription item asks for: as written, or read from the chart."""
    kind, value = item.intensity.type, number_or_none(item.intensity.value)
    if value is None:
        return None
    if kind == "rpe":
        return kind, value
    if kind == "percent_1rm":
        expected = expected_rpe(value, item.reps)
        return None if expected is None else (kind, expected)
    return None


def matched_exercises(log: Logged) -> list[tuple[StrengthItem | None, Mapping | None]]:
    """(prescribed item, logged exercise) pairs of a strength log; each logged exercise takes
    the next unmatched item with its id, so a lift prescribed twice pairs up in order."""
    waiting: dict[str | None, list[StrengthItem]] = defaultdict(list)
    for item in log.plan.items:
        waiting[exercise_key(item.exercise_id)].append(item)
    pairs: list[tuple[StrengthItem | None, Mapping | None]] = []
    for exercise in exercises_of(log.actual_data):
        queue = waiting.get(exercise_key(exercise.get("exerciseId")))
        pairs.append((queue.pop(0) if queue else None, exercise))
    pairs += [(item, None) for queue in waiting.values() for item in queue]
    return pairs


def rpe_deltas(log: Logged) -> list[SetDelta]:
    """Each logged set RPE against its prescription. Skipped and modified exercises are
    left out: a changed lift says nothing about how the prescribed one felt."""
    if log.type != "strength" or not log.plan.items:
        return []
    deltas = []
    for item, exercise in matched_exercises(log):
        if item is None or exercise is None or exercise.get("skipped") or exercise.get("modified"):
            continue
        target = prescribed_rpe(item)
        if target is None:
            continue
        for done in sets_of(exercise):
            logged = number_or_none(done.get("rpe"))
            if logged is not None:
                key = exercise_key(exercise.get("exerciseId")) or ""
                deltas.append(
                    SetDelta(log.completed_on, log.session_id, key, target[0], target[1], logged)
                )
    return deltas


def delta_rpe_by_exercise(deltas: Iterable[SetDelta]) -> dict[str, float]:
    """The median ΔRPE of each exercise's sets (positive: harder than prescribed)."""
    by_exercise: dict[str, list[float]] = defaultdict(list)
    for delta in deltas:
        by_exercise[delta.exercise_id].append(delta.delta)
    return {lift: statistics.median(values) for lift, values in by_exercise.items()}


def exercise_changes(log: Logged) -> list[ExerciseChange]:
    """Skipped exercises (marked, or prescribed and absent from the log) and modified ones."""
    if log.type != "strength":
        return []
    changes = []
    for item, exercise in matched_exercises(log):
        written = exercise.get("exerciseId") if exercise is not None else item.exercise_id
        key = exercise_key(written) or ""
        if exercise is None or exercise.get("skipped"):
            changes.append(ExerciseChange(log.completed_on, key, "skipped"))
        elif exercise.get("modified"):
            changes.append(ExerciseChange(log.completed_on, key, "modified"))
    return changes
