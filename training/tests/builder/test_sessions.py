"""Editing a week's sessions: adding, refusing bad input, versions, moving, deleting."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import CoachFactory
from audit.models import AuditLog
from training.models import TrainingSession
from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    new_session_url,
    row,
    strength_post,
)
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db


def test_add_strength_session(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    response = coach_client.post(
        new_session_url(plan), strength_post(plan, [row(squat)]), headers=HTMX
    )
    assert response.status_code == 200
    session = plan.sessions.get()
    assert session.prescription == {
        "exercises": [
            {
                "exerciseId": str(squat.pk),
                "sets": 5,
                "reps": 5,
                "intensity": {"type": "percent_1rm", "value": 75.0},
                "restSeconds": 180,
                "tempo": "3010",
            }
        ]
    }
    assert session.focus == "Lower body" and session.estimated_duration == 60
    plan.refresh_from_db()
    assert plan.version == 2
    entry = AuditLog.objects.get(action="create_session")
    assert entry.entity_id == session.pk and entry.metadata["version"] == 2


def test_bad_input_is_refused_field_by_field_and_kept(coach_client, athlete, plan):
    squat = ExerciseFactory()
    data = strength_post(
        plan, [row(squat, sets="0", tempo="fast", reps="many")], estimated_duration="400"
    )
    response = coach_client.post(new_session_url(plan), data, headers=HTMX)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a whole number." in page  # reps
    assert "Estimated duration is 1–300 minutes." in page
    assert 'value="many"' in page and 'value="fast"' in page
    assert not plan.sessions.exists()
    plan.refresh_from_db()
    assert plan.version == 1


def test_schema_messages_sit_beside_their_field(coach_client, athlete, plan):
    squat = ExerciseFactory()
    data = strength_post(plan, [row(squat, sets="0", tempo="fast")])
    page = coach_client.post(new_session_url(plan), data, headers=HTMX).content.decode()
    assert 'id="id_ex-0-sets_error"><li>must be ≥ 1</li>' in page
    assert 'id="id_ex-0-tempo_error"><li>must be four digits, such as 3010</li>' in page
    assert not plan.sessions.exists()


def test_strength_session_needs_an_exercise(coach_client, athlete, plan):
    response = coach_client.post(new_session_url(plan), strength_post(plan, []))
    assert response.status_code == 422
    assert "Add at least one exercise." in response.content.decode()


def test_another_coachs_private_exercise_cannot_be_used(coach_client, athlete, plan):
    private = ExerciseFactory(created_by=CoachFactory(), is_public=False)
    response = coach_client.post(new_session_url(plan), strength_post(plan, [row(private)]))
    assert response.status_code == 422
    assert "not in your catalog" in response.content.decode()
    assert not plan.sessions.exists()


def test_add_endurance_session(coach_client, athlete, plan):
    BenchmarkFactory(athlete=athlete, metric_type="FTP", value=280)
    data = {
        "version": plan.version,
        "type": "endurance",
        "date": (MONDAY + timedelta(days=3)).isoformat(),
        "focus": "Sweet spot",
        "estimated_duration": "60",
        "modality": "bike",
        "duration_value": "60",
        "duration_unit": "minutes",
        "distance_value": "",
        "distance_unit": "km",
        "intensity_type": "ftp_percent",
        "zone": "",
        "ftp_percent": "88",
    }
    response = coach_client.post(new_session_url(plan, "endurance"), data, headers=HTMX)
    assert response.status_code == 200
    session = plan.sessions.get()
    assert session.prescription == {
        "modality": "bike",
        "duration": {"value": 60.0, "unit": "minutes"},
        "intensity": {"type": "ftp_percent", "value": 88.0},
    }
    assert "→ 246 W" in response.content.decode()  # 280 × 88 % = 246.4


def test_endurance_zone_is_required_for_heart_rate(coach_client, athlete, plan):
    data = {
        "version": plan.version, "type": "endurance", "date": MONDAY.isoformat(),
        "estimated_duration": "45", "modality": "run", "duration_value": "45",
        "duration_unit": "minutes", "distance_unit": "km", "intensity_type": "heart_rate_zone",
    }  # fmt: skip
    response = coach_client.post(new_session_url(plan, "endurance"), data)
    assert response.status_code == 422
    assert 'id="id_zone_error"><li>is required</li>' in response.content.decode()


def test_row_operations_keep_what_was_typed(coach_client, athlete, plan):
    squat, bench = ExerciseFactory(name="Back Squat"), ExerciseFactory(name="Bench Press")
    deadlift = ExerciseFactory(name="Deadlift")
    rows = [row(squat, reps="3"), row(bench, reps="7")]
    page = coach_client.post(
        new_session_url(plan), strength_post(plan, rows, op=f"add:{deadlift.pk}")
    ).content.decode()
    assert page.index("1. Back Squat") < page.index("2. Bench Press") < page.index("3. Deadlift")
    assert 'name="ex-0-reps" value="3"' in page
    page = coach_client.post(
        new_session_url(plan), strength_post(plan, rows, op="down:0")
    ).content.decode()
    assert page.index("1. Bench Press") < page.index("2. Back Squat")
    assert 'name="ex-0-reps" value="7"' in page
    page = coach_client.post(
        new_session_url(plan), strength_post(plan, rows, op="remove:0")
    ).content.decode()
    assert "Back Squat" not in page and "1. Bench Press" in page
    assert not plan.sessions.exists()


def test_search_as_you_type_returns_only_results(coach_client, athlete, plan):
    ExerciseFactory(name="Front Squat")
    ExerciseFactory(name="Bench Press")
    ExerciseFactory(name="Secret Squat", created_by=CoachFactory(), is_public=False)
    response = coach_client.post(
        new_session_url(plan),
        strength_post(plan, [], op="search", q="squat"),
        headers={**HTMX, "HX-Target": "exercise-results"},
    )
    page = response.content.decode()
    assert "Front Squat" in page
    assert "Bench Press" not in page and "Secret Squat" not in page
    assert 'id="builder"' not in page


def test_edit_session_audits_what_changed(coach_client, athlete, plan):
    squat = ExerciseFactory()
    session = TrainingSessionFactory(
        plan=plan, type="strength", prescription=strength_prescription(squat.pk)
    )
    url = reverse("training:edit_session", args=[session.pk])
    assert coach_client.get(url).status_code == 200
    data = strength_post(plan, [row(squat, sets="4")], focus="Heavy", estimated_duration="45")
    response = coach_client.post(url, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.prescription["exercises"][0]["sets"] == 4 and session.focus == "Heavy"
    changes = AuditLog.objects.get(action="update_session").metadata["changes"]
    assert set(changes) == {"focus", "prescription"}


def test_a_stale_version_is_refused_with_the_current_plan(coach_client, athlete, plan):
    squat = ExerciseFactory()
    session = TrainingSessionFactory(
        plan=plan, type="strength", prescription=strength_prescription(squat.pk, sets=5)
    )
    url = reverse("training:edit_session", args=[session.pk])
    first_tab = strength_post(plan, [row(squat, sets="4")])
    second_tab = strength_post(plan, [row(squat, sets="6")])
    assert coach_client.post(url, first_tab).status_code == 302
    response = coach_client.post(url, second_tab, headers=HTMX)
    assert response.status_code == 409
    assert "This plan changed while you were editing" in response.content.decode()
    assert "version 2" in response.content.decode()
    session.refresh_from_db()
    assert session.prescription["exercises"][0]["sets"] == 4


def test_missing_version_never_overwrites(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan)
    response = coach_client.post(reverse("training:delete_session", args=[session.pk]))
    assert response.status_code == 409
    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_move_duplicate_and_delete(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    tuesday = (MONDAY + timedelta(days=1)).isoformat()
    coach_client.post(
        reverse("training:move_session", args=[session.pk]), {"version": 1, "date": tuesday}
    )
    session.refresh_from_db()
    assert session.date.isoformat() == tuesday
    coach_client.post(
        reverse("training:duplicate_session", args=[session.pk]),
        {"version": 2, "date": MONDAY.isoformat()},
    )
    assert sorted(s.date.isoformat() for s in plan.sessions.all()) == [
        MONDAY.isoformat(),
        tuesday,
    ]
    coach_client.post(reverse("training:delete_session", args=[session.pk]), {"version": 3})
    assert plan.sessions.count() == 1
    plan.refresh_from_db()
    assert plan.version == 4
    actions = set(AuditLog.objects.values_list("action", flat=True))
    assert {"update_session", "create_session", "delete_session"} <= actions


def test_moving_outside_the_week_is_refused(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY)
    response = coach_client.post(
        reverse("training:move_session", args=[session.pk]),
        {"version": 1, "date": (MONDAY + timedelta(days=7)).isoformat()},
    )
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.date == MONDAY
