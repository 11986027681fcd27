"""Which planned session a watch activity answers: the rule in one place, for the import and
for the athlete's re-match choices.

A candidate is an endurance session the athlete may log (logging_app.selectors.
planned_sessions: a published plan that stands) of the same modality, not yet logged. The
import looks on the activity's local day (the athlete's profile time zone: a run at 00:30 in
Berlin on Wednesday answers Wednesday's session, though it is still Tuesday, 23:30, in UTC); a
re-match may pick any such session of that week (Monday to Sunday).
"""

from datetime import date, timedelta

from django.utils import timezone

from logging_app.selectors import planned_sessions
from training.models import SessionType, TrainingSession
from training.prescription import Prescription, planned_minutes
from training.selectors import monday_of


def local_day(athlete, started_at) -> date:
    """The day the athlete was on when the activity started, in their profile's zone."""
    return timezone.localdate(started_at, athlete.user.zoneinfo)


def candidates(athlete, modality: str | None, first: date, last: date) -> list[TrainingSession]:
    """The athlete's unlogged endurance sessions of `modality` (None: of any) dated
    first..last, in order."""
    sessions = planned_sessions(athlete.pk).filter(
        type=SessionType.ENDURANCE, date__range=(first, last)
    )
    if modality is not None:
        sessions = sessions.filter(prescription__modality=modality)
    return [session for session in sessions if not session.logs.all()]


def modality_of(session: TrainingSession) -> str | None:
    return (session.prescription or {}).get("modality")


def week_candidates(athlete, modality: str, started_at) -> list[TrainingSession]:
    """The sessions an imported activity may be re-matched to: its week's, as candidates."""
    monday = monday_of(local_day(athlete, started_at))
    return candidates(athlete, modality, monday, monday + timedelta(days=6))


def session_for(athlete, *, modality: str | None, started_at, duration_s: float):
    """The session this activity answers, or None (an unplanned activity).

    Sessions carry a date, not a time, so "the nearest in time" of several on the day is read
    as the nearest in length: the one whose planned minutes are closest to the activity's
    (docs/decisions.md); one without a planned length comes last, ties go to the earlier.
    """
    if modality is None:
        return None
    day = local_day(athlete, started_at)
    found = candidates(athlete, modality, day, day)
    minutes = duration_s / 60

    def distance(session):
        plan = Prescription.of(session.type, session.prescription)
        planned = planned_minutes(plan, session.estimated_duration or None)
        return (planned is None, abs(planned - minutes) if planned is not None else 0)

    return min(found, key=distance, default=None)


def typed_session(athlete, *, modality: str, started_at) -> TrainingSession | None:
    """The day's session of this sport that the athlete logged in the form (its log has no
    watch file behind it), or None. Asked only when nothing else that day answers the
    activity: then the activity is taken to be that workout, logged by hand later in the
    day, rather than a second one (docs/decisions.md)."""
    day = local_day(athlete, started_at)
    return (
        planned_sessions(athlete.pk)
        .filter(
            type=SessionType.ENDURANCE,
            date=day,
            prescription__modality=modality,
            logs__isnull=False,
            logs__imported__isnull=True,
        )
        .first()
    )
