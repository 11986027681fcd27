"""Exercise aliases (issue 13): other names a coach writes for an exercise ("RDL"), from the
catalog file for system exercises, typed in the exercise form for a coach's own; the text
syntax matches them as names and the catalog search finds them."""

import pytest
from django.urls import reverse

from accounts.tests.factories import CoachFactory
from training.catalog import load_system_catalog
from training.catalog_forms import ExerciseForm
from training.models import Exercise
from training.tests.factories import ExerciseFactory
from training.text import ExerciseNames, parse_week

pytestmark = pytest.mark.django_db


def form(**changes) -> ExerciseForm:
    data = {"name": "Good Morning", "category": "hinge", "muscle_groups": ["hamstrings"]}
    return ExerciseForm({**data, **changes}, instance=Exercise(created_by=CoachFactory()))


def test_the_system_catalog_carries_its_aliases():
    load_system_catalog()
    assert Exercise.objects.get(name="Romanian Deadlift", created_by=None).aliases == ["RDL"]
    assert load_system_catalog() == (0, 0)  # a second load changes nothing


def test_a_coach_types_other_names_once_each_and_the_text_finds_them():
    typed = form(aliases="GM, good mornings ,GM")
    assert typed.is_valid(), typed.errors
    exercise = typed.save()
    assert exercise.aliases == ["GM", "good mornings"]
    assert ExerciseForm(instance=exercise).initial["aliases"] == "GM, good mornings"

    names = ExerciseNames.for_coach(exercise.created_by)
    [session] = parse_week("Mon Hinge\n  gm 3x8 @RPE7\n", names).sessions
    assert session.prescription["exercises"][0]["exerciseId"] == str(exercise.pk)


def test_a_bad_alias_is_named_and_nothing_is_saved():
    typed = form(aliases="x")
    assert not typed.is_valid()
    assert typed.errors["aliases"] == ["“x”: must be at least 2 character(s)"]
    assert not Exercise.objects.filter(name="Good Morning").exists()


def test_a_name_wins_over_another_exercises_alias():
    coach = CoachFactory()
    row = ExerciseFactory(name="Barbell Row", aliases=["Row"])
    own = ExerciseFactory(name="Row", created_by=coach)
    names = ExerciseNames.for_coach(coach)
    assert names.find("row")[0] == str(own.pk)
    assert names.find("pendlay")[0] is None and row.pk


def test_the_catalog_search_finds_an_alias(client):
    ExerciseFactory(name="Romanian Deadlift", aliases=["RDL"])
    coach = CoachFactory()
    client.force_login(coach.user)
    page = client.get(reverse("training:exercise_list"), {"q": "rdl"}).content.decode()
    assert "Romanian Deadlift" in page
