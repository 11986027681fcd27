"""Watch files becoming logs: an upload batch, its stored bytes until a worker has read them,
and one ImportedActivity per log an import made (what file it came from, whether it is final).

Imported by logging_app.models (the app's models module) so Django registers them there."""

import uuid
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models import Athlete
from logging_app.models import WorkoutLog

# An import the athlete has not kept becomes final on its own this long after it was made
# (docs/decisions.md, "Watch imports: matching, …, and when an import is final").
FINAL_AFTER = timedelta(days=7)
FORMATS = [("fit", "FIT"), ("gpx", "GPX"), ("tcx", "TCX")]
MODALITIES = [("run", "Run"), ("bike", "Ride"), ("row", "Row"), ("swim", "Swim")]


class Outcome(models.TextChoices):
    """What became of one file of a batch (the batch page says it in words)."""

    MATCHED = "matched", "Matched"
    UNPLANNED = "unplanned", "Unplanned"
    ALREADY_IMPORTED = "already imported", "Already imported"
    REPLACED = "replaced", "Replaced"
    PROBLEM = "problem", "Problem"


class ImportBatch(models.Model):
    """One upload (one or several files) and, once read, what became of each file:
    `outcomes` is a list of {file, outcome, message, log} in the order the files were read."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="import_batches")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    outcomes = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "import_batches"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done"]),
                name="import_batch_status_valid",
                violation_error_message="Unknown import status.",
            )
        ]
        indexes = [models.Index(fields=["athlete", "created_at"], name="idx_import_athlete")]

    def __str__(self):
        return f"Import {self.created_at:%Y-%m-%d %H:%M} ({self.status})"


class ImportChunk(models.Model):
    """A piece (up to 1 MB) of an uploaded file, kept in the database until the batch is read,
    then deleted: a worker on another machine reads it without shared storage, and no piece
    holds a whole 50 MB upload in memory (docs/decisions.md, "Watch imports: uploads wait…")."""

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="chunks")
    upload = models.PositiveSmallIntegerField()  # which file of the batch, from 0
    name = models.CharField(max_length=255)  # the uploaded file's name
    seq = models.PositiveIntegerField()  # the piece's place in that file, from 0
    data = models.BinaryField()

    class Meta:
        db_table = "import_chunks"
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "upload", "seq"],
                name="import_chunk_unique",
                violation_error_message="This piece of the upload is already stored.",
            )
        ]

    def __str__(self):
        return f"{self.name} #{self.seq}"


class ImportedActivityQuerySet(models.QuerySet):
    def open(self, now=None):
        """Imports the athlete may still re-match, unmatch or keep: not kept, not yet a
        week old."""
        now = now or timezone.now()
        return self.filter(confirmed_at__isnull=True, created_at__gt=now - FINAL_AFTER)


class ImportedActivity(models.Model):
    """The watch file behind a log: its hash (the same file is never imported twice), its
    start and sport (the same activity from another format is found by them), and whether
    the athlete's choice of session is final."""

    log = models.OneToOneField(
        WorkoutLog, models.CASCADE, primary_key=True, related_name="imported"
    )
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="imported_activities")
    sha256 = models.CharField(max_length=64)
    format = models.CharField(max_length=3, choices=FORMATS)
    file_name = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    modality = models.CharField(max_length=4, choices=MODALITIES)
    has_sensors = models.BooleanField()
    # Set by "Keep"; an import is also final FINAL_AFTER after it was made (see open()).
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every change (re-match, unmatch, keep, a richer copy): a page's stale form
    # is refused, not applied over a change it did not show.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImportedActivityQuerySet.as_manager()

    class Meta:
        db_table = "imported_activities"
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "sha256"],
                name="imported_activity_once",
                violation_error_message="This file is already imported.",
            )
        ]
        indexes = [
            # The same activity from another format: same athlete and sport, start ±60 s.
            models.Index(fields=["athlete", "modality", "started_at"], name="idx_import_start"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"

    def is_final(self, now=None) -> bool:
        now = now or timezone.now()
        return self.confirmed_at is not None or self.created_at <= now - FINAL_AFTER
