"""The builder's week rules: an endurance session's minutes and a session's done/missed state."""

from datetime import date, timedelta

import pytest

from training.builder import (
    Status,
    card,
    day_picker,
    estimated_minutes,
    week_columns,
    week_options,
)
from training.display import SessionView
from training.models import TrainingSession
from training.prescription import Prescription

TODAY = date(2026, 12, 2)


def endurance(value, unit="minutes"):
    return {"modality": "run", "duration": {"value": value, "unit": unit}}


def test_estimated_minutes_stay_within_the_columns_range():
    assert estimated_minutes(endurance(300)) == 300
    assert estimated_minutes(endurance(6, "hours")) is None  # 360 > 300: no estimate, not 300


def view(*, kind="endurance", day=TODAY, logs=0, estimated=45, prescription=None):
    session = TrainingSession(  # unsaved: a card reads its fields, never the database
        type=kind,
        date=day,
        estimated_duration=estimated,
        prescription=endurance(80) if prescription is None else prescription,
    )
    session.logged = bool(logs)
    return SessionView(session, Prescription.of(session.type, session.prescription), lines=[])


def test_an_endurance_card_reads_its_duration_not_a_stale_estimate():
    assert card(view(estimated=45), today=TODAY).minutes == 80


def test_a_strength_card_reads_the_estimate():
    assert card(view(kind="strength", estimated=60, prescription={}), today=TODAY).minutes == 60


@pytest.mark.parametrize(
    ("day", "logs", "status"),
    [
        (TODAY - timedelta(days=1), 1, Status.DONE),
        (TODAY - timedelta(days=1), 0, Status.MISSED),
        (TODAY, 0, Status.PLANNED),  # the athlete still has the day
        (TODAY + timedelta(days=1), 1, Status.DONE),  # logged early: done all the same
        (TODAY + timedelta(days=1), 0, Status.PLANNED),
    ],
)
def test_status(day, logs, status):
    assert card(view(day=day, logs=logs), today=TODAY).status == status


def test_the_week_has_seven_days_each_with_its_cards():
    monday = date(2026, 11, 30)
    tuesday = card(view(day=monday + timedelta(days=1)), today=TODAY)

    days = week_columns(monday, [tuesday])

    assert [(d.iso, d.name, d.short) for d in days[:2]] == [
        ("2026-11-30", "Monday", "30 Nov"),
        ("2026-12-01", "Tuesday", "1 Dec"),
    ]
    assert [len(d.cards) for d in days] == [0, 1, 0, 0, 0, 0, 0]


def test_a_day_picker_offers_the_week_with_the_sessions_day_chosen():
    picker = day_picker(date(2026, 11, 30), selected=date(2026, 12, 1))

    assert picker.count("<option") == 7
    assert picker.count(" selected") == 1
    assert '<option value="2026-12-01" selected>Tue</option>' in picker
    assert '<option value="2026-12-06">Sun</option>' in picker


def test_the_copy_picker_offers_the_weeks_as_given():
    options = week_options([date(2026, 11, 23), date(2026, 11, 16)])

    assert options == (
        '<option value="2026-11-23">Mon 23 Nov 2026</option>'
        '<option value="2026-11-16">Mon 16 Nov 2026</option>'
    )
