"""The editor on a phone: where it opens, what it focuses."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from training.tests.builder.posts import (
    HTMX,
    MONDAY,
    new_session_url,
    row,
    strength_post,
)
from training.tests.factories import (
    ExerciseFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db


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
