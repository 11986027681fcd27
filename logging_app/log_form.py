"""The log form of one session: what its inputs are and what they start with.

A set done as planned needs no typing: sets, reps, the target load and the planned RPE are
filled in from the prescription and the athlete's benchmarks.
"""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from logging_app.formdata import PREFIX, Input

MINUTES_PER = {"minutes": 1, "hours": 60}


@dataclass
class SetRow:
    weight: Input
    reps: Input
    rpe: Input

    @property
    def inputs(self):
        return [(self.weight, "weight in kg"), (self.reps, "reps"), (self.rpe, "RPE")]


@dataclass
class ExerciseBlock:
    index: int
    name: str
    plan: str  # "5 × 5 @ 75% 1RM"
    target: object  # targets.Target
    exercise_id: Input
    modified: Input
    skipped: Input
    sets: list[SetRow] = field(default_factory=list)

    @property
    def flags(self):
        return [(self.modified, "Modified"), (self.skipped, "Skipped")]


def _name(*parts) -> str:
    return PREFIX + ".".join(str(p) for p in parts)


def _plain(number) -> str:
    """A number as a person types it (100, not 100.0); anything else as it was typed."""
    if number is None or number == "":
        return ""
    try:
        value = Decimal(str(number))
    except InvalidOperation:
        return str(number)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value}"


def strength_blocks(view, posted: dict | None = None) -> list[ExerciseBlock]:
    """One block per prescribed exercise; `posted` (actualData as sent) overrides the plan."""
    items = view.session.prescription.get("exercises", [])
    sent = (posted or {}).get("exercises", [])
    blocks = []
    for i, (item, line) in enumerate(zip(items, view.lines, strict=True)):
        done = sent[i] if i < len(sent) and isinstance(sent[i], dict) else None
        intensity = item.get("intensity", {})
        planned_rpe = intensity.get("value") if intensity.get("type") == "rpe" else ""
        planned = [
            {"weight": line.target.kg or "", "reps": item.get("reps"), "rpe": planned_rpe}
        ] * int(item.get("sets") or 1)
        sets = done.get("sets", []) if done else planned
        block = ExerciseBlock(
            index=i,
            name=line.label,
            plan=line.prescription,
            target=line.target,
            exercise_id=Input(_name("exercises", i, "exerciseId"), item.get("exerciseId")),
            modified=Input(_name("exercises", i, "modified"), bool(done and done.get("modified"))),
            skipped=Input(_name("exercises", i, "skipped"), bool(done and done.get("skipped"))),
        )
        for j, values in enumerate(sets):
            block.sets.append(
                SetRow(
                    *(
                        Input(_name("exercises", i, "sets", j, key), _plain(values.get(key)))
                        for key in ("weight", "reps", "rpe")
                    )
                )
            )
        blocks.append(block)
    return blocks


def endurance_inputs(session, posted: dict | None = None) -> dict[str, Input]:
    plan = session.prescription
    duration = plan.get("duration", {})
    minutes = (duration.get("value") or 0) * MINUTES_PER.get(duration.get("unit"), 1)
    distance = plan.get("distance") or {}
    values = {
        "modality": plan.get("modality", "run"),
        "duration.value": _plain(minutes),
        "duration.unit": "minutes",
        "distance.value": _plain(distance.get("value")),
        "distance.unit": distance.get("unit", "km"),
        "avgHeartRate": "",
        "avgPower": "",
        "completed": True,
    }
    if posted:
        values.update(
            {
                "duration.value": _plain((posted.get("duration") or {}).get("value")),
                "distance.value": _plain((posted.get("distance") or {}).get("value")),
                "avgHeartRate": _plain(posted.get("avgHeartRate")),
                "avgPower": _plain(posted.get("avgPower")),
                "completed": bool(posted.get("completed")),
            }
        )
    return {key.replace(".", "_"): Input(PREFIX + key, value) for key, value in values.items()}


def apply_set_operation(document: dict, operation: str) -> dict:
    """add-set:<i> copies exercise i's last set; remove-set:<i>:<j> drops set j of exercise i."""
    name, *args = operation.split(":")
    exercises = document.get("exercises", [])
    try:
        i = int(args[0])
        sets = exercises[i].setdefault("sets", [])
        if name == "add-set" and len(sets) < 50:
            sets.append(dict(sets[-1]) if sets else {})
        elif name == "remove-set":
            sets.pop(int(args[1]))
    except (IndexError, ValueError, AttributeError):
        pass
    return document


def new_log_id() -> str:
    """Minted when the form is drawn, so submitting it twice stores one log."""
    return str(uuid.uuid4())
