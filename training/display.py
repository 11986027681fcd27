"""How sessions read on a page: each prescription line beside its concrete target.

Shared by the coach's plan builder and the athlete's pages, so both say the same thing.
"""

from dataclasses import dataclass

from hybridpeaks.core import formatting
from training.models import SessionType
from training.prescription import (
    EndurancePrescription,
    Intensity,
    Prescription,
    Repeat,
    Step,
    StrengthItem,
)
from training.targets import Target, session_targets

UNKNOWN_EXERCISE = "Unknown exercise"
NO_TARGET = Target("")

STEP_LABELS = {"warmup": "Warm-up", "work": "Work", "recovery": "Recovery", "cooldown": "Cool-down"}
SHORT_UNITS = {"seconds": "s", "minutes": "min", "hours": "h", "meters": "m", "km": "km"}
SHORT_UNITS["miles"] = "mi"
RACES = {"5k": "5k pace", "10k": "10k pace", "half_marathon": "half-marathon pace"}


@dataclass(frozen=True)
class Line:
    label: str  # "Back Squat", "Run", "Warm-up" or "6 ×"
    prescription: str  # "5 × 5 @ 75% 1RM · rest 180 s · tempo 3010", "15 min Z1"
    target: Target  # an empty text when the line has no target of its own (a repeat)
    steps: tuple["Line", ...] = ()  # a repeat's steps, each with its own target
    is_step: bool = False  # an interval step or a repeat: read on one line with its label

    @property
    def all_targets(self) -> list[Target]:
        return [self.target, *(target for step in self.steps for target in step.all_targets)]


@dataclass(frozen=True)
class SessionView:
    session: object
    plan: Prescription  # the session's prescription, read once (typed)
    lines: list[Line]

    @property
    def minutes(self) -> int | None:
        """How long the session takes: an endurance session's prescribed duration (never a
        second number that can disagree with it), otherwise the coach's estimate."""
        if self.session.type == SessionType.ENDURANCE:
            return self.plan.whole_minutes
        return self.session.estimated_duration

    @property
    def untimed_distance(self) -> str:
        """The distance of a stepped session's distance steps, which its minutes leave out
        ("2.4 km"); empty when every step is timed or a duration is stated."""
        plan = self.plan
        if not isinstance(plan, EndurancePrescription) or not plan.untimed_steps:
            return ""
        if plan.duration is not None and plan.duration.minutes is not None:
            return ""
        return _meters_text(plan)

    @property
    def missing(self) -> list[str]:
        targets = (target for line in self.lines for target in line.all_targets)
        return sorted({target.missing for target in targets if target.missing})


def _number(value) -> str:
    """80.0 → "80", 1500 → "1,500"; anything that is not a number as it is."""
    return formatting.number(value, 2) or str(value)


def _strength_text(item: StrengthItem) -> str:
    intensity = item.intensity
    value = _number(intensity.value)
    amount = f"{value}% 1RM" if intensity.type == "percent_1rm" else f"RPE {value}"
    reps = f"{item.reps}–{item.reps_max}" if item.reps_max else f"{item.reps}"
    parts = [f"{item.sets} × {reps} @ {amount}"]
    if item.rest_seconds is not None:
        parts.append(f"rest {item.rest_seconds} s")
    if item.tempo:
        parts.append(f"tempo {item.tempo}")
    return " · ".join(parts)


def _endurance_text(plan: EndurancePrescription) -> str:
    duration = plan.duration
    value, unit = (duration.value, duration.unit or "minutes") if duration else (None, "minutes")
    parts = [f"{_number(value)} {unit}"]
    if plan.distance:
        parts.append(f"{_number(plan.distance.value)} {plan.distance.unit}")
    return " · ".join(parts)


def _amount(amount) -> str:
    """A step's duration or distance as read on a phone: "90 s", "15 min", "400 m", "2 mi"."""
    return f"{_number(amount.value)} {SHORT_UNITS.get(amount.unit, amount.unit or '')}".strip()


def _meters_text(plan: EndurancePrescription) -> str:
    """The distance steps' total: in miles when they are all in miles, else m or km."""
    meters = plan.step_meters
    if meters is None:
        return ""
    units = {step.distance.unit for step, _ in plan.counted_steps if step.distance}
    if units == {"miles"}:
        return f"{formatting.number(meters / 1609.344, 2)} mi"
    if meters < 1000:
        return f"{formatting.number(meters, 0)} m"
    return f"{formatting.number(meters / 1000, 2)} km"


def _intensity_text(intensity: Intensity) -> str:
    """A step's intensity as a coach writes it: "Z1", "Z2–3", "pace Z4", "105–110% FTP"."""
    kind = intensity.type
    if kind == "race_pace":
        return "at " + RACES.get(intensity.race, str(intensity.race))
    first, last = (
        (intensity.value, intensity.value_to)
        if kind == "ftp_percent"
        else (intensity.zone, intensity.zone_to)
    )
    amount = _number(first) + (f"–{_number(last)}" if last not in (None, first) else "")
    if kind == "ftp_percent":
        return f"{amount}% FTP"
    if kind in ("heart_rate_zone", "pace_zone"):
        return ("pace Z" if kind == "pace_zone" else "Z") + amount
    return ""


def _step_line(step: Step, target: Target) -> Line:
    amount = step.duration or step.distance
    text = " ".join(
        p for p in (_amount(amount) if amount else "", _intensity_text(step.intensity)) if p
    )
    label = STEP_LABELS.get(step.kind, str(step.kind or "Step"))
    return Line(label, text, target, is_step=True)


def _total_text(plan: EndurancePrescription) -> str:
    """A stepped session's totals: "50 min", "34 min + 2.4 km" (distance steps untimed)."""
    if plan.duration is not None and plan.duration.minutes is not None:
        parts = [f"{_number(plan.duration.value)} {plan.duration.unit or 'minutes'}"]
    else:
        minutes = plan.whole_minutes
        parts = [f"{minutes} min" if minutes is not None else ""]
        if plan.untimed_steps:
            parts.append(_meters_text(plan))
    text = " + ".join(p for p in parts if p)
    if plan.distance:
        text += f" · {_number(plan.distance.value)} {plan.distance.unit}"
    return text


def _endurance_lines(plan: EndurancePrescription, targets: list[Target]) -> list[Line]:
    """The session's line ("Run 45 minutes"), then one per interval step; a repeat is one
    line ("6 ×") holding its steps' lines, so each step keeps its own concrete target."""
    modality = (plan.modality or "").capitalize()
    if not plan.steps:
        return [Line(modality, _endurance_text(plan), targets[0])]
    lines = [Line(modality, _total_text(plan), targets[0])]
    step_targets = iter(targets[1:])
    for part in plan.steps:
        if isinstance(part, Repeat):
            inner = tuple(_step_line(step, next(step_targets)) for step in part.steps)
            lines.append(Line(f"{part.count} ×", "", NO_TARGET, inner, is_step=True))
        else:
            lines.append(_step_line(part, next(step_targets)))
    return lines


def session_view(session, benchmarks, exercise_names) -> SessionView:
    """`benchmarks` is a targets.Benchmarks index; `exercise_names` maps id (str) → name."""
    plan = Prescription.of(session.type, session.prescription)
    targets = session_targets(session.type, plan, benchmarks, exercise_names)
    if session.type == SessionType.STRENGTH:
        lines = [
            Line(exercise_names.get(item.exercise_id, UNKNOWN_EXERCISE), _strength_text(item), t)
            for item, t in zip(plan.items, targets, strict=True)
        ]
    else:
        lines = _endurance_lines(plan, targets)
    return SessionView(session=session, plan=plan, lines=lines)


def exercise_ids(sessions) -> set[str]:
    """Every exercise id the sessions' prescriptions name (to load their names at once)."""
    return {
        exercise_id
        for session in sessions
        if session.type == SessionType.STRENGTH
        for exercise_id in Prescription.of(session.type, session.prescription).exercise_ids
    }


def target_text(target: Target, coach: bool = False) -> str:
    """A line's target as a person reads it: "→ 105 kg"; with its benchmark missing, as written
    and worded for the reader, the coach ("80% 1RM — needs 1RM for Bench") or the athlete
    ("80% 1RM (no 1RM for Bench yet)"); empty when the line has none."""
    if target.missing:
        said = f" — needs {target.missing}" if coach else f" (no {target.missing} yet)"
        return target.text + said
    return f"→ {target.text}" if target.text else ""


def text_lines(view: SessionView, coach: bool = False) -> list[str]:
    """A session's lines as plain text, steps indented under their repeat, for what is not a
    page (a calendar event's description): the same words as {% session_lines %}."""

    def one(line: Line) -> str:
        return " ".join(
            p for p in (line.label, line.prescription, target_text(line.target, coach)) if p
        )

    lines = []
    for line in view.lines:
        lines.append(("  " if line.is_step else "") + one(line))
        lines += ["    " + one(step) for step in line.steps]
    return lines


def session_title(view: SessionView) -> str:
    """A session in a few words, for a calendar's one line: "Strength: Back Squat, Bench
    Press", "Run 45 min Z2", "Run 50 min intervals" (steps, no intensity of its own)."""
    plan = view.plan
    if view.session.type == SessionType.STRENGTH:
        names = ", ".join(line.label for line in view.lines)
        return f"Strength: {names}" if names else "Strength"
    minutes = view.minutes
    amount = _amount(plan.duration) if plan.duration else (f"{minutes} min" if minutes else "")
    if plan.distance and not amount:
        amount = _amount(plan.distance)
    intensity = _intensity_text(plan.intensity) or ("intervals" if plan.steps else "")
    words = [(plan.modality or "Endurance").capitalize(), amount, intensity]
    return " ".join(word for word in words if word)
