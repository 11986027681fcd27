"""A session's prescription as typed, frozen objects: the one reader of its JSON.

The schemas (training/schemas/prescription_*.json) say what is stored; this module says what
it means, so the builder, the athlete's pages, the targets and the weekly analysis cannot
disagree about, say, how long a session is or which zone it asks for. Pure: no database.

`Prescription.of(session_type, document)` reads a stored document and `.to_json()` gives it
back exactly. Every write path validates against the schema, but rows written before a rule
existed may not hold, and a page must never fail on them: reading is tolerant of structure
(a missing or non-object part reads as empty, items that are not objects are dropped) and
keeps scalars as stored, so the derived properties below check what they use.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

MINUTES_PER_UNIT = {"minutes": 1, "hours": 60}
# A step may also be timed in seconds ("90 s recovery"); a session's own duration may not.
STEP_MINUTES_PER_UNIT = {"seconds": 1 / 60, **MINUTES_PER_UNIT}
METERS_PER_UNIT = {"meters": 1, "km": 1000, "miles": 1609.344}
ZONES = (1, 2, 3, 4, 5)
ZONE_TYPES = ("heart_rate_zone", "pace_zone")


def _is_number(value) -> bool:
    """A JSON number; booleans are not (True == 1 in Python)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _object(data) -> Mapping:
    return data if isinstance(data, Mapping) else {}


def _present(**fields) -> dict:
    """Only the keys that hold something: optional keys are absent, never null, in the JSON."""
    return {key: value for key, value in fields.items() if value is not None}


def minutes_of(duration) -> float | None:
    """A `{value, unit}` duration in minutes (hours × 60); None when absent or malformed.
    Also read for a log's actual duration, which has the same shape."""
    if not isinstance(duration, Mapping):
        return None
    value = duration.get("value")
    unit = duration.get("unit", "minutes")
    if not _is_number(value) or not isinstance(unit, str) or unit not in MINUTES_PER_UNIT:
        return None
    return float(value) * MINUTES_PER_UNIT[unit]


@dataclass(frozen=True)
class Amount:
    """A `{value, unit}` pair: an endurance session's duration or distance."""

    value: float | None
    unit: str | None

    @classmethod
    def from_json(cls, data) -> "Amount | None":
        if not isinstance(data, Mapping):
            return None
        return cls(value=data.get("value"), unit=data.get("unit"))

    def to_json(self) -> dict:
        return _present(value=self.value, unit=self.unit)

    @property
    def minutes(self) -> float | None:
        """As a duration, in minutes (a missing unit means minutes)."""
        return minutes_of(self.to_json())

    @property
    def step_minutes(self) -> float | None:
        """As a step's duration, in minutes: seconds count too (a unit is required)."""
        if not _is_number(self.value) or self.unit not in STEP_MINUTES_PER_UNIT:
            return None
        return float(self.value) * STEP_MINUTES_PER_UNIT[self.unit]

    @property
    def meters(self) -> float | None:
        """As a distance, in meters (miles × 1,609.344); None when malformed."""
        if not _is_number(self.value) or self.unit not in METERS_PER_UNIT:
            return None
        return float(self.value) * METERS_PER_UNIT[self.unit]


@dataclass(frozen=True)
class Intensity:
    """How hard: `type` with its `value` (%1RM, RPE, %FTP) or its `zone` (heart rate, pace).

    An interval step's intensity may also be a range (`zone_to`, `value_to`: "Z2–3",
    "105–110 % FTP") or a race pace (`race`: "5k", "10k", "half_marathon"); the schema
    allows those on steps only, and they are absent everywhere else."""

    type: str | None = None
    value: float | None = None
    zone: int | None = None
    zone_to: int | None = None
    value_to: float | None = None
    race: str | None = None

    @classmethod
    def from_json(cls, data) -> "Intensity":
        data = _object(data)
        kind = data.get("type")
        return cls(
            type=kind if isinstance(kind, str) else None,
            value=data.get("value"),
            zone=data.get("zone"),
            zone_to=data.get("zoneTo"),
            value_to=data.get("valueTo"),
            race=data.get("race"),
        )

    def to_json(self) -> dict:
        return _present(
            type=self.type,
            value=self.value,
            zone=self.zone,
            zoneTo=self.zone_to,
            valueTo=self.value_to,
            race=self.race,
        )

    @property
    def stated_zone(self) -> int | None:
        """The heart-rate or pace zone asked for, 1–5; None for any other intensity."""
        return self.zone if self.type in ZONE_TYPES and self.zone in ZONES else None

    @property
    def ftp_percent(self) -> float | None:
        return float(self.value) if self.type == "ftp_percent" and _is_number(self.value) else None

    @property
    def rpe(self) -> float | None:
        """The RPE written on a strength item (not one read from the chart)."""
        return self.value if self.type == "rpe" and _is_number(self.value) else None


class Prescription:
    """What both kinds share: reading by session type, and giving the JSON back."""

    TYPE: ClassVar[str]

    @staticmethod
    def of(session_type: str, document) -> "StrengthPrescription | EndurancePrescription":
        """The typed prescription of a session; an already typed one is returned as it is."""
        kind = KINDS.get(session_type)
        if kind is None:
            raise ValueError(f"No prescription for a {session_type!r} session.")
        return document if isinstance(document, kind) else kind.from_json(document)

    def to_json(self) -> dict:
        raise NotImplementedError


@dataclass(frozen=True)
class StrengthItem:
    """One exercise line: sets × reps (or a rep range, reps to reps_max) at an intensity, with
    optional rest and tempo. Loads, volume and the log form read `reps`, the range's low end:
    the least the coach asks for."""

    exercise_id: str | None
    sets: int | None
    reps: int | None
    intensity: Intensity
    rest_seconds: int | None = None
    tempo: str | None = None
    reps_max: int | None = None

    @classmethod
    def from_json(cls, data: Mapping) -> "StrengthItem":
        return cls(
            exercise_id=data.get("exerciseId"),
            sets=data.get("sets"),
            reps=data.get("reps"),
            reps_max=data.get("repsMax"),
            intensity=Intensity.from_json(data.get("intensity")),
            rest_seconds=data.get("restSeconds"),
            tempo=data.get("tempo"),
        )

    def to_json(self) -> dict:
        return _present(
            exerciseId=self.exercise_id,
            sets=self.sets,
            reps=self.reps,
            repsMax=self.reps_max,
            intensity=self.intensity.to_json(),
            restSeconds=self.rest_seconds,
            tempo=self.tempo,
        )


@dataclass(frozen=True)
class StrengthPrescription(Prescription):
    TYPE: ClassVar[str] = "strength"

    items: tuple[StrengthItem, ...] = ()

    @classmethod
    def from_json(cls, document) -> "StrengthPrescription":
        items = _object(document).get("exercises")
        if not isinstance(items, list):
            return cls()
        return cls(tuple(StrengthItem.from_json(i) for i in items if isinstance(i, Mapping)))

    def to_json(self) -> dict:
        return {"exercises": [item.to_json() for item in self.items]}

    @property
    def exercise_ids(self) -> list:
        """The exercises named, in order (an id prescribed twice appears twice)."""
        return [item.exercise_id for item in self.items if item.exercise_id is not None]


STEP_KINDS = ("warmup", "work", "recovery", "cooldown")


@dataclass(frozen=True)
class Step:
    """One interval step: a kind, a duration OR a distance (the schema allows one), and an
    intensity. A distance step has no time of its own (see EndurancePrescription.minutes)."""

    kind: str | None
    intensity: Intensity = Intensity()
    duration: Amount | None = None
    distance: Amount | None = None

    @classmethod
    def from_json(cls, data: Mapping) -> "Step":
        kind = data.get("kind")
        return cls(
            kind=kind if isinstance(kind, str) else None,
            intensity=Intensity.from_json(data.get("intensity")),
            duration=Amount.from_json(data.get("duration")),
            distance=Amount.from_json(data.get("distance")),
        )

    def to_json(self) -> dict:
        return _present(
            kind=self.kind,
            duration=None if self.duration is None else self.duration.to_json(),
            distance=None if self.distance is None else self.distance.to_json(),
            intensity=self.intensity.to_json(),
        )

    @property
    def minutes(self) -> float | None:
        """The step's time in minutes; None for a distance step (or a malformed duration)."""
        return self.duration.step_minutes if self.duration else None

    @property
    def meters(self) -> float | None:
        return self.distance.meters if self.distance else None


@dataclass(frozen=True)
class Repeat:
    """`times` × its steps, one level deep ("5 × (3 min Z4, 2 min Z1)")."""

    times: int | None
    steps: tuple[Step, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping) -> "Repeat":
        steps = data.get("steps")
        steps = steps if isinstance(steps, list) else []
        return cls(
            times=data.get("repeat"),
            steps=tuple(Step.from_json(s) for s in steps if isinstance(s, Mapping)),
        )

    def to_json(self) -> dict:
        return {"repeat": self.times, "steps": [step.to_json() for step in self.steps]}

    @property
    def count(self) -> int:
        """How many times the steps are done; a malformed count reads as once."""
        times = self.times
        return times if isinstance(times, int) and not isinstance(times, bool) and times > 0 else 1


def _step_or_repeat(data: Mapping) -> Step | Repeat:
    return Repeat.from_json(data) if "repeat" in data else Step.from_json(data)


@dataclass(frozen=True)
class EndurancePrescription(Prescription):
    """One block of a modality for a duration (and maybe a distance) at one intensity, or a
    sequence of interval steps (`steps`), whose totals are then derived from the steps.

    A new part of the schema is one more field here, read in from_json and written in
    to_json; the round-trip test then covers it."""

    TYPE: ClassVar[str] = "endurance"

    modality: str | None = None
    duration: Amount | None = None
    intensity: Intensity = Intensity()
    distance: Amount | None = None
    steps: tuple[Step | Repeat, ...] = ()

    @classmethod
    def from_json(cls, document) -> "EndurancePrescription":
        document = _object(document)
        modality = document.get("modality")
        steps = document.get("steps")
        steps = steps if isinstance(steps, list) else []
        return cls(
            modality=modality if isinstance(modality, str) else None,
            duration=Amount.from_json(document.get("duration")),
            intensity=Intensity.from_json(document.get("intensity")),
            distance=Amount.from_json(document.get("distance")),
            steps=tuple(_step_or_repeat(s) for s in steps if isinstance(s, Mapping)),
        )

    def to_json(self) -> dict:
        # With steps the session's own intensity is optional (derived): an unstated one is
        # left out rather than written as `{}`. Without steps it is always written, as before.
        intensity = self.intensity.to_json()
        return _present(
            modality=self.modality,
            duration=None if self.duration is None else self.duration.to_json(),
            intensity=None if self.steps and not intensity else intensity,
            distance=None if self.distance is None else self.distance.to_json(),
            steps=[step.to_json() for step in self.steps] or None,
        )

    @property
    def counted_steps(self) -> list[tuple[Step, int]]:
        """Each step with how many times it is done (a repeat's steps × its count), in order."""
        return [
            (step, part.count) if isinstance(part, Repeat) else (part, 1)
            for part in self.steps
            for step in (part.steps if isinstance(part, Repeat) else (part,))
        ]

    @property
    def step_minutes(self) -> float | None:
        """The timed steps' total (each × its repeats); None without a timed step.
        Distance steps are left out: they have no time without a pace (docs/decisions.md)."""
        timed = [(step.minutes, n) for step, n in self.counted_steps if step.minutes is not None]
        return sum(minutes * n for minutes, n in timed) if timed else None

    @property
    def step_meters(self) -> float | None:
        """The distance steps' total in meters (each × its repeats); None without one."""
        measured = [(step.meters, n) for step, n in self.counted_steps if step.meters is not None]
        return sum(meters * n for meters, n in measured) if measured else None

    @property
    def untimed_steps(self) -> bool:
        """Whether some step is a distance only, so step_minutes leaves its time out."""
        return any(step.duration is None for step, _ in self.counted_steps)

    @property
    def minutes(self) -> float | None:
        """The prescribed duration in minutes: the session's stated duration, else (a stepped
        session) its timed steps' total; None without either. The one rule for how long a
        session is planned to take (cards, log form, builder, weekly analysis)."""
        stated = self.duration.minutes if self.duration else None
        return stated if stated is not None else self.step_minutes

    @property
    def whole_minutes(self) -> int | None:
        """The duration in whole minutes, half up (45.5 → 46, not the even neighbour)."""
        minutes = self.minutes
        return None if minutes is None else int(minutes + 0.5)

    @property
    def zone(self) -> int | None:
        """The heart-rate or pace zone asked for, 1–5; None for %FTP or none."""
        return self.intensity.stated_zone

    @property
    def distance_unit(self) -> str:
        """The unit distances of this session are typed in: as prescribed, else km."""
        unit = self.distance.unit if self.distance else None
        return unit if isinstance(unit, str) else "km"


KINDS = {kind.TYPE: kind for kind in (StrengthPrescription, EndurancePrescription)}


def planned_minutes(plan: Prescription, estimated_duration=None) -> float | None:
    """How long a session is planned to take: an endurance prescription's minutes
    (EndurancePrescription.minutes), else the coach's estimate. The one rule for the weekly
    analysis, compliance and matching a watch activity to a session."""
    minutes = plan.minutes if isinstance(plan, EndurancePrescription) else None
    if minutes is not None:
        return minutes
    return None if estimated_duration is None else float(estimated_duration)
