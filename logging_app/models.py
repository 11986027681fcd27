"""What an athlete actually did: one WorkoutLog per planned session."""

import uuid

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from accounts.models import Athlete
from hybridpeaks.core.json_validation import validate_document
from training.models import TrainingSession

NOTES_MAX = 1000  # characters (the spec)


class SyncStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SYNCED = "synced", "Synced"
    ERROR = "error", "Error"


class WorkoutLog(models.Model):
    SyncStatus = SyncStatus

    # Client-generated on the phone, so a replayed upload is recognised (idempotent sync).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # SET_NULL: deleting a planned session must not erase what the athlete did.
    session = models.ForeignKey(
        TrainingSession, models.SET_NULL, null=True, blank=True, related_name="logs"
    )
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="logs")
    completed_at = models.DateTimeField()
    actual_data = models.JSONField()
    rpe = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="1–10.",
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    notes = models.TextField(  # noqa: DJ001 (spec: nullable)
        max_length=NOTES_MAX, null=True, blank=True, validators=[MaxLengthValidator(NOTES_MAX)]
    )
    sync_status = models.CharField(
        max_length=10, choices=SyncStatus.choices, default=SyncStatus.SYNCED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "workout_logs"
        ordering = ["-completed_at"]
        constraints = [
            # The spec's idx_log_session: one log per session per athlete, and its index.
            models.UniqueConstraint(
                fields=["session", "athlete"],
                name="idx_log_session",
                violation_error_message="This session already has a log.",
            ),
            models.CheckConstraint(
                condition=Q(rpe__isnull=True) | Q(rpe__range=(1, 10)),
                name="log_rpe_1_10",
                violation_error_message="RPE is 1–10.",
            ),
            models.CheckConstraint(
                condition=Q(notes__isnull=True) | LessThanOrEqual(Length("notes"), NOTES_MAX),
                name="log_notes_max_1000",
                violation_error_message=f"Notes are at most {NOTES_MAX} characters.",
            ),
            models.CheckConstraint(
                condition=Q(sync_status__in=SyncStatus.values),
                name="log_sync_status_valid",
                violation_error_message="Unknown sync status.",
            ),
        ]
        indexes = [
            models.Index(fields=["athlete", "completed_at"], name="idx_log_athlete_date"),
            models.Index(fields=["sync_status"], name="idx_log_sync_status"),
        ]

    def __str__(self):
        return f"{self.athlete} — {self.completed_at:%Y-%m-%d %H:%M}"

    @property
    def kind(self) -> str:
        """strength or endurance: the session's type, or the data's shape once it is gone."""
        return log_kind(self.session.type if self.session_id else None, self.actual_data)

    def clean(self):
        super().clean()
        validate_document(
            self.actual_data, schema=f"logging_app:actual_data_{self.kind}", field="actual_data"
        )


def log_kind(session_type: str | None, actual_data) -> str:
    """WorkoutLog.kind from a log read as values (the weekly job reads thousands): its
    session's type, or without a session the shape of its data."""
    if session_type:
        return session_type
    is_strength = isinstance(actual_data, dict) and "exercises" in actual_data
    return TrainingSession.Type.STRENGTH if is_strength else TrainingSession.Type.ENDURANCE


# Registered with the app here (the imports package keeps its own models module).
from logging_app.imports.models import ImportBatch, ImportChunk, ImportedActivity  # noqa: E402, F401
