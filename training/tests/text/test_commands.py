"""plan_to_text prints a week; plan_from_text writes one through write_week, or names every
error (file, line, column, word), exits non-zero and writes nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.tests.text.conftest import MONDAY
from training.tests.text.test_parse_week import ISSUE_WEEK

pytestmark = pytest.mark.django_db
WEEK = ["--athlete", "ALEX@example.com", "--week", MONDAY.isoformat()]


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_plan_to_text_prints_the_week(athlete, plan):
    out, _ = run("plan_to_text", *WEEK)
    assert out == "Mon Aerobic base\n  Run 45min 8km Z2\n"


def test_plan_from_text_writes_a_new_version_that_prints_back(athlete, plan, tmp_path):
    path = tmp_path / "week.txt"
    path.write_text(ISSUE_WEEK, encoding="utf-8")
    out, err = run("plan_from_text", *WEEK, str(path))
    assert "Wrote 4 sessions for Alex Kim in the week of 2026-11-30 (plan version 4" in out
    assert "note:" not in err  # a rep range is kept whole
    assert TrainingPlan.objects.get(status=PlanStatus.ACTIVE).version == 4
    printed, _ = run("plan_to_text", *WEEK)
    expected = ISSUE_WEEK  # with the catalog's spelling of each name:
    for typed, name in [("squat", "Squat"), ("deadlift", "Deadlift"), ("Pull-up", "Pull-Up")]:
        expected = expected.replace(typed, name)
    assert printed == expected


def test_plan_from_text_reads_standard_input(athlete, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Tue Easy\n  Run 30min Z2\n"))
    out, _ = run("plan_from_text", *WEEK, "-")
    assert "Wrote 1 session " in out and "a draft" in out


def test_errors_name_file_line_column_and_word_and_nothing_is_written(athlete, plan, tmp_path):
    path = tmp_path / "week.txt"
    path.write_text("Mon\n  Back sqat 5x5 @75%\nTue\n  Run 45 Z2\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 errors: nothing was written"):
        call_command("plan_from_text", *WEEK, str(path), stderr=err)
    assert f"{path}:2:3: “Back sqat”: is not an exercise of your catalog" in err.getvalue()
    assert f"{path}:4:7: “45”: a number without a unit" in err.getvalue()
    assert TrainingPlan.objects.get().version == 3 and TrainingSession.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--athlete", "nobody@example.com", "--week", "2026-11-30"], "No athlete"),
        (["--athlete", "alex@example.com", "--week", "2026-12-01"], "not a Monday"),
        (["--athlete", "alex@example.com", "--week", "soon"], "not a Monday"),
    ],
)
def test_unknown_athletes_and_days_that_are_not_mondays_are_refused(athlete, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("plan_to_text", *args)


def test_a_missing_file_is_a_clear_error(athlete):
    with pytest.raises(CommandError, match=r"nope\.txt"):
        call_command("plan_from_text", *WEEK, "nope.txt")
