"""A log's input, read once: the one parser the log form view and the sync API share.

Both hand `parse_log` the same body: the phone's outbox sends it as JSON, and the form view
builds it from a form posted without JavaScript (`form_body`). So a log is read, checked and
explained the same way whichever way it came. Errors come out twice: keyed by the body's field
or JSON path for machines (`api_errors`), and in words for people (`in_words`), each starting
with the field as the form names it.

Time: `completedAt` with a UTC offset is that instant; without one ("2026-11-26T18:30") it is
wall time in the athlete's profile zone, what the form shows and the athlete types. So the
phone's own zone never matters (docs/decisions.md "A log's time").
"""

import re
import uuid
from functools import partial

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from hybridpeaks.core.converters import FIRST_DAY, LAST_DAY
from hybridpeaks.core.json_validation import HAS_NUL, has_nul
from logging_app.formdata import PREFIX, actual_data_from
from logging_app.models import NOTES_MAX

# The service's (model's) field names as the body spells them.
BODY_NAMES = {
    "completed_at": "completedAt",
    "actual_data": "actualData",
    "session": "sessionId",
    "athlete": "athleteId",
    NON_FIELD_ERRORS: "body",
}
# What a person should do about a missing field, where "is required" says too little.
REQUIRED = {"completedAt": "enter the date and time you finished"}


def parse_log(data, *, zone) -> dict:
    """The body's fields as record_workout() takes them, checked for shape and type only.

    Raises ValidationError keyed by the body's names; actualData is left to the schema of
    the session's type, which record_workout() checks.
    """
    if not isinstance(data, dict):
        raise ValidationError({"body": "must be a JSON object"})
    readers = {
        "id": ("log_id", _uuid, True),
        "sessionId": ("session_id", _uuid, True),
        "completedAt": ("completed_at", partial(_moment, zone=zone), True),
        "actualData": ("actual_data", _as_is, True),
        "rpe": ("rpe", _rpe, False),
        "notes": ("notes", _notes, False),
    }
    fields, errors = {}, {}
    for key, (name, read, required) in readers.items():
        if data.get(key) is None and required:
            errors[key] = "is required"
            continue
        try:
            fields[name] = read(data.get(key))
        except ValueError as error:
            errors[key] = str(error)
    if errors:
        raise ValidationError(errors)
    return fields


def form_body(post, *, session_id, log_id) -> dict:
    """A log form posted without JavaScript, as the body the outbox would have sent."""
    rpe = post.get("rpe", "").strip()
    return {
        "id": post.get("id") or log_id,
        "sessionId": str(session_id),
        "completedAt": post.get("completedAt", "").strip() or None,
        "actualData": actual_data_from(post),
        # Text that is no number stays text, for parse_log to refuse in its own words.
        "rpe": int(rpe) if rpe.isdigit() else rpe or None,
        "notes": post.get("notes", "").strip() or None,
    }


def _as_is(value):
    # actualData's shape is for the schema of the session's type to judge, in record_workout().
    return value


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        raise ValueError("must be a UUID") from None


def _moment(value, *, zone):
    example = "such as 2025-03-03T18:30 (in your profile's time zone) or 2025-03-03T18:30+01:00"
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise ValueError(f"must be a date and time, {example}")
    # Year 1 or 9999 moved to UTC leaves Python's dates: refused here, the one place times
    # are read, within the range dates in URLs have (hybridpeaks/core/converters.py).
    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise ValueError(
            f"must be a date and time between {FIRST_DAY:%Y} and {LAST_DAY:%Y}, {example}"
        )
    # Wall time as typed means the athlete's profile zone, whatever zone the phone is in.
    return timezone.make_aware(moment, zone) if timezone.is_naive(moment) else moment


def _rpe(value):
    # bool is an int in Python, but `true` is no RPE.
    if value is not None and (type(value) is not int or not 1 <= value <= 10):
        raise ValueError("must be a whole number from 1 to 10, or null")
    return value


def _notes(value):
    if value is not None and not isinstance(value, str):
        raise ValueError("must be text, or null")
    if value is not None and len(value) > NOTES_MAX:
        raise ValueError(f"must be at most {NOTES_MAX} characters")
    if value is not None and has_nul(value):
        raise ValueError(HAS_NUL)
    return value


# --- Errors, for machines and for people ------------------------------------------------------


def api_errors(error: ValidationError) -> dict:
    """A ValidationError as the API's `errors`: the body's names, and actualData's messages
    under their JSON path (validate_document starts each one with it, "path: problem")."""
    errors = {}
    for field, messages in error.message_dict.items():
        for message in messages:
            key = BODY_NAMES.get(field, field)
            if field == "actual_data":
                path, has_path, problem = message.partition(": ")
                if has_path:
                    key = "actualData" if path == "$" else f"actualData.{path}"
                    message = problem
            errors[key] = f"{errors[key]} {message}" if key in errors else message
    return errors


def input_name(key: str) -> str:
    """An `errors` key as the form's input name: actualData.exercises[0].sets[1].reps →
    actualData.exercises.0.sets.1.reps."""
    return re.sub(r"\[(\d+)\]", r".\1", key)


def shape_of(name: str) -> str:
    """An input name's place in the schema, list positions as "*" (exercises.*.sets.*.reps)."""
    return re.sub(r"(?<=\.)\d+(?=\.|$)", "*", name.removeprefix(PREFIX))


def in_words(errors: dict, *, label_of, numbers: dict) -> dict:
    """The API's `errors` as sentences a person reads, keyed by input name.

    A number says its rule, as the phone's own check does ("Set 1 of Pull-Up: reps must be a
    whole number 0–100"); anything else is "<field>: <problem>". Never a path or an id.
    """
    words = {}
    for key, problem in errors.items():
        name = input_name(key)
        label = label_of(name)
        rule = numbers.get(shape_of(name)) if name.startswith(PREFIX) else None
        # A maximum that depends on another value (a distance's on its unit) is not in the
        # rule; the server's own words name it.
        if rule and not (rule["max"] is None and problem.startswith("must be ≤")):
            words[name] = f"{label} {rule['says']}"
        elif problem == "is required":
            words[name] = f"{label}: {REQUIRED.get(name, 'this is required')}"
        else:
            words[name] = f"{label}: {problem[:1].lower()}{problem[1:]}"
    return words
