"""The system exercise catalog shipped in fixtures/exercises.json."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from training.models import Exercise

CATALOG_PATH = Path(settings.BASE_DIR) / "fixtures" / "exercises.json"


@transaction.atomic
def load_system_catalog(path: Path = CATALOG_PATH) -> tuple[int, int]:
    """Create or update the system exercises; return (created, updated).

    Idempotent: matched by case-insensitive name, and a row is written only when it differs,
    so a second run changes nothing. Every entry passes model validation (JSON schema
    included) before it is saved, so a bad catalog file fails loudly and stores nothing.
    """
    entries = json.loads(path.read_text(encoding="utf-8"))
    existing = {
        exercise.name.lower(): exercise
        for exercise in Exercise.objects.filter(created_by__isnull=True)
    }
    created = updated = 0
    for entry in entries:
        wanted = {
            "name": entry["name"],
            "category": entry["category"],
            "muscle_groups": entry["muscleGroups"],
            "aliases": entry.get("aliases", []),
            "is_public": True,
        }
        exercise = existing.get(entry["name"].lower())
        if exercise is None:
            exercise = Exercise(created_by=None, **wanted)
            created += 1
        elif any(getattr(exercise, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(exercise, field, value)
            updated += 1
        else:
            continue
        exercise.full_clean()
        exercise.save()
    return created, updated
