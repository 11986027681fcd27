"""Turning a session's prescription and an athlete's benchmarks into concrete targets.

One pure module (no database, no Django) so the coach's plan builder and the athlete's today
page show the same numbers; callers load benchmarks however they like and pass plain objects.
A missing benchmark never hides a session: the target shows the prescription as written and
names the benchmark that would make it concrete (DESIGN.md "Targets").
"""

import uuid
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from hybridpeaks.core import formatting
from training.prescription import ZONE_TYPES, Intensity, Prescription, StrengthItem

# Smallest load step with standard plates; round to it, not down (insights-reference "Strength").
PLATE_STEP_KG = Decimal("2.5")

# %1RM by RPE (rows) and reps 1–10 (columns): the RTS chart (insights-reference.md "Strength").
RPE_CHART = {
    rpe: tuple(Decimal(percent) for percent in row.split())
    for rpe, row in {
        10: "100 95.5 92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9",
        9: "95.5 92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7",
        8: "92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0",
        7: "89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0 65.3",
        6: "86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0 65.3 62.6",
    }.items()
}

# Zone 1 starts at 50 % of the zone 5 upper bound, ≈ max HR (docs/decisions.md "Benchmarks").
HR_ZONE_1_FLOOR = Decimal("0.5")

# Threshold pace = race pace + an offset in s/km, tried in this order. Pfitzinger gives
# 10 km + 6–9 and 5 km + 12–19 (we take 7 and 15); half-marathon pace ≈ threshold as is.
THRESHOLD_PACE_OFFSETS = (
    ("pace_10k", Decimal(7)),
    ("pace_5k", Decimal(15)),
    ("pace_half_marathon", Decimal(0)),
)

# Friel's run pace zones as (fast, slow) % of threshold pace time; None = open-ended
# (insights-reference.md "Zones").
PACE_ZONES = {1: (129, None), 2: (114, 129), 3: (106, 113), 4: (99, 105), 5: (None, 99)}

# How each intensity reads when no benchmark turns it into numbers (with the field that
# holds its amount, and the field that ends a range of them on an interval step).
AS_WRITTEN = {
    "percent_1rm": ("value", None, "{}% 1RM"),
    "rpe": ("value", None, "RPE {}"),
    "heart_rate_zone": ("zone", "zone_to", "Zone {}"),
    "ftp_percent": ("value", "value_to", "{}% FTP"),
    "pace_zone": ("zone", "zone_to", "Pace zone {}"),
}

# A step's race pace is the athlete's benchmark of that race (s/km), named as the roster does.
RACE_PACES = {"5k": "pace_5k", "10k": "pace_10k", "half_marathon": "pace_half_marathon"}
RACE_PACE_NAMES = {"5k": "5 km pace", "10k": "10 km pace", "half_marathon": "half-marathon pace"}


@dataclass(frozen=True)
class Target:
    """One concrete target: `text` is what a person reads; the numbers are for code and tests."""

    text: str
    missing: str | None = None  # the benchmark that would make this target concrete
    unit: str | None = None  # "kg", "W", "bpm" or "s/km" once numbers are known
    kg: Decimal | None = None  # load rounded to PLATE_STEP_KG
    exact_kg: Decimal | None = None  # the same load before rounding
    percent_1rm: Decimal | None = None  # as prescribed, or read from the RPE chart
    watts: int | None = None
    exact_watts: Decimal | None = None
    low: int | None = None  # bpm, or s/km with low the faster pace; None = open-ended
    high: int | None = None


def round_load(kg) -> Decimal:
    """Round a load to the nearest 2.5 kg, half up (rounding down drifts whole percents)."""
    steps = (Decimal(str(kg)) / PLATE_STEP_KG).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return steps * PLATE_STEP_KG


def load_from_percent(one_rep_max, percent) -> Decimal:
    """%1RM → kg, rounded to what can be loaded on a bar."""
    return round_load(Decimal(str(one_rep_max)) * Decimal(str(percent)) / 100)


def exercise_key(exercise_id) -> str | None:
    """Prescriptions hold ids as strings, benchmarks as UUIDs: compare them in one form."""
    if exercise_id is None:
        return None
    try:
        return str(uuid.UUID(str(exercise_id)))
    except ValueError:
        return str(exercise_id)


def _recency(benchmark) -> tuple:
    """Newest `established_at` wins; `created_at`, when known, breaks a tie."""
    created = getattr(benchmark, "created_at", None)
    return (benchmark.established_at, created is not None, created)


def newest_benchmarks(benchmarks: Iterable) -> dict:
    """The newest benchmark per (metric_type, exercise id), found in one pass."""
    newest = {}
    for benchmark in benchmarks:
        key = (benchmark.metric_type, exercise_key(getattr(benchmark, "exercise_id", None)))
        if key not in newest or _recency(benchmark) > _recency(newest[key]):
            newest[key] = benchmark
    return newest


class Benchmarks:
    """Benchmarks indexed once, so a page with many sessions does not sort them per session."""

    def __init__(self, benchmarks: Iterable | Mapping = ()):
        # A mapping is taken to be newest_benchmarks()' result already.
        is_index = isinstance(benchmarks, Mapping)
        self.newest = dict(benchmarks) if is_index else newest_benchmarks(benchmarks)

    @classmethod
    def of(cls, benchmarks) -> "Benchmarks":
        return benchmarks if isinstance(benchmarks, cls) else cls(benchmarks)

    def value(self, metric_type: str, exercise_id=None) -> Decimal | None:
        """The newest value of a metric (for 1RM: of that exercise), or None."""
        benchmark = self.newest.get((metric_type, exercise_key(exercise_id)))
        return None if benchmark is None else _decimal(benchmark.value)


def _decimal(value) -> Decimal | None:
    """JSON numbers arrive as int or float; str() keeps 72.5 exact. Anything else → None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _whole(number: Decimal) -> int:
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _as_written(intensity: Intensity) -> str:
    """The intensity as the coach wrote it, for when no benchmark makes it concrete."""
    if intensity.type == "race_pace" and intensity.race in RACE_PACE_NAMES:
        return RACE_PACE_NAMES[intensity.race]
    field, field_to, template = AS_WRITTEN.get(intensity.type, (None, None, None))
    number = _decimal(getattr(intensity, field)) if field else None
    if number is not None:
        number_to = _decimal(getattr(intensity, field_to)) if field_to else None
        amount = formatting.number(number, 2)
        if number_to is not None and number_to != number:
            amount += f"–{formatting.number(number_to, 2)}"
        return template.format(amount)
    parts = [intensity.type, intensity.value, intensity.zone]
    return " ".join(str(part).replace("_", " ") for part in parts if part is not None) or "—"


def _exercise_name(names: Mapping, exercise_id) -> str:
    """The exercise's name whether `names` is keyed by UUIDs or by their strings."""
    key = exercise_key(exercise_id)
    name = names.get(key)
    with suppress(TypeError, ValueError):
        name = name or names.get(uuid.UUID(key))
    return str(name) if name else "this exercise"


def rpe_percent(reps, rpe: Decimal) -> Decimal | None:
    """%1RM from the RTS chart, or None outside it (reps 1–10, RPE 6–10).

    Between rows (RPE 7.5) the chart is read linearly, so a half point sits halfway.
    """
    reps = _decimal(reps)
    if reps is None or reps % 1 or not 1 <= reps <= 10 or not 6 <= rpe <= 10:
        return None
    row, column = int(rpe), int(reps) - 1
    percent = RPE_CHART[row][column]
    if rpe > row:
        percent += (RPE_CHART[row + 1][column] - percent) * (rpe - row)
    return percent


def _load(one_rm: Decimal, percent: Decimal, prefix: str = "") -> Target:
    exact = one_rm * percent / 100
    kg = round_load(exact)
    return Target(
        f"{prefix}{formatting.number(kg, 2)} kg",
        unit="kg",
        kg=kg,
        exact_kg=exact,
        percent_1rm=percent,
    )


def _strength_target(item: StrengthItem, benchmarks: Benchmarks, names: Mapping) -> Target:
    intensity = item.intensity
    kind = intensity.type
    value = _decimal(intensity.value) if kind in ("percent_1rm", "rpe") else None
    if value is None:
        return Target(_as_written(intensity))
    one_rm = benchmarks.value("1RM", item.exercise_id)
    if kind == "percent_1rm":
        if one_rm is None:
            name = _exercise_name(names, item.exercise_id)
            return Target(_as_written(intensity), missing=f"1RM for {name}")
        return _load(one_rm, value)
    # An RPE is a full target on its own; a 1RM only adds an estimated load.
    percent = rpe_percent(item.reps, value)
    if one_rm is None or percent is None:
        return Target(_as_written(intensity))
    return _load(one_rm, percent, prefix=f"{_as_written(intensity)} · ≈ ")


def strength_targets(prescription, benchmarks, exercise_names=None) -> list[Target]:
    """One target per exercise item, in the prescription's order. `prescription` is a
    StrengthPrescription or its stored JSON."""
    index = Benchmarks.of(benchmarks)
    plan = Prescription.of("strength", prescription)
    return [_strength_target(item, index, exercise_names or {}) for item in plan.items]


def _ordered(first, last) -> tuple:
    """A range's ends in order: a step may say "Z3–2" or "110–105 % FTP"."""
    return (first, last) if last is None or first <= last else (last, first)


def _heart_rate_target(zone: int, benchmarks: Benchmarks, written: str, zone_to=None) -> Target:
    """Zone N spans (upper bound of N−1, upper bound of N]; zone 1 starts at HR_ZONE_1_FLOOR.
    A range of zones spans from the first zone's floor to the last zone's upper bound."""
    top = zone_to or zone
    below = zone - 1 if zone > 1 else 5
    bounds = {n: benchmarks.value(f"HR_zone_{n}") for n in sorted({below, top})}
    absent = [str(n) for n, bound in bounds.items() if bound is None]
    if absent:
        which = " and ".join(absent) + (" upper bounds" if len(absent) > 1 else " upper bound")
        return Target(written, missing=f"heart-rate zone {which}")
    high = _whole(bounds[top])
    low = _whole(bounds[5] * HR_ZONE_1_FLOOR) if zone == 1 else _whole(bounds[below]) + 1
    return Target(f"{low}–{high} bpm", unit="bpm", low=low, high=high)


def _ftp_target(percent: Decimal, benchmarks: Benchmarks, written: str, percent_to=None) -> Target:
    ftp = benchmarks.value("FTP")
    if ftp is None:
        return Target(written, missing="FTP")
    exact = ftp * percent / 100
    watts = _whole(exact)
    if percent_to is None or percent_to == percent:
        return Target(f"{watts} W", unit="W", watts=watts, exact_watts=exact)
    high = _whole(ftp * percent_to / 100)
    return Target(
        f"{watts}–{high} W", unit="W", watts=watts, exact_watts=exact, low=watts, high=high
    )


def threshold_pace(benchmarks) -> Decimal | None:
    """Threshold pace in s/km from the first race pace in THRESHOLD_PACE_OFFSETS present."""
    index = Benchmarks.of(benchmarks)
    paces = ((index.value(metric), offset) for metric, offset in THRESHOLD_PACE_OFFSETS)
    return next((pace + offset for pace, offset in paces if pace is not None), None)


def _pace_target(zone: int, benchmarks: Benchmarks, written: str, zone_to=None) -> Target:
    """A pace zone (or a range of them) from threshold pace: the faster end is the last
    zone's, the slower end the first zone's."""
    threshold = threshold_pace(benchmarks)
    if threshold is None:
        return Target(written, missing="10 km, 5 km or half-marathon pace")
    fast_pct, slow_pct = PACE_ZONES[zone_to or zone][0], PACE_ZONES[zone][1]
    fast, slow = (
        None if pct is None else _whole(threshold * pct / 100) for pct in (fast_pct, slow_pct)
    )
    if slow is None:
        text = f"slower than {formatting.format_pace(fast)} /km"
    elif fast is None:
        text = f"faster than {formatting.format_pace(slow)} /km"
    else:
        text = f"{formatting.format_pace(fast)}–{formatting.format_pace(slow)} /km"
    return Target(text, unit="s/km", low=fast, high=slow)


def _race_pace_target(race: str, benchmarks: Benchmarks, written: str) -> Target:
    """A race pace is the athlete's benchmark of that race, as it is (s/km)."""
    metric = RACE_PACES[race]
    pace = benchmarks.value(metric)
    if pace is None:
        return Target(written, missing=RACE_PACE_NAMES[race])
    seconds = _whole(pace)
    return Target(f"{formatting.format_pace(seconds)} /km", unit="s/km", low=seconds, high=seconds)


def intensity_target(intensity: Intensity, benchmarks) -> Target:
    """One endurance intensity (a session's or an interval step's) as bpm, watts or a pace,
    ranges included; as written, naming the missing benchmark, when none makes it concrete."""
    kind = intensity.type
    written = _as_written(intensity)
    index = Benchmarks.of(benchmarks)
    if kind == "ftp_percent" and (percent := _decimal(intensity.value)) is not None:
        low, high = _ordered(percent, _decimal(intensity.value_to))
        return _ftp_target(low, index, written, high)
    if kind == "race_pace" and intensity.race in RACE_PACES:
        return _race_pace_target(intensity.race, index, written)
    zone = _decimal(intensity.zone) if kind in ZONE_TYPES else None
    if zone is None or zone not in PACE_ZONES:
        return Target(written)
    zone_to = _decimal(intensity.zone_to)
    zone, zone_to = _ordered(int(zone), int(zone_to) if zone_to in PACE_ZONES else None)
    build = _heart_rate_target if kind == "heart_rate_zone" else _pace_target
    return build(zone, index, written, zone_to)


def endurance_target(prescription, benchmarks) -> Target:
    """The session's own intensity as bpm, watts or a pace range. `prescription` is an
    EndurancePrescription or its stored JSON. A stepped session that states no intensity of
    its own has an empty target (its steps carry theirs: step_targets)."""
    plan = Prescription.of("endurance", prescription)
    if plan.steps and not plan.intensity.type:
        return Target("")
    return intensity_target(plan.intensity, benchmarks)


def step_targets(prescription, benchmarks) -> list[Target]:
    """One target per interval step in the order written, a repeat's steps once each."""
    plan = Prescription.of("endurance", prescription)
    index = Benchmarks.of(benchmarks)
    return [intensity_target(step.intensity, index) for step, _ in plan.counted_steps]


def session_targets(session_type, prescription, benchmarks, exercise_names=None) -> list[Target]:
    """Targets for any session: one per exercise (strength), or the session's own followed by
    one per interval step (endurance); `prescription` is typed (training.prescription) or
    its stored JSON."""
    if session_type == "strength":
        return strength_targets(prescription, benchmarks, exercise_names)
    if session_type == "endurance":
        plan = Prescription.of("endurance", prescription)
        index = Benchmarks.of(benchmarks)
        return [endurance_target(plan, index), *step_targets(plan, index)]
    return []


@dataclass(frozen=True)
class _Present:
    """A stand-in benchmark for missing_benchmarks: any positive value means "has it"."""

    value: Decimal = Decimal(1)


def missing_benchmarks(session_type, prescription, present, exercise_names=None) -> frozenset:
    """The benchmarks session_targets names as missing (Target.missing) for an athlete with a
    benchmark of each (metric_type, exercise id) in `present`, whatever their values.

    A target lacks a benchmark only when none is stored, and a stored value is always a
    positive number (BenchmarkMetric's constraint), so the answer depends on which benchmarks
    exist, never on their values: a page reading many athletes (the coach's roster) reads no
    values and asks once per distinct prescription and set of benchmarks."""
    index = Benchmarks(
        {(metric, exercise_key(exercise)): _Present() for metric, exercise in present}
    )
    targets = session_targets(session_type, prescription, index, exercise_names)
    return frozenset(target.missing for target in targets if target.missing)
