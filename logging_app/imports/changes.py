"""The athlete's say over an import before it is final: re-match it to another session of
its week, unmatch it (an unplanned activity), or keep it as it is (final from then on).

Each change names the version of the import the page showed and is one compare-and-set on
it (as plan edits are): a second tab's stale form is refused, never applied over a change it
did not show. A final import refuses every change the same way.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

import audit
from logging_app.imports import matching
from logging_app.imports.models import ImportedActivity
from logging_app.services import check_timing


class StaleImport(Exception):
    """The import changed (or became final) since the page was drawn."""


def _bump(imported: ImportedActivity, version: int, **changes) -> None:
    """Compare-and-set in one UPDATE: only from the version shown, only while open."""
    updated = (
        ImportedActivity.objects.open()
        .filter(pk=imported.pk, version=version)
        .update(version=F("version") + 1, **changes)
    )
    if not updated:
        raise StaleImport
    imported.version = version + 1
    for field, value in changes.items():
        setattr(imported, field, value)


@transaction.atomic
def rematch(*, imported: ImportedActivity, version: int, session_id, request=None):
    """Hang the import's log on another unlogged session of its week and modality, or on
    none (`session_id` None: unplanned)."""
    session = None
    if session_id is not None:
        choices = matching.week_candidates(imported.athlete, imported.modality, imported.started_at)
        session = next((s for s in choices if str(s.pk) == str(session_id)), None)
        if session is None:
            raise ValidationError(
                {"session": "Choose one of this week's sessions of the same sport, not yet logged."}
            )
    _bump(imported, version)
    log = imported.log
    before = log.session_id
    log.session = session
    check_timing(
        session=session, completed_at=log.completed_at, time_zone=imported.athlete.user.zoneinfo
    )
    try:
        with transaction.atomic():
            log.save(update_fields=["session", "updated_at"])  # post_save: roster figures
    except IntegrityError:
        raise StaleImport from None  # the session was logged from the form meanwhile
    action = "rematch_imported_activity" if session else "unmatch_imported_activity"
    audit.record(
        action,
        imported.athlete.user,
        log,
        request,
        before=str(before) if before else None,
        after=str(session.pk) if session else None,
    )
    return imported


def keep(*, imported: ImportedActivity, version: int) -> ImportedActivity:
    """The athlete is content with the match: final from now on."""
    _bump(imported, version, confirmed_at=timezone.now())
    return imported
