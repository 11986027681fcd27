"""The sync API, version 1 (mounted at /api/v1/)."""

from django.urls import path

from logging_app import api

app_name = "api"

urlpatterns = [
    path("workout-logs/", api.workout_logs, name="workout_logs"),
    path("workout-logs/<uuid:pk>/", api.workout_log, name="workout_log"),
]
