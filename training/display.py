"""How sessions read on a page: each prescription line beside its concrete target.

Shared by the coach's plan builder and the athlete's pages, so both say the same thing.
"""

from dataclasses import dataclass

from hybridpeaks.core import formatting
from training.models import SessionType
from training.prescription import duration_minutes
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
    lines: list[Line]

    @property
    def minutes(self) -> int | None:
        """How long the session takes: an endurance session's prescribed duration (never a
        second number that can disagree with it), otherwise the coach's estimate."""
        if self.session.type == SessionType.ENDURANCE:
            return duration_minutes(self.session.prescription)
        return self.session.estimated_duration

    @property
    def missing(self) -> list[str]:
        return sorted({line.target.missing for line in self.lines if line.target.missing})


def _number(value) -> str:
    """80.0 → "80", 1500 → "1,500"; anything that is not a number as it is."""
    return formatting.number(value, 2) or str(value)


def _strength_text(item) -> str:
    intensity = item.get("intensity", {})
    value = _number(intensity.get("value"))
    amount = f"{value}% 1RM" if intensity.get("type") == "percent_1rm" else f"RPE {value}"
    parts = [f"{item.get('sets')} × {item.get('reps')} @ {amount}"]
    if item.get("restSeconds") is not None:
        parts.append(f"rest {item['restSeconds']} s")
    if item.get("tempo"):
        parts.append(f"tempo {item['tempo']}")
    return " · ".join(parts)


def _endurance_text(prescription) -> str:
    duration = prescription.get("duration", {})
    parts = [f"{_number(duration.get('value'))} {duration.get('unit', 'minutes')}"]
    distance = prescription.get("distance")
    if distance:
        parts.append(f"{_number(distance.get('value'))} {distance.get('unit')}")
    return " · ".join(parts)


def session_view(session, benchmarks, exercise_names) -> SessionView:
    """`benchmarks` is a targets.Benchmarks index; `exercise_names` maps id (str) → name."""
    targets = session_targets(session.type, session.prescription, benchmarks, exercise_names)
    if session.type == SessionType.STRENGTH:
        items = session.prescription.get("exercises", [])
        lines = [
            Line(
                exercise_names.get(item.get("exerciseId"), UNKNOWN_EXERCISE),
                _strength_text(item),
                target,
            )
            for item, target in zip(items, targets, strict=True)
        ]
    else:
        modality = session.prescription.get("modality", "")
        lines = [Line(modality.capitalize(), _endurance_text(session.prescription), targets[0])]
    return SessionView(session=session, lines=lines)


def exercise_ids(sessions) -> set[str]:
    """Every exercise id the sessions' prescriptions name (to load their names at once)."""
    return {
        item.get("exerciseId")
        for session in sessions
        if session.type == SessionType.STRENGTH
        for item in session.prescription.get("exercises", [])
    }
