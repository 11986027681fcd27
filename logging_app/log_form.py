"""The log form of one session: what its inputs are, what they start with, what they are
called.

A set done as planned needs no typing: sets, reps, the target load and the planned RPE are
filled in from the prescription and the athlete's benchmarks (or, with no load planned, the
athlete's last log of the exercise), and every set starts ticked done.
"""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from hybridpeaks.core.json_validation import number_rules
from logging_app.formdata import FIELDS, PREFIX, Input
from training.prescription import EndurancePrescription, Prescription, StrengthItem

ENDURANCE_TYPED = ("duration_value", "distance_value", "avgHeartRate", "avgPower")


@dataclass
class SetRow:
    done: Input
    weight: Input
    reps: Input
    rpe: Input

    @property
    def numbers(self):
        return [self.weight, self.reps, self.rpe]


@dataclass
class ExerciseBlock:
    index: int
    name: str
    plan: str  # "5 × 5 @ 75% 1RM"
    target: object  # targets.Target
    planned: int  # sets as planned: "Done as planned" restores them
    exercise_id: Input
    modified: Input
    skipped: Input
    sets: list[SetRow] = field(default_factory=list)

    @property
    def flags(self):
        return [(self.modified, "Modified"), (self.skipped, "Skipped")]


# A set's numbers as the form names them; errors and aria-labels both start with these.
SET_WORDS = {"done": "done", "weight": "weight (kg)", "reps": "reps", "rpe": "RPE"}
BODY_LABELS = {
    "completedAt": "Finished at",
    "rpe": "Session RPE",
    "notes": "Notes",
    "id": "Log id",
    "sessionId": "Session",
}


class FieldLabels:
    """The label of each input, by name: what the form shows (or reads out) and what every
    error about it starts with, from the server and from the phone alike."""

    def __init__(self, exercise_names=(), distance_unit="km"):
        self.exercise_names = list(exercise_names)
        self.endurance = {
            "duration.value": "Duration (minutes)",
            "distance.value": f"Distance ({distance_unit}, optional)",
            "avgHeartRate": "Average heart rate (bpm, optional)",
            "avgPower": "Average power (W, optional)",
        }

    def __call__(self, name: str) -> str:
        if name in BODY_LABELS:
            return BODY_LABELS[name]
        parts = name.removeprefix(PREFIX).split(".")
        if parts[0] != "exercises" or len(parts) < 2 or not parts[1].isdigit():
            return self.endurance.get(".".join(parts), "The log")
        i = int(parts[1])
        exercise = self.exercise_names[i] if i < len(self.exercise_names) else f"exercise {i + 1}"
        if len(parts) >= 4 and parts[2] == "sets" and parts[3].isdigit():
            where = f"Set {int(parts[3]) + 1} of {exercise}"
            leaf = parts[4] if len(parts) == 5 else None
            return f"{where}: {SET_WORDS[leaf]}" if leaf in SET_WORDS else where
        return exercise


def _plan(view):
    """The session's prescription, typed (training.prescription)."""
    return Prescription.of(view.session.type, view.session.prescription)


def labels_for(view) -> FieldLabels:
    plan = _plan(view)
    unit = plan.distance_unit if isinstance(plan, EndurancePrescription) else "km"
    return FieldLabels([line.label for line in view.lines], unit)


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


def _weight(value) -> str:
    # 0 kg is a bodyweight set: shown blank, as it is typed (formdata: blank weight → 0).
    return "" if value in (0, "0") else _plain(value)


def planned_sets(item: StrengthItem, target, last_weights=()) -> list[dict]:
    """A prescription line as sets done exactly as planned. With no planned load (an RPE lift
    with no 1RM, a bodyweight exercise) each set's weight is the athlete's last one."""
    planned_rpe = "" if item.intensity.rpe is None else item.intensity.rpe
    sets = []
    for j in range(int(item.sets or 1)):
        weight = target.kg
        if weight is None and last_weights:
            weight = last_weights[min(j, len(last_weights) - 1)]
        sets.append({"done": True, "weight": weight, "reps": item.reps, "rpe": planned_rpe})
    return sets


def strength_blocks(view, posted=None, last=None, errors=None) -> list[ExerciseBlock]:
    """One block per prescribed exercise; `posted` (actualData as sent, sets with their ticks)
    overrides the plan. `last` maps an exercise id to its weights in the athlete's last log."""
    items = _plan(view).items
    sent = (posted or {}).get("exercises", [])
    label_of, errors = labels_for(view), errors or {}

    def put(*parts, value):
        name = _name(*parts)
        return Input(name, value, label_of(name), errors.get(name, ""))

    blocks = []
    for i, (item, line) in enumerate(zip(items, view.lines, strict=True)):
        done = sent[i] if i < len(sent) and isinstance(sent[i], dict) else None
        planned = planned_sets(item, line.target, (last or {}).get(item.exercise_id, ()))
        block = ExerciseBlock(
            index=i,
            name=line.label,
            plan=line.prescription,
            target=line.target,
            planned=len(planned),
            exercise_id=put("exercises", i, "exerciseId", value=item.exercise_id),
            modified=put("exercises", i, "modified", value=bool(done and done.get("modified"))),
            skipped=put("exercises", i, "skipped", value=bool(done and done.get("skipped"))),
        )
        for j, values in enumerate(done.get("sets", []) if done else planned):
            values = values if isinstance(values, dict) else {}
            shown = {
                "done": bool(values.get("done")),
                "weight": _weight(values.get("weight")),
                "reps": _plain(values.get("reps")),
                "rpe": _plain(values.get("rpe")),
            }
            block.sets.append(
                SetRow(**{k: put("exercises", i, "sets", j, k, value=v) for k, v in shown.items()})
            )
        blocks.append(block)
    return blocks


def endurance_inputs(view, posted=None, errors=None) -> dict[str, Input]:
    plan = _plan(view)
    values = {
        "modality": plan.modality or "run",
        "duration.value": _plain(plan.minutes),
        "duration.unit": "minutes",
        "distance.value": _plain(plan.distance.value if plan.distance else None),
        "distance.unit": plan.distance_unit,
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
    label_of, errors = labels_for(view), errors or {}
    inputs = {
        key.replace(".", "_"): Input(
            PREFIX + key, value, label_of(PREFIX + key), errors.get(PREFIX + key, "")
        )
        for key, value in values.items()
    }
    # The inputs a person types, in the order the form shows them.
    inputs["numbers"] = [inputs[key] for key in ENDURANCE_TYPED]
    return inputs


def apply_set_operation(document: dict, operation: str) -> dict:
    """add-set:<i> copies exercise i's last set; remove-set:<i> drops its last set."""
    name, *args = operation.split(":")
    exercises = document.get("exercises", [])
    try:
        sets = exercises[int(args[0])].setdefault("sets", [])
        if name == "add-set" and len(sets) < 50:
            sets.append(dict(sets[-1]) if sets else {"done": True})
        elif name == "remove-set":
            sets.pop()
    except (IndexError, ValueError, AttributeError):
        pass
    return document


def numbers(session_type: str) -> dict:
    """The schema's numbers for a session type's log, with their rules in words."""
    return number_rules(f"logging_app:actual_data_{session_type}")


def client_rules(session_type: str) -> dict:
    """What the phone needs to read and check the form as the server does (outbox.js): the
    fields' kinds and empty rules, and the schema's limits, each with its rule in words."""
    return {"fields": FIELDS, "numbers": numbers(session_type)}


def new_log_id() -> str:
    """Minted when the form is drawn, so submitting it twice stores one log."""
    return str(uuid.uuid4())
