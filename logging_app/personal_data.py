"""Logging's part of a personal data export: every workout log, and what was imported from
watch files (which file each log came from; each upload's outcomes, which name the files)."""

from logging_app.imports.models import ImportBatch, ImportedActivity
from logging_app.models import WorkoutLog


def export(user) -> dict:
    return {
        "workoutLogs": [
            {
                "id": str(log.pk),
                "sessionId": str(log.session_id) if log.session_id else None,
                "completedAt": log.completed_at.isoformat(),
                "actualData": log.actual_data,
                "rpe": log.rpe,
                "notes": log.notes,
                "createdAt": log.created_at.isoformat(),
            }
            for log in WorkoutLog.objects.filter(athlete_id=user.pk).order_by("completed_at")
        ],
        "importedActivities": [
            {
                "logId": str(imported.log_id),
                "fileName": imported.file_name,
                "format": imported.format,
                "sha256": imported.sha256,
                "startedAt": imported.started_at.isoformat(),
                "modality": imported.modality,
                "confirmedAt": imported.confirmed_at.isoformat() if imported.confirmed_at else None,
                "createdAt": imported.created_at.isoformat(),
            }
            for imported in ImportedActivity.objects.filter(athlete_id=user.pk).order_by(
                "started_at"
            )
        ],
        "imports": [
            {
                "createdAt": batch.created_at.isoformat(),
                "status": batch.status,
                "files": batch.outcomes,
            }
            for batch in ImportBatch.objects.filter(athlete_id=user.pk).order_by("created_at")
        ],
    }
