"""Reads for the import pages, always of the signed-in athlete's own imports."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from logging_app.imports.matching import candidates, local_day, modality_of
from logging_app.imports.models import FINAL_AFTER, ImportBatch, ImportedActivity
from logging_app.imports.services import session_name
from training.models import TrainingSession
from training.selectors import monday_of

OPEN_SHOWN = 30  # the newest open imports a page lists (a week's worth, and then some)


@dataclass(frozen=True)
class OpenImport:
    """An import the athlete may still change, as the page shows it."""

    imported: ImportedActivity
    matched_to: str  # "Matched to Tuesday's run “Easy run”" or "Unplanned"
    choices: list[tuple[TrainingSession, str]]  # other sessions it may be re-matched to
    final_on: date  # the day it becomes final on its own, in the athlete's zone


def batch_of(athlete_id, pk) -> ImportBatch | None:
    return ImportBatch.objects.filter(athlete_id=athlete_id, pk=pk).first()


def open_imports_queryset(athlete_id):
    """The athlete's imports not yet final, newest first, with their logs and sessions."""
    return (
        ImportedActivity.objects.open()
        .filter(athlete_id=athlete_id)
        .select_related("log__session", "athlete__user")
        .order_by("-started_at")
    )


def open_imports(athlete) -> tuple[list[OpenImport], bool]:
    """The newest OPEN_SHOWN open imports, each with its match in words and its re-match
    choices (the unlogged endurance sessions of its week and sport), and whether there are
    more. The weeks' sessions are read at once (two queries, whatever the number)."""
    imports = list(open_imports_queryset(athlete.pk)[: OPEN_SHOWN + 1])
    more = len(imports) > OPEN_SHOWN
    imports = imports[:OPEN_SHOWN]
    if not imports:
        return [], False
    mondays = {imp.pk: monday_of(local_day(athlete, imp.started_at)) for imp in imports}
    first, last = min(mondays.values()), max(mondays.values()) + timedelta(days=6)
    sessions = candidates(athlete, None, first, last)
    rows = []
    for imp in imports:
        monday = mondays[imp.pk]
        choices = [
            (session, session_name(session))
            for session in sessions
            if monday <= session.date <= monday + timedelta(days=6)
            and modality_of(session) == imp.modality
        ]
        session = imp.log.session
        matched_to = f"Matched to {session_name(session)}" if session else "Unplanned"
        rows.append(OpenImport(imp, matched_to, choices, final_on(imp)))
    return rows, more


def final_on(imported: ImportedActivity):
    """The day an open import becomes final on its own, in the athlete's zone."""
    return timezone.localdate(imported.created_at + FINAL_AFTER, imported.athlete.user.zoneinfo)
