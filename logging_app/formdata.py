"""The log form's fields, named by their JSON path, and turning a posted form into the log.

The form names each input after where its value goes ("actualData.exercises.0.sets.1.reps"),
and says in `data-json` what kind of value it is and in `data-empty` what an empty input
means. The offline client (static/js/outbox.js) reads those attributes to build the same JSON
in the browser; the server reads this table for a form posted without JavaScript. One table,
two readers, one document.
"""

from dataclasses import dataclass

# Leaf key → (JSON kind, what an empty input means: "omit" the key, "null", or "drop" the
# enclosing object, e.g. an untyped distance).
FIELDS = {
    "exerciseId": ("string", "omit"),
    "weight": ("number", "omit"),
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
    """One input of the log form: its name (the JSON path), kind and empty rule."""

    name: str
    value: object = ""

    @property
    def key(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def kind(self) -> str:
        return FIELDS[self.key][0]

    @property
    def empty(self) -> str:
        return FIELDS[self.key][1]


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
    """Build actualData from a posted log form (the last value wins, so a hidden "false"
    before a checkbox gives booleans that are false when unchecked)."""
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
        _put(document, parts, None if raw == "" else _convert(raw, kind))
    for parent in drops:
        _remove(document, parent)
    return _lists(document)


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
