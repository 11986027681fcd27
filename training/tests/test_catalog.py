import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from training.catalog import CATALOG_PATH, load_system_catalog
from training.models import Exercise, ExerciseCategory

pytestmark = pytest.mark.django_db


def test_catalog_has_60_plus_system_exercises_in_every_category():
    created, updated = load_system_catalog()
    system = Exercise.objects.filter(created_by__isnull=True)
    assert created == system.count() >= 60
    assert updated == 0
    assert set(system.values_list("category", flat=True)) == set(ExerciseCategory.values)
    assert not system.filter(is_public=False).exists()
    assert all(exercise.muscle_groups for exercise in system)


def test_loading_twice_changes_nothing():
    load_system_catalog()
    before = {e.pk: e.updated_at for e in Exercise.objects.all()}
    assert load_system_catalog() == (0, 0)
    assert {e.pk: e.updated_at for e in Exercise.objects.all()} == before


def test_changed_entries_are_updated(tmp_path):
    load_system_catalog()
    entries = json.loads(CATALOG_PATH.read_text())
    entries[0]["muscleGroups"] = ["abs"]
    changed = tmp_path / "exercises.json"
    changed.write_text(json.dumps(entries))
    assert load_system_catalog(changed) == (0, 1)
    assert Exercise.objects.get(name=entries[0]["name"]).muscle_groups == ["abs"]


def test_a_bad_entry_stores_nothing(tmp_path):
    bad = tmp_path / "exercises.json"
    bad.write_text(
        json.dumps(
            [
                {"name": "Good Lift", "category": "squat", "muscleGroups": ["quads"]},
                {"name": "Bad Lift", "category": "squat", "muscleGroups": ["tail"]},
            ]
        )
    )
    with pytest.raises(ValidationError, match=r"\[0\]: must be one of"):
        load_system_catalog(bad)
    assert not Exercise.objects.exists()


def test_load_catalog_command(capsys):
    call_command("load_catalog")
    assert "created" in capsys.readouterr().out
    assert Exercise.objects.count() >= 60
