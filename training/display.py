"""How sessions read on a page: each prescription line beside its concrete target.

Shared by the coach's plan builder and the athlete's pages, so both say the same thing.
"""

from dataclasses import dataclass

from hybridpeaks.core import formatting
from training.models import SessionType
from training.prescription import EndurancePrescription, Prescription, StrengthItem
from training.targets import Target, session_targets

UNKNOWN_EXERCISE = "Unknown exercise"


@dataclass(frozen=True)
class Line:
    label: str  # "Back Squat" or "Run"
    prescription: str  # "5 × 5 @ 75% 1RM · rest 180 s · tempo 3010"
    target: Target


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
    def missing(self) -> list[str]:
        return sorted({line.target.missing for line in self.lines if line.target.missing})


def _number(value) -> str:
    """80.0 → "80", 1500 → "1,500"; anything that is not a number as it is."""
    return formatting.number(value, 2) or str(value)


def _strength_text(item: StrengthItem) -> str:
    intensity = item.intensity
    value = _number(intensity.value)
    amount = f"{value}% 1RM" if intensity.type == "percent_1rm" else f"RPE {value}"
    parts = [f"{item.sets} × {item.reps} @ {amount}"]
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
        modality = plan.modality or ""
        lines = [Line(modality.capitalize(), _endurance_text(plan), targets[0])]
    return SessionView(session=session, plan=plan, lines=lines)


def exercise_ids(sessions) -> set[str]:
    """Every exercise id the sessions' prescriptions name (to load their names at once)."""
    return {
        exercise_id
        for session in sessions
        if session.type == SessionType.STRENGTH
        for exercise_id in Prescription.of(session.type, session.prescription).exercise_ids
    }
