"""Logging a session without JavaScript: the form, what it stores, what it refuses."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from logging_app.models import WorkoutLog
from logging_app.tests.factories import WorkoutLogFactory
from logging_app.tests.pages.links import log_url
from training.selectors import monday_of
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db
SET = "actualData.exercises.0.sets.0."


# Logging a session without JavaScript


def test_the_form_is_filled_in_from_the_plan_and_targets(
    athlete_client, athlete, strength_today, squat
):
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    page = athlete_client.get(log_url(strength_today)).content.decode()
    assert page.count('name="actualData.exercises.0.sets.') == 3 * 4  # done, kg, reps, RPE
    assert 'name="actualData.exercises.0.sets.2.weight" value="105"' in page
    assert 'name="actualData.exercises.0.sets.0.reps" value="5"' in page
    assert page.count('value="true" aria-label="Set 1 of Back Squat: done" checked') == 1
    assert 'aria-label="Set 2 of Back Squat: reps"' in page
    # The phone checks with the schema's own limits, carried by the page.
    assert '"says": "must be a whole number 0\\u2013100"' in page


def test_the_strength_form_stays_lean(athlete_client, plan, today):
    """The week's forms are kept on the phone: each must be small (issue 9: 17 KB before)."""
    items = [
        strength_prescription(e.pk, sets=4)["exercises"][0] for e in ExerciseFactory.create_batch(3)
    ]
    session = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription={"exercises": items}
    )
    page = athlete_client.get(log_url(session)).content
    form = page[page.index(b"<h1>") : page.index(b"</form>")]
    assert len(form) < 11_000, len(form)


def form_post(session, squat, **overrides):
    data = {
        "id": "7d1c5c0a-7f6b-4b0e-9d1a-2f1d8f0e4c11",
        "completedAt": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "rpe": "8",
        "notes": "Felt strong",
        "actualData.exercises.0.exerciseId": str(squat.pk),
        "actualData.exercises.0.sets.0.done": "true",
        "actualData.exercises.0.sets.0.weight": "100",
        "actualData.exercises.0.sets.0.reps": "5",
        "actualData.exercises.0.sets.0.rpe": "8",
        "actualData.exercises.0.modified": "false",
        "actualData.exercises.0.skipped": "false",
    }
    data.update(overrides)
    return data


def test_logging_a_strength_session(athlete_client, athlete, strength_today, squat):
    response = athlete_client.post(log_url(strength_today), form_post(strength_today, squat))
    assert response.status_code == 302
    log = WorkoutLog.objects.get(session=strength_today)
    assert str(log.pk) == "7d1c5c0a-7f6b-4b0e-9d1a-2f1d8f0e4c11"
    assert log.athlete == athlete and log.rpe == 8 and log.notes == "Felt strong"
    assert log.actual_data["exercises"][0]["sets"] == [{"weight": 100.0, "reps": 5, "rpe": 8.0}]
    again = athlete_client.post(log_url(strength_today), form_post(strength_today, squat))
    assert "Saved logs cannot be changed." in again.content.decode()  # sent twice: one log
    assert WorkoutLog.objects.filter(session=strength_today).count() == 1


def test_the_finished_time_means_the_profile_zone(client, today):
    athlete = AthleteFactory(user__time_zone="Asia/Tokyo")
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    run = TrainingSessionFactory(plan=plan, date=timezone.localdate(timezone=athlete.user.zoneinfo))
    client.force_login(athlete.user)
    tokyo = athlete.user.zoneinfo
    meant = (timezone.now() - timedelta(hours=2)).astimezone(tokyo).replace(second=0, microsecond=0)
    data = {
        "completedAt": meant.strftime("%Y-%m-%dT%H:%M"),
        "actualData.modality": "run",
        "actualData.duration.value": "30",
        "actualData.duration.unit": "minutes",
        "actualData.completed": "true",
    }
    assert client.post(log_url(run), data).status_code == 302
    assert WorkoutLog.objects.get(session=run).completed_at == meant


def test_unticked_sets_are_left_out_and_an_exercise_with_none_is_skipped(
    athlete_client, plan, today, squat
):
    bench = ExerciseFactory(name="Bench Press")
    items = [strength_prescription(e.pk)["exercises"][0] for e in (squat, bench)]
    session = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription={"exercises": items}
    )
    data = form_post(session, squat)
    data.update(
        {
            "actualData.exercises.0.sets.1.weight": "100",
            "actualData.exercises.0.sets.1.reps": "3",  # typed, but not ticked done
            "actualData.exercises.1.exerciseId": str(bench.pk),
            "actualData.exercises.1.sets.0.weight": "60",
            "actualData.exercises.1.sets.0.reps": "5",
        }
    )
    assert athlete_client.post(log_url(session), data).status_code == 302
    squat_done, bench_done = WorkoutLog.objects.get().actual_data["exercises"]
    assert squat_done["sets"] == [{"weight": 100.0, "reps": 5, "rpe": 8.0}]
    assert bench_done["sets"] == [] and bench_done["skipped"] is True


def test_a_blank_weight_is_a_bodyweight_set(athlete_client, strength_today, squat):
    data = form_post(strength_today, squat, **{SET + "weight": ""})
    assert athlete_client.post(log_url(strength_today), data).status_code == 302
    assert WorkoutLog.objects.get().actual_data["exercises"][0]["sets"][0]["weight"] == 0


def test_a_lift_with_no_planned_load_starts_from_the_last_log(
    athlete_client, athlete, plan, today, django_assert_max_num_queries
):
    pull_up = ExerciseFactory(name="Pull-Up")
    prescription = {
        "exercises": [
            {"exerciseId": str(pull_up.pk), "sets": 2, "reps": 8,
             "intensity": {"type": "rpe", "value": 7}}
        ]
    }  # fmt: skip
    earlier = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription=prescription
    )
    WorkoutLogFactory(
        session=earlier,
        athlete=athlete,
        actual_data={
            "exercises": [
                {
                    "exerciseId": str(pull_up.pk),
                    "sets": [{"weight": 10, "reps": 8}, {"weight": 12.5, "reps": 6}],
                }
            ]
        },
    )
    session = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription=prescription
    )
    with django_assert_max_num_queries(9):
        page = athlete_client.get(log_url(session)).content.decode()
    assert 'name="actualData.exercises.0.sets.0.weight" value="10"' in page
    assert 'name="actualData.exercises.0.sets.1.weight" value="12.5"' in page
    assert 'name="actualData.exercises.0.sets.0.rpe" value="7"' in page


def test_a_bodyweight_lift_with_no_history_starts_blank(athlete_client, plan, today):
    pull_up = ExerciseFactory(name="Pull-Up")
    item = {
        "exerciseId": str(pull_up.pk),
        "sets": 1,
        "reps": 8,
        "intensity": {"type": "rpe", "value": 7},
    }
    session = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription={"exercises": [item]}
    )
    page = athlete_client.get(log_url(session)).content.decode()
    assert 'name="actualData.exercises.0.sets.0.weight" value=""' in page


def test_a_saved_log_is_read_only(athlete_client, athlete, strength_today, squat):
    athlete_client.post(log_url(strength_today), form_post(strength_today, squat))
    page = athlete_client.get(log_url(strength_today)).content.decode()
    assert "Saved logs cannot be changed." in page and "data-log-form" not in page
    other_id = form_post(strength_today, squat, id="0b7f7a6e-4a52-4f45-8a51-6a3c0f2f9b9d")
    response = athlete_client.post(log_url(strength_today), other_id, follow=True)
    assert "Saved logs cannot be changed." in response.content.decode()
    assert WorkoutLog.objects.get(session=strength_today).rpe == 8


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({SET + "reps": "five"}, "Set 1 of Back Squat: reps must be a whole number 0–100"),
        ({SET + "reps": "-1"}, "Set 1 of Back Squat: reps must be a whole number 0–100"),
        ({SET + "reps": "10000"}, "Set 1 of Back Squat: reps must be a whole number 0–100"),
        ({SET + "weight": "abc"}, "Set 1 of Back Squat: weight (kg) must be a number 0–600"),
        ({SET + "rpe": "11"}, "Set 1 of Back Squat: RPE must be a number 1–10"),
        ({"rpe": "11"}, "Session RPE: must be a whole number from 1 to 10, or null"),
        ({"rpe": "abc"}, "Session RPE: must be a whole number from 1 to 10, or null"),
        ({"notes": "x" * 1001}, "Notes: must be at most 1000 characters"),
        ({"completedAt": "yesterday"}, "Finished at: must be a date and time"),
        ({"completedAt": ""}, "Finished at: enter the date and time you finished"),
    ],
)  # fmt: skip
def test_bad_input_is_named_in_words_and_nothing_is_lost(
    athlete_client, strength_today, squat, overrides, message
):
    response = athlete_client.post(
        log_url(strength_today), form_post(strength_today, squat, **overrides)
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert page.count(message) == 2  # in the list on top, and next to its field
    assert "actualData.exercises[" not in page and "exercises[0]" not in page
    assert "Felt strong" in page or overrides.get("notes")  # what was typed stays
    assert not WorkoutLog.objects.exists()


def test_no_logs_in_the_future_or_outside_seven_days(athlete_client, plan, squat, today):
    session = TrainingSessionFactory(
        plan=plan, date=today, type="strength", prescription=strength_prescription(squat.pk)
    )
    future = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    page = athlete_client.post(log_url(session), form_post(session, squat, completedAt=future))
    assert "Finished at: a workout cannot be completed in the future." in page.content.decode()
    old = (timezone.localtime() - timedelta(days=8)).strftime("%Y-%m-%dT%H:%M")
    page = athlete_client.post(log_url(session), form_post(session, squat, completedAt=old))
    assert "within 7 days" in page.content.decode()
    assert not WorkoutLog.objects.exists()


def test_sets_and_as_planned_without_javascript(athlete_client, strength_today, squat):
    data = form_post(strength_today, squat, op="add-set:0")
    page = athlete_client.post(log_url(strength_today), data).content.decode()
    assert 'name="actualData.exercises.0.sets.1.weight" value="100"' in page
    data = form_post(strength_today, squat, op="remove-set:0")
    page = athlete_client.post(log_url(strength_today), data).content.decode()
    assert "actualData.exercises.0.sets.0.weight" not in page
    data = form_post(strength_today, squat, op="as-planned")
    page = athlete_client.post(log_url(strength_today), data).content.decode()
    assert page.count('value="true" aria-label="Set') == 3  # the plan's 3 sets, ticked
    assert "Felt strong" in page
    assert not WorkoutLog.objects.exists()


def test_logging_an_endurance_session(athlete_client, athlete, plan, today):
    run = TrainingSessionFactory(plan=plan, date=today)
    page = athlete_client.get(log_url(run)).content.decode()
    assert 'name="actualData.duration.value" value="45"' in page
    data = {
        "id": "3e0b8d55-1a7e-4c6f-9d3b-8f5f0a2b6c71",
        "completedAt": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "rpe": "",
        "notes": "",
        "actualData.modality": "run",
        "actualData.duration.value": "50",
        "actualData.duration.unit": "minutes",
        "actualData.distance.value": "",
        "actualData.distance.unit": "km",
        "actualData.avgHeartRate": "139",
        "actualData.avgPower": "",
        "actualData.completed": "true",
    }
    assert athlete_client.post(log_url(run), data).status_code == 302
    log = WorkoutLog.objects.get(session=run)
    assert log.rpe is None and log.notes is None
    assert log.actual_data == {
        "modality": "run",
        "duration": {"value": 50.0, "unit": "minutes"},
        "avgHeartRate": 139,
        "avgPower": None,
        "completed": True,
    }


def test_endurance_errors_name_the_field(athlete_client, plan, today):
    run = TrainingSessionFactory(plan=plan, date=today)
    data = {
        "completedAt": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "actualData.modality": "run",
        "actualData.duration.value": "30",
        "actualData.duration.unit": "minutes",
        "actualData.avgHeartRate": "400",
        "actualData.completed": "true",
    }
    page = athlete_client.post(log_url(run), data).content.decode()
    assert "Average heart rate (bpm, optional) must be a whole number 25–250" in page


def test_a_bodyweight_set_reads_as_bodyweight(athlete_client, athlete, strength_today, squat):
    data = form_post(strength_today, squat, **{SET + "weight": ""})
    athlete_client.post(log_url(strength_today), data)
    log = WorkoutLog.objects.get()
    page = athlete_client.get(reverse("logging_app:log_detail", args=[log.pk])).content.decode()
    assert "<td>bodyweight</td>" in page and "0 kg" not in page
