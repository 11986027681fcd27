"""Calls to the sync API as the phone makes them: a JSON post, and a strength log's data."""

import json

from django.urls import reverse

URL = reverse("api:workout_logs")


def post(client, payload, **extra):
    """POST `payload` as JSON (or as is, when it is already text or bytes)."""
    data = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, data, content_type="application/json", **extra)


def strength_actual(exercise_id, **set_overrides) -> dict:
    return {
        "exercises": [
            {"exerciseId": str(exercise_id), "sets": [{"weight": 100, "reps": 5, **set_overrides}]}
        ]
    }
