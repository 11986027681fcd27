"""Whole athlete-weeks through `analyse()`: what a coach would expect to read.

Each scenario builds a Week by hand (no database) and checks the findings, their order and
wording, and that every stored field passes the insights JSON schemas.
"""

from decimal import Decimal

import pytest

from hybridpeaks.core.json_validation import validate_document
from insights.engine.analysis import analyse
from insights.engine.finding import FATIGUE, SAFETY
from insights.engine.inputs import Benchmark, Planned
from insights.tests.scenario_cases import (
    BENCH,
    DEADLIFT,
    MONDAY,
    RECENT,
    SQUAT,
    assert_valid_for_storage,
    benchmarks,
    done_lift,
    load_adding,
    log_of,
    on,
    rules,
    run_done,
    run_rx,
    rx_lift,
    steady_history,
    steady_week,
    strength_session,
    week_of,
)

# --- (1) Over-reaching -----------------------------------------------------------------


def overreaching_week():
    """Three long strength sessions with main lifts well above the planned RPE, plus three
    harder runs, after a quieter month of 45–60 minute sessions."""
    heavy = [rx_lift(SQUAT, 5, "percent_1rm", 80), rx_lift(DEADLIFT, 5, "percent_1rm", 80)]
    sessions = [
        strength_session(MONDAY, 0, "mon", heavy, 90),
        Planned("tue", on(MONDAY, 1), "endurance", run_rx(75, zone=3)),
        strength_session(MONDAY, 2, "wed", heavy, 90),
        Planned("thu", on(MONDAY, 3), "endurance", run_rx(75, zone=3)),
        strength_session(MONDAY, 4, "fri", heavy, 90),
        Planned("sat", on(MONDAY, 5), "endurance", run_rx(100, zone=3)),
    ]
    lifts = {"exercises": [done_lift(SQUAT, 112.5, 5, 9.5), done_lift(DEADLIFT, 140, 5, 9)]}
    logs = [
        log_of(sessions[0], lifts, 9),
        log_of(sessions[1], run_done(75, 152), 7),
        log_of(sessions[2], lifts, 9),
        log_of(sessions[3], run_done(75, 152), 7),
        log_of(sessions[4], lifts, 9),
        log_of(sessions[5], run_done(100, 152), 8),
    ]
    return week_of(sessions, logs, steady_history())


def test_overreaching_week_suggests_reducing_intensity_with_its_numbers():
    result = analyse(overreaching_week())
    assert_valid_for_storage(result)
    harder = next(f for f in result.findings if f.rule == "harder_than_planned")
    # Squat 80 % × 5 expects RPE 7.56 (chart); logged 9.5 → +1.94. Deadlift 9 → +1.44.
    # Each session's median main-lift ΔRPE is (1.94 + 1.44)/2 = +1.69 → "+1.7".
    assert harder.kind == FATIGUE
    assert "+1.7 on Mon 3 Mar, +1.7 on Wed 5 Mar and +1.7 on Fri 7 Mar" in harder.reasoning
    assert "Back squat: expected RPE 7.6, logged 9.5" in harder.reasoning
    assert {"suggestion": harder.suggestion, "reasoning": harder.reasoning} in result.suggestions
    assert "Lower the main lifts by 2.5–5 %1RM" in harder.suggestion

    jump = next(f for f in result.findings if f.rule == "load_jump")
    assert result.acwr >= 1.5
    # The history's weeks carried 1035 AU, this one 4280: the mean daily EWMA ratio is 1.70.
    assert result.acwr == 1.7
    assert (
        jump.pattern == "This week's load was 1.7× your recent average, a bigger jump than usual."
    )
    assert "Keep next week at or under 2,886 AU, 1.3× your recent weekly average of 2,220 AU" in (
        jump.suggestion
    )
    assert "risk" not in " ".join(result.patterns + [s["reasoning"] for s in result.suggestions])
    assert load_adding(result) == []
    assert not any("Progress" in s["suggestion"] for s in result.suggestions)
    assert result.findings[0].kind == FATIGUE


def test_overreaching_numbers_in_the_fatigue_paragraph():
    result = analyse(overreaching_week())
    # Load: 3 × 90 × 9 + 2 × 75 × 7 + 100 × 8 = 2430 + 1050 + 800 = 4280 AU.
    assert result.weekly_load == 4280
    assert "Weekly load was 4,280 AU" in result.fatigue_analysis
    assert "1.7× your recent average, a bigger jump" in result.fatigue_analysis
    assert "Every session had an RPE." in result.fatigue_analysis


# --- (2) Missed endurance sessions ------------------------------------------------------


def missed_endurance_week():
    sessions, logs = steady_week(MONDAY, "w")
    # Tuesday's and Saturday's runs were not logged.
    return week_of(sessions, [log for log in logs if log.type == "strength"], steady_history())


def test_missed_endurance_sessions_are_named_by_type_and_weekday():
    result = analyse(missed_endurance_week())
    assert_valid_for_storage(result)
    assert result.adherence == Decimal("0.500")
    assert (result.done_count, result.planned_count) == (2, 4)
    assert "2/4 planned sessions done; missed: endurance on Tuesday and Saturday." in (
        result.patterns
    )
    adherence = next(f for f in result.findings if f.rule == "adherence")
    assert adherence.suggestion.startswith("Repeat this week's loads next week")
    assert "Adherence was 50% (2 of 4 sessions)" in adherence.reasoning
    assert "on_track" not in rules(result)
    assert load_adding(result) == []


# --- (3) A clean week --------------------------------------------------------------------


def clean_week():
    return week_of(*steady_week(MONDAY, "w"), steady_history())


def test_a_clean_week_raises_no_alarm():
    result = analyse(clean_week())
    assert_valid_for_storage(result)
    assert not [f for f in result.findings if f.kind in (SAFETY, FATIGUE)]
    assert rules(result) == ["on_track"]
    assert result.patterns == ["On track: 4/4 sessions done as planned."]
    assert result.suggestions[0]["suggestion"] == "Progress as planned."
    # Squat 7.5 vs 7.56 (−0.06) and bench 8 vs 8 (0): median ΔRPE 0.
    assert "median ΔRPE 0" in result.suggestions[0]["reasoning"]
    assert result.adherence == Decimal("1.000")
    # A month of identical weeks: the weighted averages sit close together.
    assert 0.8 <= result.acwr <= 1.3
    assert result.monotony < 2
    # Per session 3 × 112.5 × 5 + 3 × 70 × 5 = 2737.5; two sessions = 5475 kg.
    assert result.total_volume == {
        "strength": "5475kg",
        "endurance": "105min",
        "byModality": {"run": {"minutes": 105.0, "distanceKm": 17.5}},
    }
    # Planned: strength (7.56 + 8)/2 = 7.78 × 60 = 466.8; runs zone 2 → RPE 3 × minutes.
    assert result.planned_daily_load == (466.8, 135.0, 0, 466.8, 0, 180.0, 0)
    assert result.daily_load == (360.0, 135.0, 0, 360.0, 0, 180.0, 0)


def test_the_analysis_is_deterministic():
    assert analyse(clean_week()) == analyse(clean_week())
    assert analyse(overreaching_week()) == analyse(overreaching_week())


# --- (4) Pain ----------------------------------------------------------------------------


def low_bench_benchmarks():
    """Bench e1RM 70 ÷ 0.811 (5 reps at RPE 8) = 86.3 kg, ≥ 1.05 × an 80 kg 1RM."""
    kept = [b for b in benchmarks() if b.exercise_id != BENCH]
    return [*kept, Benchmark("1RM", Decimal(80), BENCH, RECENT)]


def pain_week():
    sessions, logs = steady_week(MONDAY, "w", run_notes="Left knee hurt on the run")
    return week_of(sessions, logs, steady_history(), benchmarks=low_bench_benchmarks())


def test_pain_comes_first_and_holds_progression():
    # The 1RM rule would suggest raising the bench 1RM, but not in a week with pain.
    result = analyse(pain_week())
    assert_valid_for_storage(result)
    first = result.findings[0]
    assert (first.rule, first.kind) == ("pain", SAFETY)
    assert result.patterns[0] == "Possible pain or illness noted on Tue 4 Mar."
    assert result.suggestions[0]["suggestion"].startswith("No automatic progression")
    assert "hurt" in result.suggestions[0]["reasoning"]
    one_rm = next(f for f in result.findings if f.rule == "one_rm_out_of_date")
    assert one_rm.suggestion is None
    assert "Not suggested this week because pain or illness was noted." in (one_rm.reasoning)
    assert "on_track" not in rules(result)
    assert load_adding(result) == []


def test_without_pain_the_same_week_suggests_updating_the_1rm():
    sessions, logs = steady_week(MONDAY, "w")
    result = analyse(week_of(sessions, logs, steady_history(), benchmarks=low_bench_benchmarks()))
    one_rm = next(f for f in result.findings if f.rule == "one_rm_out_of_date")
    # Median e1RM 86.31 kg rounds to the nearest 2.5 kg: 87.5.
    assert one_rm.suggestion == "Update the 1RM for Bench press to 87.5 kg (the median e1RM)."
    assert "e1RM 86.3 kg and 86.3 kg in 2 sessions (≥ 1.05 × = 84 kg)" in one_rm.reasoning


SCENARIOS = [overreaching_week, missed_endurance_week, clean_week, pain_week]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_scenario_is_storable_and_ordered(scenario):
    result = analyse(scenario())
    assert_valid_for_storage(result)
    order = ("safety", "fatigue", "progression", "info")
    kinds = [order.index(f.kind) for f in result.findings]
    assert kinds == sorted(kinds)
    assert result.patterns == [f.pattern for f in result.findings]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario_inputs_have_the_stored_shapes(scenario):
    week = scenario()
    for session in week.planned:
        validate_document(session.prescription, schema=f"training:prescription_{session.type}")
    for log in [*week.logs, *week.history]:
        validate_document(log.actual_data, schema=f"logging_app:actual_data_{log.type}")
