"""Logging's part of a personal data export: every workout log."""

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
        ]
    }
