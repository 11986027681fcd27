"""The compliance colour rule (insights.compliance): TrainingPeaks' bands, missed and the
future, and the figures a session is measured by."""

from datetime import date

import pytest

from insights.compliance import Amount, Colour, compliance, done_amount, planned_amount

TODAY = date(2026, 12, 9)
PAST = date(2026, 12, 7)


def colour_of(done, planned=100):
    return compliance(planned=planned, done=done, logged=True, day=PAST, today=TODAY).colour


@pytest.mark.parametrize(
    ("done", "colour"),
    [
        (80, Colour.GREEN),
        (100, Colour.GREEN),
        (120, Colour.GREEN),
        (79, Colour.YELLOW),
        (50, Colour.YELLOW),
        (121, Colour.YELLOW),
        (150, Colour.YELLOW),
        (49, Colour.RED),
        (151, Colour.RED),
        (0, Colour.RED),
    ],
)
def test_the_bands_at_their_edges(done, colour):
    assert colour_of(done) == colour


def test_percent_is_rounded_to_whole_before_the_bands():
    # 79.6 % reads as 80 %: on target, as the page prints it.
    assert colour_of(39.8, planned=50) == Colour.GREEN
    assert compliance(planned=50, done=39.8, logged=True, day=PAST, today=TODAY).percent == 80


def test_not_logged_is_neutral_today_and_after_and_missed_before():
    def mark(day):
        return compliance(planned=60, done=None, logged=False, day=day, today=TODAY)

    assert mark(date(2026, 12, 10)).colour == Colour.NEUTRAL
    assert mark(TODAY).colour == Colour.NEUTRAL
    assert mark(date(2026, 12, 8)).colour == Colour.RED
    assert mark(date(2026, 12, 8)).label == "Missed"


def test_a_log_early_for_a_future_session_is_judged_like_any_other():
    mark = compliance(planned=60, done=30, logged=True, day=date(2026, 12, 12), today=TODAY)
    assert (mark.colour, mark.percent) == (Colour.YELLOW, 50)


def test_a_log_with_nothing_to_compare_is_done():
    assert compliance(planned=None, done=40, logged=True, day=PAST, today=TODAY).label == "Done"
    assert compliance(planned=60, done=None, logged=True, day=PAST, today=TODAY).label == "Done"


def test_every_mark_has_words_and_an_icon_beside_its_colour():
    for done in (100, 60, 10):
        mark = compliance(planned=100, done=done, logged=True, day=PAST, today=TODAY)
        assert mark.label and mark.icon and f"({mark.percent} %)" in mark.text


def test_strength_is_measured_in_repetitions_done():
    rx = {
        "exercises": [
            {"exerciseId": "a", "sets": 5, "reps": 5, "intensity": {"type": "rpe", "value": 8}},
            {"exerciseId": "b", "sets": 3, "reps": 10, "intensity": {"type": "rpe", "value": 8}},
        ]
    }
    planned = planned_amount("strength", rx, 60)
    done = done_amount(
        planned,
        {
            "exercises": [
                {"exerciseId": "a", "sets": [{"weight": 100, "reps": 5}] * 5},
                {"exerciseId": "b", "sets": [{"weight": 20, "reps": 10}] * 3, "skipped": True},
            ]
        },
    )
    assert planned == Amount(55, "reps")
    assert done == Amount(25, "reps")


def test_strength_without_reps_falls_back_to_minutes():
    rx = {"exercises": []}
    assert planned_amount("strength", rx, 50) == Amount(50, "min")
    assert planned_amount("strength", rx, None) is None


def test_endurance_is_measured_in_minutes():
    rx = {"modality": "run", "duration": {"value": 1.5, "unit": "hours"}}
    planned = planned_amount("endurance", rx, None)
    assert planned == Amount(90, "min")
    assert done_amount(planned, {"duration": {"value": 80, "unit": "minutes"}}) == Amount(80, "min")
    assert done_amount(planned, {"modality": "run"}) is None
