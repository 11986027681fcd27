"""The one JSON Schema validator every write path uses (model clean(), forms, admin, services).

Schemas live as `.json` files in the `schemas/` folder of the app that owns the column and are
named "<app_label>:<file stem>", e.g. "training:prescription_strength". Errors come back as a
Django ValidationError whose messages start with the JSON path of the bad value, such as
"exercises[0].sets: must be ≥ 1", so a person can find what to fix.
"""

import json
import math
from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError


@cache
def schema_validator(schema: str) -> Draft7Validator:
    """Load and compile a schema once per process; "app_label:name" names the file."""
    app_label, name = schema.split(":")
    path = apps.get_app_config(app_label).path + f"/schemas/{name}.json"
    with open(path, encoding="utf-8") as schema_file:
        document = json.load(schema_file)
    Draft7Validator.check_schema(document)
    # FormatChecker() knows every format, uuid included; Draft 7's own list lacks uuid.
    return Draft7Validator(document, format_checker=FormatChecker())


def schema_problems(document, *, schema: str) -> list[tuple[list, str]]:
    """Every schema violation as (JSON path as a list, plain-language problem), in document
    order; forms use the path to put each message beside the field it concerns."""
    hostile = unstorable(document)
    if hostile:
        # A schema's bounds mean nothing to NaN (every comparison is false), and the rest of
        # the document is not worth judging: name what cannot be stored, and stop.
        return hostile
    problems = sorted(located(error) for error in schema_validator(schema).iter_errors(document))
    return [(path, problem) for _, path, problem in problems]


NOT_FINITE = "must be a finite number"
HAS_NUL = "must not contain the NUL character"
MAX_DEPTH = 16


def unstorable(document, path=(), depth=0) -> list[tuple[list, str]]:
    """Values no schema can refuse and PostgreSQL cannot store: NaN and ±Infinity (not JSON),
    NUL characters in text or keys (jsonb and text refuse them), and nesting deeper than any
    schema allows (MAX_DEPTH), checked before the schema so a hostile document costs little.

    Every write path reaches this through schema_problems(): model clean(), the forms, the
    builder, the admin, the log form and the sync API. Free text outside JSON (notes) asks
    `has_nul` itself.
    """
    if depth > MAX_DEPTH:
        return [(list(path), f"is nested too deeply (at most {MAX_DEPTH} levels)")]
    if isinstance(document, float) and not math.isfinite(document):
        return [(list(path), NOT_FINITE)]
    if isinstance(document, str):
        return [(list(path), HAS_NUL)] if has_nul(document) else []
    if isinstance(document, dict):
        items = document.items()
    elif isinstance(document, list):
        items = enumerate(document)
    else:
        return []
    problems = []
    for key, value in items:
        if isinstance(key, str) and has_nul(key):
            problems.append((list(path), f"a key {HAS_NUL}"))
            continue
        problems.extend(unstorable(value, (*path, key), depth + 1))
    return problems


def has_nul(text: str) -> bool:
    """True if `text` holds a NUL character, which PostgreSQL's text and jsonb refuse."""
    return "\x00" in text


def searchable(text: str) -> str:
    """Search text without NUL characters: no name holds one, and PostgreSQL refuses a query
    with one (a 500), so a search for it finds what the rest of the text finds."""
    return text.replace("\x00", "")


def validate_document(document, *, schema: str, field: str | None = None) -> None:
    """Raise ValidationError listing every schema violation, each prefixed by its JSON path.

    With `field`, the errors are keyed by that form/model field name.
    """
    problems = schema_problems(document, schema=schema)
    if not problems:
        return
    messages = [f"{json_path(path)}: {problem}" for path, problem in problems]
    raise ValidationError({field: messages} if field else messages)


def json_path(path) -> str:
    """Render a jsonschema path deque as `exercises[0].sets`; the document itself is `$`."""
    rendered = ""
    for part in path:
        rendered += f"[{part}]" if isinstance(part, int) else f".{part}" if rendered else part
    return rendered or "$"


_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
    "null": "empty",
}


def located(error: SchemaError) -> tuple[list, list, str]:
    """(sort key, JSON path, problem); a missing key is named in the path itself.

    The sort key orders list positions as numbers (items[2] before items[10]) and keys as
    text, so messages read in document order.
    """
    path = list(error.absolute_path)
    problem = describe(error)
    if error.validator == "required":
        path.append(error.message.split("'")[1])
        problem = "is required"
    sort_key = [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in path]
    return sort_key, path, problem


def describe(error: SchemaError) -> str:
    """A short, plain-language message for one schema violation."""
    match error.validator:
        case "minimum":
            return f"must be ≥ {error.validator_value}"
        case "maximum":
            return f"must be ≤ {error.validator_value}"
        case "exclusiveMinimum":
            return f"must be > {error.validator_value}"
        case "exclusiveMaximum":
            return f"must be < {error.validator_value}"
        case "enum" if "propertyNames" in error.schema_path:
            allowed = ", ".join(str(v) for v in error.validator_value)
            return f"unknown key '{error.instance}' (allowed: {allowed})"
        case "enum":
            return "must be one of " + ", ".join(str(v) for v in error.validator_value)
        case "const":
            return f"must be {error.validator_value}"
        case "type":
            expected = error.validator_value
            expected = expected if isinstance(expected, list) else [expected]
            return "must be " + " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        case "format":
            return f"must be a valid {error.validator_value}"
        case "pattern" if "description" in error.schema:
            # Schemas describe their patterns in words; a regex means little to a coach.
            return f"must be {error.schema['description']}"
        case "pattern":
            return f"does not match the expected format ({error.validator_value})"
        case "minItems":
            return f"must have at least {error.validator_value} item(s)"
        case "maxItems":
            return f"must have at most {error.validator_value} item(s)"
        case "uniqueItems":
            return "must not repeat a value"
        case "minLength":
            return f"must be at least {error.validator_value} character(s)"
        case "maxLength":
            return f"must be at most {error.validator_value} character(s)"
        case "oneOf" | "anyOf" | "not" if "description" in error.schema:
            # As with patterns: the schema says in words what the combination asks for.
            return f"must be {error.schema['description']}"
        case "additionalProperties":
            return error.message.replace("Additional properties are not allowed", "unknown key")
        case _:
            return error.message


def number_rules(schema: str) -> dict[str, dict]:
    """Every number a document of `schema` may hold, by its shape path with "*" for list
    positions ("exercises.*.sets.*.reps"): kind, bounds, and the rule in words.

    Forms carry these to the phone, so a check made there uses the server's limits and says
    what the server would say; nothing is copied by hand.
    """
    rules: dict[str, dict] = {}
    _walk(schema_validator(schema).schema, [], rules)
    return rules


def _walk(node: dict, path: list[str], rules: dict) -> None:
    for key, child in node.get("properties", {}).items():
        _walk(child, [*path, key], rules)
    if isinstance(node.get("items"), dict):
        _walk(node["items"], [*path, "*"], rules)
    kinds = node.get("type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    kind = "integer" if "integer" in kinds else "number" if "number" in kinds else None
    if kind and path:
        low, high = node.get("minimum"), node.get("maximum")
        says = _says(kind, low, high)
        rules[".".join(path)] = {"kind": kind, "min": low, "max": high, "says": says}


def _says(kind: str, low, high) -> str:
    what = "a whole number" if kind == "integer" else "a number"
    if low is not None and high is not None:
        return f"must be {what} {low}–{high}"
    if low is not None:
        return f"must be {what}, {low} or more"
    return f"must be {what}"
