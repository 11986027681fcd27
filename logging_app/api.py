"""The sync API: a phone sends the logs it kept while offline (static/js/outbox-core.js).

Bodies and answers are camelCase JSON, as the spec names the fields. Every refusal carries
`errors`, keyed by the body's field or, inside actualData, by JSON path, so a client can show
each message beside what it concerns.
"""

import json
import uuid
from datetime import UTC

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import api_athlete_required
from logging_app.models import WorkoutLog
from logging_app.services import LogConflict, LogIdTaken, record_workout
from training.models import TrainingSession

NOTES_MAX = 1000
# The service's (model's) field names as the body spells them.
BODY_NAMES = {
    "completed_at": "completedAt",
    "actual_data": "actualData",
    "session": "sessionId",
    "athlete": "athleteId",
    NON_FIELD_ERRORS: "body",
}


def log_json(log: WorkoutLog) -> dict:
    """A stored log as the API shows it: the answer to a POST and to a GET alike."""
    return {
        "id": str(log.pk),
        "sessionId": str(log.session_id) if log.session_id else None,
        "athleteId": str(log.athlete_id),
        "completedAt": _iso(log.completed_at),
        "actualData": log.actual_data,
        "rpe": log.rpe,
        "notes": log.notes,
        "syncStatus": log.sync_status,
        "createdAt": _iso(log.created_at),
    }


def _iso(moment) -> str:
    # In UTC, so a created log and its replay read the same whatever offset the phone sent.
    return moment.astimezone(UTC).isoformat()


def _refusal(status: int, errors: dict, **extra) -> JsonResponse:
    return JsonResponse({**extra, "errors": errors}, status=status)


@api_athlete_required
@require_POST
def workout_logs(request):
    """Store a log. A replay of a stored id answers 200 with the stored log, not what it sent."""
    try:
        fields = parse_log(request.body)
    except ValidationError as error:
        return _refusal(400, api_errors(error))
    session_id = fields.pop("session_id")
    session = (
        TrainingSession.objects.select_related("plan__athlete__user")
        .filter(pk=session_id, plan__athlete_id=request.user.pk)
        .first()
    )
    if session is None:
        if stored := _replayed(request, fields["log_id"], session_id):
            return JsonResponse(log_json(stored))
        return _refusal(404, {"sessionId": "No such session in your plans."})
    try:
        log, created = record_workout(athlete=session.plan.athlete, session=session, **fields)
    except ValidationError as error:
        if stored := _replayed(request, fields["log_id"], session_id):
            return JsonResponse(log_json(stored))
        return _refusal(400, api_errors(error))
    except LogConflict as conflict:
        errors = {"sessionId": "This session already has another log."}
        return _refusal(409, errors, existingId=str(conflict.existing.pk))
    except LogIdTaken:
        return _refusal(400, {"id": "Another log has this id; send this one with a new id."})
    return JsonResponse(log_json(log), status=201 if created else 200)


def _replayed(request, log_id, session_id) -> WorkoutLog | None:
    """The athlete's stored log that this body replays, if any. A replay is never an error,
    though its body may no longer pass: since it was stored, the coach may have moved the
    session, changed its type, or deleted it. Asked only when the body is refused."""
    logs = WorkoutLog.objects.filter(Q(session_id=session_id) | Q(session=None))
    return logs.filter(pk=log_id, athlete_id=request.user.pk).first()


@api_athlete_required
@require_GET
@never_cache
def workout_log(request, pk):
    log = WorkoutLog.objects.filter(pk=pk, athlete_id=request.user.pk).first()
    if log is None:
        return _refusal(404, {"id": "No such log of yours."})
    return JsonResponse(log_json(log))


# --- Reading the body ------------------------------------------------------------------------


def parse_log(body: bytes) -> dict:
    """The body's fields as record_workout() takes them, checked for shape and type only.

    Raises ValidationError keyed by the body's names; actualData is left to the schema of
    the session's type, which record_workout() checks.
    """
    try:
        data = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise ValidationError({"body": "must be valid JSON"}) from None
    if not isinstance(data, dict):
        raise ValidationError({"body": "must be a JSON object"})
    readers = {
        "id": ("log_id", _uuid, True),
        "sessionId": ("session_id", _uuid, True),
        "completedAt": ("completed_at", _moment, True),
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


def _reject_constant(name):
    # NaN and Infinity are not JSON; Python would accept them, and PostgreSQL then refuse them.
    raise ValueError(f"{name} is not JSON")


def _as_is(value):
    # actualData's shape is for the schema of the session's type to judge, in record_workout().
    return value


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        raise ValueError("must be a UUID") from None


def _moment(value):
    example = "such as 2025-03-03T18:30:00+01:00"
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise ValueError(f"must be an ISO 8601 date and time, {example}")
    if timezone.is_naive(moment):
        # Without an offset the moment is ambiguous; the phone knows its own.
        raise ValueError(f"must include its UTC offset, {example}")
    return moment


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
    return value


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
