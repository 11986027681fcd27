"""One athlete-week as plain frozen dataclasses: what the engine reads, and nothing else.

The weekly job builds these from the database; tests build them by hand. JSON documents
(prescriptions, actual data) are passed as they are stored, already schema-valid, so the
engine reads them defensively but does not validate them again; a prescription is read
through its typed form (`plan`, training.prescription), never key by key.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from training import targets
from training.prescription import EndurancePrescription, Prescription, StrengthPrescription

# How many previous weeks of logs the analysis reads (chronic load, strain percentile, CTL).
HISTORY_WEEKS = 12

DAYS_IN_WEEK = 7


@lru_cache(maxsize=4096, typed=True)
def _remembered_key(exercise_id) -> str | None:
    return targets.exercise_key(exercise_id)


def exercise_key(exercise_id) -> str | None:
    """One spelling per exercise id (training.targets.exercise_key): prescriptions, logs and
    benchmarks may hold a UUID object or text, and a missed match would silently drop a lift
    from the analysis. Remembered, because the engine asks it about the same few ids hundreds
    of times per athlete-week and each answer parses a UUID; `typed`, so 1 and True differ."""
    try:
        return _remembered_key(exercise_id)
    except TypeError:  # an unhashable id in a hand-made document: answered, not remembered
        return targets.exercise_key(exercise_id)


@dataclass(frozen=True)
class Planned:
    """A session the coach planned for this week."""

    session_id: str
    date: dt.date
    type: str  # "strength" or "endurance"
    prescription: Mapping
    estimated_duration: int | None = None  # minutes
    focus: str | None = None

    @cached_property
    def plan(self) -> StrengthPrescription | EndurancePrescription:
        """The prescription, typed: read once however many rules ask."""
        return Prescription.of(self.type, self.prescription)


@dataclass(frozen=True)
class Logged:
    """A workout the athlete logged, with the plan it answered (when there was one).

    `completed_on` is the athlete's local date; `completed_at` (optional) lets the
    interference rule measure "within 24 h" exactly instead of by calendar day.
    """

    session_id: str | None
    completed_on: dt.date
    type: str  # "strength" or "endurance"
    actual_data: Mapping
    rpe: int | None = None  # session RPE 1–10
    notes: str | None = None
    estimated_duration: int | None = None  # the planned session's minutes
    prescription: Mapping | None = None  # the planned session's prescription
    completed_at: dt.datetime | None = None

    @cached_property
    def plan(self) -> StrengthPrescription | EndurancePrescription:
        """The planned session's prescription, typed; empty for a log without a plan."""
        return Prescription.of(self.type, self.prescription)


@dataclass(frozen=True)
class Benchmark:
    """An athlete benchmark; the same attribute names as training.targets expects."""

    metric_type: str  # "1RM", "FTP", "HR_zone_1".."HR_zone_5", "pace_5k", …
    value: Decimal
    exercise_id: str | None
    established_at: dt.date


@dataclass(frozen=True)
class Week:
    """Everything the analysis of one athlete-week needs.

    `logs` are this week's logs (by completion date, plus late logs of this week's
    sessions); `history` holds the logs of up to HISTORY_WEEKS previous weeks.
    `history_start` is the first day the history covers (e.g. the athlete's first plan);
    when unknown, the earliest history log stands in, because days before an athlete's
    first log are not rest days, just missing data.
    The caller supplies exercise categories as id sets so the engine needs no catalog.
    """

    week_start: dt.date
    planned: Sequence[Planned] = ()
    logs: Sequence[Logged] = ()
    history: Sequence[Logged] = ()
    benchmarks: Sequence[Benchmark] = ()
    exercise_names: Mapping[str, str] = field(default_factory=dict)
    lower_body_exercise_ids: AbstractSet[str] = frozenset()  # squat, hinge, plyometric
    main_lift_ids: AbstractSet[str] = frozenset()  # squat, hinge, press
    history_start: dt.date | None = None

    def __post_init__(self):
        if self.week_start.isoweekday() != 1:
            raise ValueError("A week starts on a Monday.")

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=DAYS_IN_WEEK - 1)

    def days(self) -> list[dt.date]:
        return [self.week_start + dt.timedelta(days=n) for n in range(DAYS_IN_WEEK)]

    @cached_property
    def _names(self) -> dict[str | None, str]:
        return {exercise_key(k): v for k, v in self.exercise_names.items()}

    @cached_property
    def _main_lifts(self) -> frozenset:
        return frozenset(exercise_key(i) for i in self.main_lift_ids)

    @cached_property
    def _lower_body(self) -> frozenset:
        return frozenset(exercise_key(i) for i in self.lower_body_exercise_ids)

    def name_of(self, exercise_id) -> str:
        """The exercise's name, or a neutral stand-in so sentences still read."""
        return self._names.get(exercise_key(exercise_id)) or "an exercise"

    def is_main_lift(self, exercise_id) -> bool:
        return exercise_key(exercise_id) in self._main_lifts

    def is_lower_body(self, exercise_id) -> bool:
        return exercise_key(exercise_id) in self._lower_body

    def series_start(self) -> dt.date:
        """First day of the daily series (history + this week), at most HISTORY_WEEKS back."""
        earliest = self.week_start - dt.timedelta(weeks=HISTORY_WEEKS)
        start = self.history_start
        if start is None:
            start = min((log.completed_on for log in self.history), default=self.week_start)
        return min(max(start, earliest), self.week_start)

    def history_days(self) -> int:
        """How many days of history precede this week's Monday."""
        return (self.week_start - self.series_start()).days

    def all_logs(self) -> list[Logged]:
        return [*self.history, *self.logs]
