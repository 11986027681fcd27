"""Watch files becoming workout logs (issue 14): store an upload, read it in the background,
and turn each activity into a log through record_workout, the one path every log takes.

Each file is its own transaction: a file that fails stores nothing, and the others go on.
Duplicates are decided under a lock on the athlete's row (one import of theirs at a time,
whichever worker runs it), with the unique (athlete, sha256) as the last word.
"""

import logging
import tempfile
import uuid
from datetime import timedelta
from itertools import groupby

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.utils import dateformat, timezone

import audit
from accounts.models import Athlete
from hybridpeaks.core.db import insert_once
from logging_app.activity_files import MAX_FILES, MAX_UPLOAD_BYTES, FileProblem, read_upload
from logging_app.imports import matching
from logging_app.imports.models import (
    MODALITIES,
    ImportBatch,
    ImportChunk,
    ImportedActivity,
    Outcome,
)
from logging_app.models import WorkoutLog
from logging_app.selectors import BENCHMARK_COLUMNS
from logging_app.services import LogConflict, check_timing, record_workout
from training.models import BenchmarkMetric
from training.prescription import minutes_of
from training.targets import Benchmarks

logger = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024  # a stored piece of an upload
SAME_START = timedelta(seconds=60)  # the "start time within 60 s"
ZONES = [f"HR_zone_{n}" for n in range(1, 6)]
NOUN = {modality: label.lower() for modality, label in MODALITIES}  # "bike" → "ride"
TOO_LARGE = f"The upload is over {MAX_UPLOAD_BYTES // (1024 * 1024)} MB: send fewer files."
TOO_MANY = f"At most {MAX_FILES} files at a time (or a zip)."


class _AlreadyStored(Exception):
    """Another import stored the same file first (the unique hash): undo this file's log."""


# --- Starting: the upload is stored, the batch queued --------------------------------------


def start_import(athlete, name: str, stream) -> ImportBatch:
    """One uploaded file (or zip) as a batch, queued; see start_batch."""
    return start_batch(athlete, [(name, stream)])


def start_batch(athlete, uploads) -> ImportBatch:
    """Store the uploads ((name, binary stream) pairs) and queue their import.

    The bytes wait in the database, a megabyte a row, until the task has read them: a worker
    on another machine needs no shared disk, and no step holds a whole upload in memory. Over
    50 MB in all, or over 100 files, is refused with nothing stored. The task is queued once
    the rows are committed, so a worker never looks for a batch it cannot see yet.
    """
    uploads = list(uploads)
    if not uploads:
        raise ValidationError({"files": "Choose a .fit, .gpx, .tcx or .zip file."})
    if len(uploads) > MAX_FILES:
        raise ValidationError({"files": TOO_MANY})
    with transaction.atomic():
        batch = ImportBatch.objects.create(athlete=athlete)
        total = 0
        for upload, (name, stream) in enumerate(uploads):
            seq = 0
            while piece := stream.read(CHUNK_BYTES):
                total += len(piece)
                if total > MAX_UPLOAD_BYTES:
                    raise ValidationError({"files": TOO_LARGE})
                ImportChunk.objects.create(
                    batch=batch, upload=upload, name=name[:255], seq=seq, data=piece
                )
                seq += 1
            if seq == 0:  # an empty file still gets its line on the batch page
                ImportChunk.objects.create(batch=batch, upload=upload, name=name[:255], seq=0)
        # Imported here: the task module imports this one.
        from logging_app.imports.tasks import import_batch

        transaction.on_commit(lambda: import_batch.delay(str(batch.pk)))
    return batch


# --- Running: each file read, deduplicated, matched and stored -----------------------------


def run_import(batch: ImportBatch) -> ImportBatch:
    """Read every stored file of the batch and record what became of each, file by file (the
    batch page shows them as they come); then delete the stored bytes. Running a batch again
    (a worker died, the message came back) is harmless: what was stored is "already
    imported"."""
    athlete = Athlete.objects.select_related("user").get(pk=batch.athlete_id)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    zones = hr_zone_uppers(athlete)
    outcomes = []
    for name, stream in _stored_uploads(batch):
        for item in _read(name, stream, zones):
            outcomes.append(_outcome_of(athlete, item))
            ImportBatch.objects.filter(pk=batch.pk).update(outcomes=outcomes)
    batch.chunks.all().delete()
    batch.outcomes, batch.status = outcomes, ImportBatch.Status.DONE
    batch.finished_at = timezone.now()
    batch.save(update_fields=["outcomes", "status", "finished_at"])
    return batch


def hr_zone_uppers(athlete) -> list[float] | None:
    """The newest HR_zone_1..5 benchmarks (each zone's upper bound, bpm), or None when any
    is missing: then no time in zones is computed."""
    rows = BenchmarkMetric.objects.filter(athlete=athlete, metric_type__in=ZONES).values_list(
        *BENCHMARK_COLUMNS, named=True
    )
    benchmarks = Benchmarks(rows)
    uppers = [benchmarks.value(zone) for zone in ZONES]
    return None if None in uppers else [float(upper) for upper in uppers]


def _stored_uploads(batch):
    """Each stored upload as (name, stream): its pieces spooled to a temporary file (kept in
    memory up to a megabyte), which a zip reader may seek in."""
    pieces = (
        ImportChunk.objects.filter(batch=batch)
        .order_by("upload", "seq")
        .values_list("upload", "name", "data")
    )
    for (_, name), rows in groupby(pieces.iterator(chunk_size=4), key=lambda row: row[:2]):
        with tempfile.SpooledTemporaryFile(max_size=CHUNK_BYTES) as spool:
            for *_, data in rows:
                spool.write(bytes(data))
            spool.seek(0)
            yield name, spool


def _read(name: str, stream, zones):
    """read_upload's activities and problems; a bug in a reader ends this upload with a
    problem in words, not the batch (which would stay "running", its page polling, queued
    again for ever by resume_imports)."""
    try:
        yield from read_upload(name, stream, hr_zone_uppers=zones)
    except SoftTimeLimitExceeded:
        raise
    except Exception:
        logger.exception("Reading %s failed", name)
        yield FileProblem(name, "could not be read (an error on our side, reported).")


def _outcome_of(athlete, item) -> dict:
    if isinstance(item, FileProblem):
        return outcome(item.file_name, Outcome.PROBLEM, str(item))
    try:
        return import_activity(athlete, item)
    except (OperationalError, InterfaceError, SoftTimeLimitExceeded):
        # The database is away (the task is retried later: BackgroundTask), or the task's
        # time is up: neither is this file's fault.
        raise
    except Exception:
        # One file's bug must not leave the batch "running" for ever: logged, said, next file.
        logger.exception("Importing %s failed", item.file_name)
        return outcome(
            item.file_name,
            Outcome.PROBLEM,
            f"{item.file_name}: could not be imported (an error on our side, reported).",
        )


def outcome(file_name: str, kind: Outcome, message: str, log_id=None) -> dict:
    """One line of a batch's outcomes (JSON): the file, what became of it, and its log."""
    return {
        "file": file_name,
        "outcome": kind.value,
        "message": message,
        "log": str(log_id) if log_id else None,
    }


def import_activity(athlete, activity) -> dict:
    """One activity to one log, in a transaction of its own; returns its outcome."""
    name = activity.file_name
    if activity.modality is None:
        sport = activity.sport or "unnamed"
        message = f"{name}: a {sport} activity; only runs, rides, rows and swims become logs."
        return outcome(name, Outcome.PROBLEM, message)
    try:
        with transaction.atomic():
            # One import of this athlete's at a time: the next one sees this one's activity.
            list(Athlete.objects.select_for_update().filter(pk=athlete.pk).values_list("pk"))
            return _dedup(athlete, activity) or _store(athlete, activity)
    except ValidationError as error:
        return outcome(name, Outcome.PROBLEM, f"{name}: {' '.join(error.messages)}")
    except _AlreadyStored:
        return outcome(name, Outcome.ALREADY_IMPORTED, f"{name}: already imported.")


def _dedup(athlete, activity) -> dict | None:
    """The outcome when this activity is already a log, or None when it is new."""
    name = activity.file_name
    same_file = ImportedActivity.objects.filter(athlete=athlete, sha256=activity.sha256).first()
    if same_file is not None:
        when = _local(athlete, same_file.started_at, "l j F, H:i")
        message = f"{name}: already imported ({when})."
        return outcome(name, Outcome.ALREADY_IMPORTED, message, same_file.log_id)
    twin = (
        ImportedActivity.objects.filter(
            athlete=athlete,
            modality=activity.modality,
            started_at__range=(activity.started_at - SAME_START, activity.started_at + SAME_START),
        )
        .select_related("log")
        .first()
    )
    if twin is not None:
        return _twin(athlete, activity, twin)
    typed = _typed_by_hand(athlete, activity)
    if typed is not None:
        when = _local(athlete, typed.completed_at, "l j F, H:i")
        message = (
            f"{name}: this {NOUN[activity.modality]} is already logged by hand ({when}); "
            "your log stands as you typed it."
        )
        return outcome(name, Outcome.ALREADY_IMPORTED, message, typed.pk)
    return None


def _twin(athlete, activity, twin: ImportedActivity) -> dict:
    """The same activity from another file: the copy with heart rate or power wins, while the
    stored one is not final (docs/decisions.md, "Watch imports: duplicates, the richer copy")."""
    name = activity.file_name
    same = f"{name}: the same {NOUN[activity.modality]} as {twin.file_name}, already imported"
    if not activity.has_sensors or twin.has_sensors:
        return outcome(name, Outcome.ALREADY_IMPORTED, f"{same}.", twin.log_id)
    if twin.is_final():
        message = f"{same} and final: kept as it is, without this file's heart rate or power."
        return outcome(name, Outcome.ALREADY_IMPORTED, message, twin.log_id)
    log = twin.log
    log.actual_data = actual_data_of(activity)
    log.completed_at = activity.started_at + timedelta(seconds=activity.duration_s)
    # The rules record_workout applies to a new log (schema, window), without its INSERT.
    log.full_clean(
        exclude=["session", "athlete"], validate_unique=False, validate_constraints=False
    )
    zone = athlete.user.zoneinfo
    check_timing(session=log.session, completed_at=log.completed_at, time_zone=zone)
    log.save(update_fields=["actual_data", "completed_at", "updated_at"])  # post_save: roster
    previous = twin.file_name
    twin.sha256, twin.format, twin.file_name = activity.sha256, activity.format, name
    twin.started_at, twin.has_sensors, twin.version = activity.started_at, True, twin.version + 1
    twin.save(
        update_fields=["sha256", "format", "file_name", "started_at", "has_sensors", "version"]
    )
    audit.record("replace_imported_activity", athlete.user, log, replaced=previous, file=name)
    message = (
        f"{name}: the same {NOUN[activity.modality]} as {previous}, with heart rate or power: "
        "its data replaces the copy without."
    )
    return outcome(name, Outcome.REPLACED, message, log.pk)


def _typed_by_hand(athlete, activity) -> WorkoutLog | None:
    """A log the athlete typed (no file behind it) of the same sport whose time, from its
    duration before its finish to its finish, overlaps the activity's: the same workout."""
    start = activity.started_at
    end = start + timedelta(seconds=activity.duration_s)
    logs = WorkoutLog.objects.filter(
        athlete=athlete,
        imported__isnull=True,
        actual_data__modality=activity.modality,
        completed_at__gt=start,
        completed_at__lt=end + timedelta(days=1),  # the longest duration a log may have
    ).only("completed_at", "actual_data")
    for log in logs:
        minutes = minutes_of(log.actual_data.get("duration")) or 0
        if log.completed_at - timedelta(minutes=minutes) < end:
            return log
    return None


def _store(athlete, activity) -> dict:
    """A new log: matched to the day's session of this sport, else unplanned; unless that
    day's session of this sport was logged by hand (then it is taken to be this one)."""
    session = matching.session_for(
        athlete,
        modality=activity.modality,
        started_at=activity.started_at,
        duration_s=activity.duration_s,
    )
    name, noun = activity.file_name, NOUN[activity.modality]
    if session is None:
        typed = matching.typed_session(
            athlete, modality=activity.modality, started_at=activity.started_at
        )
        if typed is not None:
            message = (
                f"{name}: {session_name(typed)} is already logged by hand; this {noun} is "
                "taken to be that one, and your log stands as you typed it."
            )
            return outcome(name, Outcome.ALREADY_IMPORTED, message, typed.logs.all()[0].pk)
    fields = {
        "athlete": athlete,
        "completed_at": activity.started_at + timedelta(seconds=activity.duration_s),
        "actual_data": actual_data_of(activity),
    }
    try:
        log, _ = record_workout(session=session, log_id=uuid.uuid4(), **fields)
    except LogConflict:
        # The session was logged from the form meanwhile: this activity stands on its own.
        session = None
        log, _ = record_workout(session=None, log_id=uuid.uuid4(), **fields)
    imported = ImportedActivity(
        log=log,
        athlete=athlete,
        sha256=activity.sha256,
        format=activity.format,
        file_name=activity.file_name[:255],
        started_at=activity.started_at,
        modality=activity.modality,
        has_sensors=activity.has_sensors,
    )
    if not insert_once(imported):
        raise _AlreadyStored
    if session is None:
        day = _local(athlete, activity.started_at, "l j F")
        message = f"{name}: no {noun} planned on {day}: kept as an unplanned {noun}."
        return outcome(name, Outcome.UNPLANNED, message, log.pk)
    return outcome(name, Outcome.MATCHED, f"{name}: matched to {session_name(session)}.", log.pk)


def session_name(session) -> str:
    """ "Tuesday's run “Easy run”": how the athlete's pages name a matched session."""
    noun = NOUN.get(matching.modality_of(session), "session")
    focus = f" “{session.focus}”" if session.focus else ""
    return f"{dateformat.format(session.date, 'l')}'s {noun}{focus}"


def actual_data_of(activity) -> dict:
    """The endurance log's actual_data (logging_app/schemas/actual_data_endurance.json) from
    what the file holds; what it lacks is null."""
    zones = activity.zone_seconds
    return {
        "modality": activity.modality,
        "duration": {"value": _minutes(activity.duration_s), "unit": "minutes"},
        "distance": (
            {"value": round(activity.distance_m / 1000, 2), "unit": "km"}
            if activity.distance_m
            else None
        ),
        "movingMinutes": None if activity.moving_s is None else _minutes(activity.moving_s),
        "avgHeartRate": activity.avg_hr,
        "maxHeartRate": activity.max_hr,
        "avgPower": None if activity.avg_power is None else round(activity.avg_power, 1),
        "zoneMinutes": None if zones is None else [round(s / 60, 2) for s in zones],
        "completed": True,
    }


def _minutes(seconds: float) -> float:
    return round(seconds / 60, 1)


def _local(athlete, moment, format_string: str) -> str:
    return dateformat.format(timezone.localtime(moment, athlete.user.zoneinfo), format_string)
