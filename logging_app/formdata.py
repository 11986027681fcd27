"""The log form's fields, named by their JSON path, and turning a posted form into the log.

The form names each input after where its value goes ("actualData.exercises.0.sets.1.reps");
FIELDS says, per leaf key, what kind of value it is and what an empty input means. The page
carries this table (`data-fields` on the form), so the offline client (static/js/outbox.js)
builds the same JSON in the browser as the server builds here for a form posted without
JavaScript. One table, two readers, one document.

Two things only a form has, settled by both readers the same way (`settle`): a set's "done"
tick (an unticked set was not done and is left out; an exercise with no set done is stored
as skipped), and a blank weight, which is 0 kg: a bodyweight set.
"""

from dataclasses import dataclass

# Leaf key → (JSON kind, what an empty input means: "omit" the key, "null", "zero", or "drop"
# the enclosing object, e.g. an untyped distance).
FIELDS = {
    "exerciseId": ("string", "omit"),
    "weight": ("number", "zero"),
    "done": ("boolean", "omit"),
    "reps": ("integer", "omit"),
    "rpe": ("number", "null"),
    "modified": ("boolean", "omit"),
    "skipped": ("boolean", "omit"),
    "modality": ("string", "omit"),
    "value": ("number", "drop"),
    "unit": ("string", "omit"),
    "avgHeartRate": ("integer", "null"),
    "avgPower": ("number", "null"),
    "completed": ("boolean", "omit"),
}
PREFIX = "actualData."
MAX_INDEX = 100


@dataclass(frozen=True)
class Input:
    """One input of the log form: its name (the JSON path), value, the label a person reads
    (errors start with it, on the server and on the phone) and its error, if any."""

    name: str
    value: object = ""
    label: str = ""
    error: str = ""


def _convert(raw: str, kind: str):
    """Typed value of one input; text that is not a number stays text, so the schema says so."""
    if kind == "boolean":
        return raw in {"true", "on", "1"}
    if kind in {"number", "integer"}:
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if kind == "integer" and number.is_integer() else number
    return raw


def actual_data_from(post) -> dict:
    """actualData from a posted log form: its document, settled."""
    return settle(form_document(post))


def form_document(post) -> dict:
    """The posted form as a document, ticks still in, as a redrawn form shows it (the last
    value wins, so a hidden "false" before a checkbox gives false when unchecked)."""
    document: dict = {}
    drops = []
    for name in post:
        if not name.startswith(PREFIX):
            continue
        parts = name[len(PREFIX) :].split(".")
        key = parts[-1]
        if key not in FIELDS or any(p.isdigit() and int(p) > MAX_INDEX for p in parts):
            continue
        kind, empty = FIELDS[key]
        raw = post.getlist(name)[-1].strip()
        if raw == "" and empty == "omit":
            continue
        if raw == "" and empty == "drop":
            drops.append(parts[:-1])
            continue
        _put(document, parts, EMPTY.get(empty) if raw == "" else _convert(raw, kind))
    for parent in drops:
        _remove(document, parent)
    return _lists(document)


EMPTY = {"null": None, "zero": 0}


def settle(document):
    """Ticks become the log: only sets ticked done stay (without the tick), and an exercise
    with none is skipped. The sync API never sees a tick, so its documents pass unchanged."""
    for exercise in document.get("exercises", []) if isinstance(document, dict) else []:
        if not isinstance(exercise, dict) or not isinstance(exercise.get("sets", []), list):
            continue
        sets = exercise.get("sets", [])
        done = [s for s in sets if isinstance(s, dict) and s.pop("done", False)]
        exercise["sets"] = done
        if not done:
            exercise["skipped"] = True
    return document


def _put(node: dict, parts: list[str], value) -> None:
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _remove(node: dict, parts: list[str]) -> None:
    for part in parts[:-1]:
        node = node.get(part, {})
    node.pop(parts[-1], None)


def _lists(node):
    """Dicts keyed "0", "1", … become lists, in index order."""
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_lists(node[key]) for key in sorted(node, key=int)]
    return {key: _lists(value) for key, value in node.items()}
