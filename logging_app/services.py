"""Storing what an athlete did. One path for the log form and the sync API."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from hybridpeaks.core.db import insert_once
from logging_app.models import WorkoutLog

LOG_WINDOW = timedelta(days=7)
# A phone's clock may run a little ahead of ours; a log "from the future" by less is accepted.
CLOCK_SKEW = timedelta(minutes=5)


class LogConflict(Exception):
    """The session already has a different log; `existing` is it."""

    def __init__(self, existing: WorkoutLog):
        super().__init__(f"Session already logged as {existing.pk}.")
        self.existing = existing


class LogIdTaken(Exception):
    """The client's id belongs to a log that is not this athlete's for this session."""


def check_timing(*, session, completed_at, time_zone) -> None:
    """The spec's window: within ±7 days of the session's date, and not in the future. An
    unplanned log (no session, from a watch file) has no date to be near: only the future."""
    if completed_at > timezone.now() + CLOCK_SKEW:
        raise ValidationError({"completed_at": "A workout cannot be completed in the future."})
    if session is None:
        return
    local_day = timezone.localdate(completed_at, time_zone)
    if abs(local_day - session.date) > LOG_WINDOW:
        raise ValidationError(
            {"completed_at": "Log a workout within 7 days of the session's date."}
        )


def record_workout(
    *, athlete, session, log_id, completed_at, actual_data, rpe=None, notes=None
) -> tuple[WorkoutLog, bool]:
    """Store a log; return (log, created). Replaying the same `log_id` returns the stored log.

    The database decides duplicates: concurrent requests race to the INSERT, and the unique
    constraints (primary key, one log per session and athlete) let exactly one through. A loser
    finds the winner: the same id is a replay, another id a LogConflict.
    """
    log = WorkoutLog(
        id=log_id,
        athlete=athlete,
        session=session,
        completed_at=completed_at,
        actual_data=actual_data,
        rpe=rpe,
        notes=notes or None,
        sync_status=WorkoutLog.SyncStatus.SYNCED,
    )
    # Field validators mirror the check constraints without a query each; uniqueness is left
    # to the INSERT below, where it cannot race. The session and athlete are loaded objects:
    # validating them would ask the database, a query each, whether they exist.
    log.full_clean(
        exclude=["session", "athlete"], validate_unique=False, validate_constraints=False
    )
    check_timing(session=session, completed_at=completed_at, time_zone=athlete.user.zoneinfo)
    if not insert_once(log):
        same_session = Q(session=session, athlete=athlete) if session is not None else Q()
        stored = (
            WorkoutLog.objects.filter(Q(pk=log_id) | same_session).order_by("created_at").first()
        )
        if stored is None:
            raise IntegrityError(f"The database refused log {log.pk}, and holds no winner.")
        # log.pk, not log_id: full_clean() made it a UUID, and a form posts the id as text.
        if stored.pk != log.pk:
            raise LogConflict(stored) from None
        if stored.athlete_id != athlete.pk or stored.session_id != getattr(session, "pk", None):
            raise LogIdTaken from None
        return stored, False
    return log, True
