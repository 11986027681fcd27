"""Prescriptions back to text, read from the typed prescription (training.prescription).

What is printed parses back to the same prescription (the round-trip property test): each
writer here is the inverse of a reader in amounts.py, strength.py or endurance.py, and a
step's kind is written only where kinds.inferred_kinds would read another one (or where a
lone step would otherwise read as a plain session).
"""

from collections.abc import Mapping

from training.prescription import (
    EndurancePrescription,
    Prescription,
    Repeat,
    Step,
    StrengthItem,
)
from training.text import amounts
from training.text.kinds import KIND_WORDS, inferred_kinds
from training.text.week import DAY_WORDS

INDENT = "  "
UNKNOWN = "Unknown exercise"


def write_item(item: StrengthItem, names: Mapping[str, str]) -> str:
    intensity = item.intensity
    value = amounts.written(intensity.value)
    load = f"@RPE{value}" if intensity.type == "rpe" else f"@{value}%"
    reps = f"{item.reps}-{item.reps_max}" if item.reps_max else f"{item.reps}"
    parts = [names.get(item.exercise_id, UNKNOWN), f"{item.sets}x{reps}", load]
    if item.rest_seconds is not None:
        seconds = item.rest_seconds
        rest = f"{seconds // 60}min" if seconds and seconds % 60 == 0 else f"{seconds}s"
        parts.append(f"rest {rest}")
    if item.tempo:
        parts.append(f"tempo {item.tempo}")
    return " ".join(parts)


def _amounts(duration, distance) -> list[str]:
    words = [] if duration is None else [amounts.write_duration(duration.to_json())]
    if distance is not None:
        words.append(amounts.write_distance(distance.to_json()))
    return words


def _step(step: Step, inferred: str, force: bool = False) -> str:
    words = [KIND_WORDS[step.kind]] if force or step.kind != inferred else []
    words += _amounts(step.duration, step.distance)
    words.append(amounts.write_intensity(step.intensity.to_json()))
    return " ".join(words)


def write_steps(steps) -> str:
    """A session's steps (Step and Repeat objects) as `15min Z1, 6x(400m @5k pace, 90s Z1)`."""
    shapes = [
        [s.intensity.to_json() for s in part.steps]
        if isinstance(part, Repeat)
        else part.intensity.to_json()
        for part in steps
    ]
    kinds = inferred_kinds(shapes)
    lone = len(steps) == 1 and isinstance(steps[0], Step)
    texts = []
    for part, kind in zip(steps, kinds, strict=True):
        if isinstance(part, Repeat):
            inner = ", ".join(_step(s, k) for s, k in zip(part.steps, kind, strict=True))
            texts.append(f"{part.times}x({inner})")
        else:
            texts.append(_step(part, kind, force=lone))
    return ", ".join(texts)


def write_endurance(plan: EndurancePrescription) -> str:
    """`Run 45min Z2`, `Run 15min Z1, 6x(…), 10min Z1`, or with what the session states
    besides its steps before a colon: `Bike 1h00 Z2: …`."""
    words = [(plan.modality or "").capitalize()]
    stated = _amounts(plan.duration, plan.distance)
    intensity = plan.intensity.to_json()
    if intensity:
        stated.append(amounts.write_intensity(intensity))
    if not plan.steps:
        return " ".join(words + stated)
    if stated:
        return f"{' '.join(words + stated)}: {write_steps(plan.steps)}"
    return f"{words[0]} {write_steps(plan.steps)}"


def write_session_lines(session_type: str, prescription, names: Mapping[str, str]) -> list[str]:
    plan = Prescription.of(session_type, prescription)
    if isinstance(plan, EndurancePrescription):
        return [write_endurance(plan)]
    return [write_item(item, names) for item in plan.items]


def write_header(session) -> str:
    words = [DAY_WORDS[session.date.weekday()]]
    if session.focus:
        words.append(" ".join(session.focus.split()))
    if session.type == "strength" and session.estimated_duration:
        words.append(f"~{session.estimated_duration}min")
    return " ".join(words)


def write_week(sessions, names: Mapping[str, str]) -> str:
    """A week's sessions (TrainingSession-like: date, type, focus, estimated_duration,
    prescription) in the order given, each under its day header."""
    lines = []
    for session in sessions:
        lines.append(write_header(session))
        lines += [
            INDENT + line for line in write_session_lines(session.type, session.prescription, names)
        ]
    return "\n".join(lines) + ("\n" if lines else "")
