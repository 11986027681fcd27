"""The plan builder: pages, session editing, versions, copying, and its query budget."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog
from logging_app.tests.factories import WorkoutLogFactory
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.tests.factories import (
    BenchmarkFactory,
    ExerciseFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
)

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 30)
HTMX = {"HX-Request": "true"}


@pytest.fixture
def athlete():
    return AthleteFactory(name="Alex Kim")


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.fixture
def plan(athlete):
    return TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY)


def week_url(athlete, monday=MONDAY):
    return reverse("training:week", args=[athlete.pk, monday.isoformat()])


def strength_post(plan, rows, **fields):
    """The editor's POST body: session fields plus the exercise formset."""
    data = {
        "version": plan.version,
        "type": "strength",
        "date": MONDAY.isoformat(),
        "focus": "Lower body",
        "estimated_duration": "60",
        "ex-TOTAL_FORMS": str(len(rows)),
        "ex-INITIAL_FORMS": "0",
        "q": "",
        "op": "",
        **fields,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"ex-{i}-{key}"] = value
    return data


def row(exercise, **overrides):
    return {
        "exercise": str(exercise.pk),
        "sets": "5",
        "reps": "5",
        "intensity_type": "percent_1rm",
        "intensity_value": "75",
        "rest_seconds": "180",
        "tempo": "3010",
        **overrides,
    }


def new_session_url(plan, kind="strength"):
    return reverse("training:new_session", args=[plan.pk]) + f"?type={kind}"


# The week page


def test_week_shows_sessions_with_targets(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    TrainingSessionFactory(plan=plan, type="strength", prescription=strength_prescription(squat.pk))
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "Back Squat" in page
    assert "5 × 5 @ 75% 1RM" in page
    assert "→ 105 kg" in page  # 140 × 75 % = 105


def test_week_names_a_missing_benchmark(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    TrainingSessionFactory(plan=plan, type="strength", prescription=strength_prescription(squat.pk))
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "needs 1RM for Back Squat" in page


def test_another_coachs_athlete_is_not_found(client, athlete, plan):
    client.force_login(CoachFactory().user)
    assert client.get(week_url(athlete)).status_code == 404
    session = TrainingSessionFactory(plan=plan)
    edit = reverse("training:edit_session", args=[session.pk])
    assert client.get(edit).status_code == 404
    assert client.post(reverse("training:delete_session", args=[session.pk])).status_code == 404
    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_week_has_a_breadcrumb_to_the_athlete(coach_client, athlete, plan):
    page = coach_client.get(week_url(athlete)).content.decode()
    athlete_url = reverse("training:athlete", args=[athlete.pk])
    assert '<nav aria-label="breadcrumb">' in page
    assert f'<li><a href="{athlete_url}">Alex Kim</a></li><li aria-current="page">' in page


def test_week_must_start_on_monday(coach_client, athlete):
    assert coach_client.get(week_url(athlete, MONDAY + timedelta(days=1))).status_code == 404


def test_htmx_requests_get_the_builder_region_only(coach_client, athlete, plan):
    response = coach_client.get(week_url(athlete), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="builder"' in response.content
    assert "HX-Request" in response["Vary"]


def test_next_week_is_the_default(coach_client, athlete):
    response = coach_client.get(reverse("training:next_week", args=[athlete.pk]))
    monday = date.fromisoformat(response["Location"].rstrip("/").split("/")[-1])
    assert monday.weekday() == 0 and monday > date.today()


def test_full_week_stays_in_query_budget(
    coach_client, athlete, plan, django_assert_max_num_queries
):
    exercises = ExerciseFactory.create_batch(8)
    for exercise in exercises:
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=exercise, value=100)
    BenchmarkFactory.create_batch(5, athlete=athlete)
    strength = [
        TrainingSessionFactory(
            plan=plan,
            date=MONDAY + timedelta(days=day),
            type="strength",
            prescription={
                "exercises": [strength_prescription(e.pk)["exercises"][0] for e in exercises]
            },
        )
        for day in range(7)
    ]
    for day in range(3):
        TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=day))
    for session in strength[:4]:  # done: logged (the others are missed or still to come)
        WorkoutLogFactory(session=session, athlete=athlete)
    with django_assert_max_num_queries(12):
        response = coach_client.get(week_url(athlete))
    page = response.content.decode()
    assert page.count('class="session ') == 10
    assert page.count("✓ Done") == 4


# Creating, replacing and copying plans


def test_create_plan_then_replace_archives_the_old(coach_client, athlete):
    url = reverse("training:create_plan", args=[athlete.pk, MONDAY.isoformat()])
    coach_client.post(url)
    first = TrainingPlan.objects.get(athlete=athlete)
    assert first.status == PlanStatus.ACTIVE and first.version == 1
    coach_client.post(url, {"version": first.version})
    first.refresh_from_db()
    assert first.status == PlanStatus.ARCHIVED
    active = TrainingPlan.objects.get(athlete=athlete, status=PlanStatus.ACTIVE)
    assert active.week_start_date == MONDAY
    assert AuditLog.objects.filter(action="create_plan").count() == 2
    assert AuditLog.objects.filter(action="archive_plan", entity_id=first.pk).exists()


def test_copy_previous_week(coach_client, athlete):
    source = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(days=7))
    TrainingSessionFactory(plan=source, date=source.week_start_date + timedelta(days=2))
    TrainingSessionFactory(plan=source, date=source.week_start_date + timedelta(days=5))
    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": source.week_start_date.isoformat()},
        headers=HTMX,
    )
    assert response.status_code == 200
    copy = TrainingPlan.objects.get(athlete=athlete, week_start_date=MONDAY)
    assert sorted(s.date for s in copy.sessions.all()) == [
        MONDAY + timedelta(days=2),
        MONDAY + timedelta(days=5),
    ]
    assert source.sessions.count() == 2


def test_copy_into_a_planned_week_replaces_it(coach_client, athlete, plan):
    TrainingSessionFactory(plan=plan)
    source = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY - timedelta(days=7))
    coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": source.week_start_date.isoformat(), "version": plan.version},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    assert (
        TrainingPlan.objects.filter(
            athlete=athlete, week_start_date=MONDAY, status=PlanStatus.ACTIVE
        )
        .exclude(pk=plan.pk)
        .exists()
    )


def test_copy_from_a_week_without_plan_is_refused(coach_client, athlete):
    response = coach_client.post(
        reverse("training:copy_week", args=[athlete.pk, MONDAY.isoformat()]),
        {"source": "2020-01-06"},
    )
    assert response.status_code == 422
    assert "Pick a week that has a plan" in response.content.decode()
    assert not TrainingPlan.objects.filter(athlete=athlete).exists()


# Editing sessions


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


def test_archive_plan(coach_client, athlete, plan):
    coach_client.post(reverse("training:archive_plan", args=[plan.pk]), {"version": 1})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    assert AuditLog.objects.filter(action="update_plan", entity_id=plan.pk).exists()


def test_a_completed_week_is_shown_read_only(coach_client, athlete):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=MONDAY, status="completed")
    session = TrainingSessionFactory(plan=plan)
    page = coach_client.get(week_url(athlete)).content.decode()
    assert "This week has ended" in page
    assert session.focus in page
    assert reverse("training:edit_session", args=[session.pk]) not in page
    response = coach_client.post(
        reverse("training:delete_session", args=[session.pk]), {"version": plan.version}
    )
    assert response.status_code == 409
    assert TrainingSession.objects.filter(pk=session.pk).exists()
    coach_client.post(reverse("training:archive_plan", args=[plan.pk]), {"version": plan.version})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED


# The editor on a phone: where it opens, what it focuses


def day_index(page: str, day: date) -> int:
    return page.index(f'id="day-{day.isoformat()}"')


@pytest.mark.parametrize("offset", [2, 6])
def test_the_editor_opens_in_the_slot_of_the_tapped_day(coach_client, athlete, plan, offset):
    day = MONDAY + timedelta(days=offset)
    page = coach_client.get(new_session_url(plan) + f"&date={day.isoformat()}").content.decode()
    editor = page.index('id="editor"')
    assert day_index(page, day - timedelta(days=1)) < day_index(page, day) < editor
    if offset < 6:
        assert editor < day_index(page, day + timedelta(days=1))


def test_editing_opens_at_the_sessions_day(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY + timedelta(days=4))
    page = coach_client.get(reverse("training:edit_session", args=[session.pk])).content.decode()
    assert day_index(page, session.date) < page.index('id="editor"')
    assert page.index('id="editor"') < day_index(page, session.date + timedelta(days=1))


def autofocused(page: str) -> str:
    """The one tag carrying autofocus (there must be exactly one)."""
    assert page.count(" autofocus") == 1, page.count(" autofocus")
    start = page.rindex("<", 0, page.index(" autofocus"))
    return page[start : page.index(">", start) + 1]


def test_a_new_strength_session_focuses_the_search_box(coach_client, athlete, plan):
    page = coach_client.get(new_session_url(plan), headers=HTMX).content.decode()
    assert 'id="exercise-q"' in autofocused(page)
    # The results region follows the search box at once (a phone's keyboard covers the rest).
    between = page[page.index('id="exercise-q"') : page.index('id="exercise-results"')]
    assert "<input" not in between.split(">", 1)[1] and "<select" not in between


def test_a_new_endurance_session_focuses_its_first_field(coach_client, athlete, plan):
    page = coach_client.get(new_session_url(plan, "endurance")).content.decode()
    assert 'name="modality"' in autofocused(page)


def test_after_adding_an_exercise_the_search_box_has_the_focus(coach_client, athlete, plan):
    squat = ExerciseFactory(name="Back Squat")
    data = strength_post(plan, [], op=f"add:{squat.pk}", q="squ")
    page = coach_client.post(new_session_url(plan), data, headers=HTMX).content.decode()
    assert "1. Back Squat" in page
    assert 'id="exercise-q"' in autofocused(page)


def test_a_moved_row_keeps_the_focus_on_its_button(coach_client, athlete, plan):
    rows = [row(ExerciseFactory(name=f"Lift {n}")) for n in range(3)]
    page = coach_client.post(
        new_session_url(plan), strength_post(plan, rows, op="down:0"), headers=HTMX
    ).content.decode()
    assert 'value="down:1"' in autofocused(page)  # Lift 0 is now second, Move down still works
    page = coach_client.post(
        new_session_url(plan), strength_post(plan, rows, op="down:1"), headers=HTMX
    ).content.decode()
    assert 'value="up:2"' in autofocused(page)  # now last: its Move down is disabled


def test_a_refused_save_focuses_the_first_field_in_error(coach_client, athlete, plan):
    squat = ExerciseFactory()
    data = strength_post(plan, [row(squat, reps="many")], estimated_duration="400")
    page = coach_client.post(new_session_url(plan), data, headers=HTMX).content.decode()
    assert 'name="ex-0-reps"' in autofocused(page)


# The endurance editor


def endurance_post(plan, **fields):
    return {
        "version": plan.version, "type": "endurance", "date": MONDAY.isoformat(),
        "focus": "", "modality": "run", "duration_value": "80", "duration_unit": "minutes",
        "distance_value": "", "distance_unit": "km", "intensity_type": "heart_rate_zone",
        "zone": "2", "ftp_percent": "", **fields,
    }  # fmt: skip


def test_endurance_minutes_follow_the_duration(coach_client, athlete, plan):
    page = coach_client.get(new_session_url(plan, "endurance")).content.decode()
    assert "Estimated minutes" not in page
    # A stale minutes value (an old form) is ignored: the duration decides.
    data = endurance_post(plan, estimated_duration="45")
    response = coach_client.post(new_session_url(plan, "endurance"), data, headers=HTMX)
    assert response.status_code == 200
    session = plan.sessions.get()
    assert session.estimated_duration == 80
    assert "Endurance · 80 min" in response.content.decode()
    assert "45 min" not in response.content.decode()


def test_endurance_minutes_of_a_duration_in_hours(coach_client, athlete, plan):
    data = endurance_post(plan, duration_value="1.5", duration_unit="hours")
    coach_client.post(new_session_url(plan, "endurance"), data)
    assert plan.sessions.get().estimated_duration == 90


def test_editing_the_duration_updates_the_minutes(coach_client, athlete, plan):
    session = TrainingSessionFactory(plan=plan, date=MONDAY, estimated_duration=45)
    data = endurance_post(plan, duration_value="80")
    response = coach_client.post(reverse("training:edit_session", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.estimated_duration == 80 and session.prescription["duration"]["value"] == 80


def test_the_unchosen_intensity_field_is_ignored(coach_client, athlete, plan):
    data = endurance_post(plan, intensity_type="heart_rate_zone", zone="3", ftp_percent="lots")
    assert coach_client.post(new_session_url(plan, "endurance"), data).status_code == 302
    assert plan.sessions.get().prescription["intensity"] == {"type": "heart_rate_zone", "zone": 3}
    plan.refresh_from_db()
    data = endurance_post(plan, intensity_type="ftp_percent", zone="x", ftp_percent="90")
    assert coach_client.post(new_session_url(plan, "endurance"), data).status_code == 302
    latest = plan.sessions.order_by("-created_at").first()
    assert latest.prescription["intensity"] == {"type": "ftp_percent", "value": 90.0}


def test_the_chosen_intensity_field_is_still_checked(coach_client, athlete, plan):
    data = endurance_post(plan, intensity_type="ftp_percent", zone="2", ftp_percent="lots")
    response = coach_client.post(new_session_url(plan, "endurance"), data)
    assert response.status_code == 422
    assert 'id="id_ftp_percent_error"><li>Enter a number.</li>' in response.content.decode()
    assert not plan.sessions.exists()


# Done and missed


def test_the_week_shows_done_and_missed_sessions(coach_client, athlete):
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    monday = today - timedelta(days=today.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    earlier = today - timedelta(days=1)
    done = TrainingSessionFactory(plan=plan, date=today, focus="Logged")
    missed = TrainingSessionFactory(plan=plan, date=earlier, focus="Skipped")
    upcoming = TrainingSessionFactory(plan=plan, date=today, focus="Later today")
    WorkoutLogFactory(session=done, athlete=athlete)
    page = coach_client.get(week_url(athlete, monday)).content.decode()

    def card_of(session):
        start = page.index(f'id="session-{session.pk}"')
        return page[page.rindex("<article", 0, start) : page.index("</article>", start)]

    assert "is-done" in card_of(done) and "✓ Done" in card_of(done)
    if earlier >= monday:  # on a Monday, yesterday belongs to last week
        assert "is-missed" in card_of(missed) and "Missed" in card_of(missed)
    assert "is-planned" in card_of(upcoming)
    assert "Done" not in card_of(upcoming) and "Missed" not in card_of(upcoming)


def test_missed_means_the_athletes_day_has_passed(client):
    """The coach's clock (UTC−12) still has the day; the athlete's (UTC+14) has moved on."""
    athlete = AthleteFactory(user__time_zone="Pacific/Kiritimati")
    coach_user = athlete.coach.user
    coach_user.time_zone = "Etc/GMT+12"
    coach_user.save()
    coach_day = timezone.localdate(timezone=coach_user.zoneinfo)
    monday = coach_day - timedelta(days=coach_day.weekday())
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    session = TrainingSessionFactory(plan=plan, date=coach_day)
    client.force_login(coach_user)
    page = client.get(week_url(athlete, monday)).content.decode()
    assert 'is-missed" id="session-' + str(session.pk) in page
