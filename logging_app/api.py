"""The sync API: a phone sends the logs it kept while offline (static/js/outbox-core.js).

Bodies and answers are camelCase JSON, as the spec names the fields. Every refusal carries
`errors`, keyed by the body's field or, inside actualData, by JSON path, so a client can show
each message beside what it concerns, and `messages` under the same keys: the same problems
in words a person reads, as the log form says them. The body is read by the one parser the
log form uses too (logging_app/log_input.py). A body over its limit is a JSON 413 before it
is read (logging_app/api_guard.py).
"""

import json
from datetime import UTC

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import api_athlete_required
from logging_app.log_form import FieldLabels, labels_for, numbers
from logging_app.log_input import api_errors, in_words, parse_log
from logging_app.models import WorkoutLog
from logging_app.selectors import named_view, planned_sessions
from logging_app.services import LogConflict, LogIdTaken, record_workout
from training.models import SessionType


def log_json(log: WorkoutLog) -> dict:
    """A stored log as the API shows it: the answer to a POST and to a GET alike."""
    return {
        "id": str(log.pk),
        "sessionId": str(log.session_id) if log.session_id else None,
        "athleteId": str(log.athlete_id),
        "completedAt": iso_utc(log.completed_at),
        "actualData": log.actual_data,
        "rpe": log.rpe,
        "notes": log.notes,
        "syncStatus": log.sync_status,
        "createdAt": iso_utc(log.created_at),
    }


def iso_utc(moment) -> str:
    # In UTC, so a created log and its replay read the same whatever offset the phone sent.
    return moment.astimezone(UTC).isoformat()


def _refusal(status: int, errors: dict, session=None, **extra) -> JsonResponse:
    """A refusal, its errors also in words. Naming a set's exercise costs a query; only a
    refused body pays it."""
    view = named_view(session) if session is not None else None
    label_of = labels_for(view) if view else FieldLabels()
    kind = session.type if session is not None else SessionType.ENDURANCE
    words = in_words(errors, label_of=label_of, numbers=numbers(kind))
    return JsonResponse({**extra, "errors": errors, "messages": words}, status=status)


def _read(request) -> dict:
    try:
        data = json.loads(request.body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise ValidationError({"body": "must be valid JSON"}) from None
    return parse_log(data, zone=request.user.zoneinfo)


def _reject_constant(name):
    # NaN and Infinity are not JSON; Python would accept them, and PostgreSQL then refuse them.
    raise ValueError(f"{name} is not JSON")


@api_athlete_required
@require_POST
def workout_logs(request):
    """Store a log. A replay of a stored id answers 200 with the stored log, not what it sent."""
    try:
        fields = _read(request)
    except ValidationError as error:
        return _refusal(400, api_errors(error))
    session_id = fields.pop("session_id")
    # The sessions the log form accepts, by the same rule: an archived plan's are no one's.
    session = (
        planned_sessions(request.user.pk)
        .prefetch_related(None)
        .select_related("plan__athlete__user")
        .filter(pk=session_id)
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
        return _refusal(400, api_errors(error), session)
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
