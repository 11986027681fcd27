"""The library's pages: list, write (preview, save with errors by line and word), edit,
delete, export and import, and Save as program from the builder. Another coach: 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory
from training.programs.models import Program, ProgramSession
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory, this_monday
from training.tests.programs.conftest import PROGRAM_TEXT, make_program

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def test_the_library_lists_the_coach_s_programs_only(coach_client, program):
    make_program(CoachFactory(), "Week 1\nMon\n  Run 30min Z2\n", name="Someone else's")
    page = coach_client.get(reverse("training:program_list")).content.decode()
    assert "Base block" in page and "Someone else" not in page
    assert reverse("training:program_apply", args=[program.pk]) in page


def test_the_preview_reads_the_weeks_without_targets(coach_client):
    response = coach_client.post(reverse("training:program_preview"), {"text": PROGRAM_TEXT},
                                 headers=HTMX)  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "3 weeks, 5 sessions" in page and "Week 2" in page and "A rest week" in page
    assert "Back Squat" in page and "kg" not in page


def test_a_new_program_is_saved_from_its_text(coach_client, coach):
    data = {"name": "Base block", "description": "Three weeks", "text": PROGRAM_TEXT}
    response = coach_client.post(reverse("training:program_new"), data)
    assert response.status_code == 302
    program = Program.objects.get(coach=coach)
    assert (program.weeks, program.sessions.count(), program.description) == (3, 5, "Three weeks")


def test_errors_name_the_line_and_word_and_nothing_is_stored(coach_client, program):
    text = PROGRAM_TEXT.replace("Pull-up 4x8", "Pul-up 4x8")
    url = reverse("training:program_edit", args=[program.pk])
    response = coach_client.post(url, {"name": "Renamed", "text": text})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Line 5, “<code>Pul-up</code>”" in page and "Pul-up 4x8" in page  # text kept
    program.refresh_from_db()
    assert program.name == "Base block" and program.sessions.count() == 5


def test_a_missing_name_is_named(coach_client, coach):
    response = coach_client.post(
        reverse("training:program_new"), {"name": "", "text": PROGRAM_TEXT}
    )
    assert response.status_code == 422 and 'id="name-error"' in response.content.decode()
    assert not Program.objects.exists()


def test_editing_rewrites_the_program(coach_client, program):
    url = reverse("training:program_edit", args=[program.pk])
    assert "Week 3\nWed Easy\n  Run 30min Z2\n" in coach_client.get(url).content.decode()
    response = coach_client.post(url, {"name": "Short", "text": "Week 1\nMon\n  Run 20min Z1\n"})
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.name, program.weeks, program.sessions.count()) == ("Short", 1, 1)


def test_delete(coach_client, program):
    response = coach_client.post(reverse("training:program_delete", args=[program.pk]))
    assert response.status_code == 302 and not Program.objects.exists()
    assert not ProgramSession.objects.exists()


def test_export_then_import_makes_a_copy(coach_client, program, coach):
    response = coach_client.get(reverse("training:program_export", args=[program.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="base-block.txt"'
    body = response.content
    assert body.startswith(b"Program: Base block\n")
    upload = SimpleUploadedFile("shared.txt", body, content_type="text/plain")
    response = coach_client.post(reverse("training:program_import"), {"file": upload})
    assert response.status_code == 302
    copy = Program.objects.exclude(pk=program.pk).get()
    assert (copy.name, copy.weeks, copy.sessions.count()) == ("Base block", 3, 5)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Week 1\nMon\n  Bak squat 5x5 @75%\n", "Line 3, “<code>Bak squat</code>”"),
        (b"Mon\n  Run 30min Z2\n", "start with a week"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
    ],
)
def test_an_import_with_errors_stores_nothing(coach_client, coach, content, expected):
    upload = SimpleUploadedFile("bad.txt", content, content_type="text/plain")
    response = coach_client.post(reverse("training:program_import"), {"file": upload})
    assert response.status_code == 422 and expected in response.content.decode()
    assert not Program.objects.exists()


def test_an_import_without_a_file_is_named(coach_client):
    response = coach_client.post(reverse("training:program_import"))
    assert response.status_code == 422 and "Choose a program file" in response.content.decode()


def test_an_imported_file_without_a_name_takes_the_file_s(coach_client, coach):
    upload = SimpleUploadedFile("easy_base.txt", b"Week 1\nMon\n  Run 30min Z2\n")
    coach_client.post(reverse("training:program_import"), {"file": upload})
    assert Program.objects.get().name == "easy base"


def test_save_as_program_copies_this_week_and_the_next(coach_client, athlete, coach):
    monday = this_monday()
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    TrainingSessionFactory(plan=plan, date=monday, focus="Easy")
    url = reverse("training:save_as_program", args=[athlete.pk, monday.isoformat()])
    assert coach_client.get(url).status_code == 200
    response = coach_client.post(url, {"weeks": "2", "name": "From Alex", "into": ""})
    assert response.status_code == 302
    program = Program.objects.get()
    assert program.weeks == 2
    assert [(s.week, s.weekday, s.focus) for s in program.sessions.all()] == [(1, 0, "Easy")]


def test_save_as_program_over_an_existing_program(coach_client, athlete, program):
    monday = this_monday()
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    TrainingSessionFactory(plan=plan, date=monday)
    url = reverse("training:save_as_program", args=[athlete.pk, monday.isoformat()])
    coach_client.post(url, {"weeks": "1", "into": str(program.pk)})
    program.refresh_from_db()
    assert (program.name, program.weeks, program.sessions.count()) == ("Base block", 1, 1)


@pytest.mark.parametrize(
    ("data", "field"),
    [({"weeks": "17", "name": "X y"}, "weeks-error"), ({"weeks": "2", "name": ""}, "name-error"),
     ({"weeks": "2", "into": "not-a-program"}, "into-error"),
     ({"weeks": "2", "name": "Empty"}, "weeks-error")],
)  # fmt: skip
def test_save_as_program_names_the_refused_field(coach_client, athlete, data, field):
    url = reverse("training:save_as_program", args=[athlete.pk, this_monday().isoformat()])
    if data.get("name") != "Empty":
        plan = TrainingPlanFactory(athlete=athlete, week_start_date=this_monday())
        TrainingSessionFactory(plan=plan, date=this_monday())
    response = coach_client.post(url, data)
    assert response.status_code == 422 and f'id="{field}"' in response.content.decode()
    assert not Program.objects.exists()


def test_another_coach_s_programs_and_athletes_are_404(coach_client, program):
    other = make_program(CoachFactory(), "Week 1\nMon\n  Run 30min Z2\n", name="Theirs")
    stranger = AthleteFactory()
    for name in ("program_edit", "program_export", "program_apply"):
        assert coach_client.get(reverse(f"training:{name}", args=[other.pk])).status_code == 404
    assert coach_client.post(reverse("training:program_delete", args=[other.pk])).status_code == 404
    url = reverse("training:save_as_program", args=[stranger.pk, this_monday().isoformat()])
    assert coach_client.get(url).status_code == 404
    assert Program.objects.filter(pk=other.pk).exists()


def test_athletes_are_refused(client, athlete, program):
    client.force_login(athlete.user)
    assert client.get(reverse("training:program_list")).status_code == 403
    assert client.get(reverse("training:program_edit", args=[program.pk])).status_code == 403


def test_the_library_and_editor_stay_in_budget(coach_client, coach, django_assert_max_num_queries):
    text = "".join(f"Week {n}\n" + PROGRAM_TEXT.split("\n", 1)[1].split("Week 2")[0]
                   for n in range(1, 17))  # fmt: skip
    programs = [make_program(coach, text, name=f"Program {n}") for n in range(10)]
    with django_assert_max_num_queries(5):  # session, user, coach?, programs with counts
        page = coach_client.get(reverse("training:program_list"))
    assert page.content.decode().count("<td>16</td>") == 10
    url = reverse("training:program_edit", args=[programs[0].pk])
    with django_assert_max_num_queries(6):  # session, user, program, sessions, exercises
        page = coach_client.get(url)
    assert page.content.decode().count("Back Squat 5x5") == 16
