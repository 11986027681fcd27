"""The log form's inputs → actualData (the no-JavaScript path; outbox.js mirrors it)."""

from django.http import QueryDict

from logging_app.formdata import actual_data_from


def posted(pairs):
    data = QueryDict(mutable=True)
    for name, value in pairs:
        data.appendlist(name, value)
    return data


def test_strength_sets_become_lists_in_order():
    data = posted(
        [
            ("actualData.exercises.0.exerciseId", "e1"),
            ("actualData.exercises.0.sets.1.done", "true"),
            ("actualData.exercises.0.sets.1.weight", "102.5"),
            ("actualData.exercises.0.sets.1.reps", "5"),
            ("actualData.exercises.0.sets.1.rpe", ""),
            ("actualData.exercises.0.sets.0.done", "true"),
            ("actualData.exercises.0.sets.0.weight", "100"),
            ("actualData.exercises.0.sets.0.reps", "5"),
            ("actualData.exercises.0.sets.0.rpe", "8"),
            ("actualData.exercises.0.modified", "false"),
            ("actualData.exercises.0.skipped", "false"),
            ("actualData.exercises.0.skipped", "true"),  # the checkbox after its hidden "false"
            ("csrfmiddlewaretoken", "x"),
        ]
    )
    assert actual_data_from(data) == {
        "exercises": [
            {
                "exerciseId": "e1",
                "sets": [
                    {"weight": 100.0, "reps": 5, "rpe": 8.0},
                    {"weight": 102.5, "reps": 5, "rpe": None},
                ],
                "modified": False,
                "skipped": True,
            }
        ]
    }


def test_endurance_empty_distance_is_dropped_and_empty_numbers_are_null():
    data = posted(
        [
            ("actualData.modality", "run"),
            ("actualData.duration.value", "47"),
            ("actualData.duration.unit", "minutes"),
            ("actualData.distance.value", ""),
            ("actualData.distance.unit", "km"),
            ("actualData.avgHeartRate", ""),
            ("actualData.avgPower", "210"),
            ("actualData.completed", "false"),
            ("actualData.completed", "true"),
        ]
    )
    assert actual_data_from(data) == {
        "modality": "run",
        "duration": {"value": 47.0, "unit": "minutes"},
        "avgHeartRate": None,
        "avgPower": 210.0,
        "completed": True,
    }


def test_text_that_is_not_a_number_is_kept_for_the_schema_to_refuse():
    data = posted(
        [
            ("actualData.exercises.0.sets.0.done", "true"),
            ("actualData.exercises.0.sets.0.reps", "five"),
        ]
    )
    assert actual_data_from(data) == {"exercises": [{"sets": [{"reps": "five"}]}]}


def test_a_set_not_ticked_is_left_out_and_a_blank_weight_is_zero():
    data = posted(
        [
            ("actualData.exercises.0.sets.0.done", "true"),
            ("actualData.exercises.0.sets.0.weight", ""),
            ("actualData.exercises.0.sets.0.reps", "8"),
            ("actualData.exercises.0.sets.1.weight", "20"),
            ("actualData.exercises.0.sets.1.reps", "8"),
            ("actualData.exercises.1.sets.0.done", "false"),
            ("actualData.exercises.1.sets.0.reps", "5"),
        ]
    )
    assert actual_data_from(data) == {
        "exercises": [{"sets": [{"weight": 0, "reps": 8}]}, {"sets": [], "skipped": True}]
    }


def test_unknown_keys_and_huge_indexes_are_ignored():
    data = posted(
        [("actualData.exercises.0.evil", "1"), ("actualData.exercises.5000.sets.0.reps", "1")]
    )
    assert actual_data_from(data) == {}
