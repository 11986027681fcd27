"""Programs' rules in the database (weeks 1–16, weekday 0–6) and in clean()."""

import pytest
from django.core.exceptions import ValidationError

from accounts.services import delete_account
from accounts.tests.factories import CoachFactory
from training.programs.models import Program, ProgramSession
from training.tests.factories import endurance_prescription
from training.tests.programs.conftest import make_program

pytestmark = pytest.mark.django_db


def test_weeks_are_1_to_16_in_the_database(coach, db_rejects):
    for weeks in (0, 17):
        with db_rejects("program_weeks_1_16"):
            Program.objects.create(coach=coach, name="Too long", weeks=weeks)


def test_a_session_s_week_and_weekday_are_checked_by_the_database(program, db_rejects):
    fields = {"program": program, "type": "endurance", "prescription": endurance_prescription()}
    with db_rejects("program_session_weekday_0_6"):
        ProgramSession.objects.create(week=1, weekday=7, **fields)
    with db_rejects("program_session_week_1_16"):
        ProgramSession.objects.create(week=17, weekday=0, **fields)


def test_clean_checks_the_prescription_schema_and_the_program_s_weeks(program):
    for week, prescription, field in [
        (1, {"modality": "swim"}, "prescription"),
        (4, endurance_prescription(), "week"),  # the program has 3 weeks
    ]:
        session = ProgramSession(
            program=program, week=week, weekday=0, type="endurance", prescription=prescription
        )
        with pytest.raises(ValidationError) as caught:
            session.full_clean()
        assert set(caught.value.message_dict) == {field}


def test_a_program_goes_with_its_coach():
    coach = CoachFactory()
    make_program(coach, "Week 1\nMon\n  Run 30min Z2\n")
    delete_account(user=coach.user)
    assert not Program.objects.exists() and not ProgramSession.objects.exists()
