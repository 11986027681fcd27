"""Whole athlete-weeks through `analyse()`: what a coach would expect to read.

Each scenario builds a Week by hand (no database) and checks the findings, their order and
wording, and that every stored field passes the insights JSON schemas.
"""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from hybridpeaks.core.json_validation import validate_document
from insights.engine.analysis import analyse
from insights.engine.finding import FATIGUE, SAFETY
from insights.engine.inputs import Benchmark, Logged, Planned, Week

MONDAY = dt.date(2025, 3, 3)
SQUAT = "11111111-1111-4111-8111-111111111111"
BENCH = "22222222-2222-4222-8222-222222222222"
DEADLIFT = "44444444-4444-4444-8444-444444444444"
NAMES = {SQUAT: "Back squat", BENCH: "Bench press", DEADLIFT: "Deadlift"}
HR_BOUNDS = {1: 120, 2: 145, 3: 160, 4: 172, 5: 185}
HISTORY_WEEKS = 4


def on(monday: dt.date, offset: int) -> dt.date:
    return monday + dt.timedelta(days=offset)


def rx_lift(exercise_id, reps, kind, value):
    intensity = {"type": kind, "value": value}
    return {"exerciseId": exercise_id, "sets": 3, "reps": reps, "intensity": intensity}


def done_lift(exercise_id, weight, reps, rpe, sets=3):
    return {
        "exerciseId": exercise_id,
        "sets": [{"weight": weight, "reps": reps, "rpe": rpe} for _ in range(sets)],
    }


def run_rx(minutes, zone=2):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "intensity": {"type": "heart_rate_zone", "zone": zone},
    }


def run_done(minutes, heart_rate=138):
    return {
        "modality": "run",
        "duration": {"value": minutes, "unit": "minutes"},
        "distance": {"value": round(minutes / 6, 1), "unit": "km"},
        "avgHeartRate": heart_rate,
        "completed": True,
    }


def strength_session(monday, offset, sid, items, minutes=60):
    return Planned(sid, on(monday, offset), "strength", {"exercises": items}, minutes)


def log_of(session: Planned, actual, rpe, notes=None):
    planned = (session.estimated_duration, session.prescription)
    return Logged(session.session_id, session.date, session.type, actual, rpe, notes, *planned)


def steady_week(monday: dt.date, tag: str, run_notes=None):
    """A week done as planned: squat 80 % × 5 (chart RPE 7.56) logged at RPE 7.5, bench
    at RPE 8 as prescribed, two easy runs under the zone-2 ceiling."""
    squat_rx = [rx_lift(SQUAT, 5, "percent_1rm", 80), rx_lift(BENCH, 5, "rpe", 8)]
    sessions = [
        strength_session(monday, 0, f"{tag}-mon", squat_rx),
        Planned(f"{tag}-tue", on(monday, 1), "endurance", run_rx(45)),
        strength_session(monday, 3, f"{tag}-thu", squat_rx),
        Planned(f"{tag}-sat", on(monday, 5), "endurance", run_rx(60)),
    ]
    lifts = {"exercises": [done_lift(SQUAT, 112.5, 5, 7.5), done_lift(BENCH, 70, 5, 8)]}
    logs = [
        log_of(sessions[0], lifts, 6),
        log_of(sessions[1], run_done(45), 3, run_notes),  # Tuesday
        log_of(sessions[2], lifts, 6),
        log_of(sessions[3], run_done(60), 3),
    ]
    return sessions, logs


RECENT = MONDAY - dt.timedelta(days=14)


def benchmarks(established=RECENT):
    return [
        Benchmark("1RM", Decimal(140), SQUAT, established),
        Benchmark("1RM", Decimal(90), BENCH, established),
        *(Benchmark(f"HR_zone_{z}", Decimal(b), None, established) for z, b in HR_BOUNDS.items()),
    ]


def steady_history():
    history = []
    for week in range(1, HISTORY_WEEKS + 1):
        history += steady_week(MONDAY - dt.timedelta(weeks=week), f"h{week}")[1]
    return history


def week_of(sessions, logs, history, **extra):
    return Week(
        week_start=MONDAY,
        planned=sessions,
        logs=logs,
        history=history,
        benchmarks=extra.pop("benchmarks", benchmarks()),
        exercise_names=NAMES,
        lower_body_exercise_ids=frozenset({SQUAT, DEADLIFT}),
        main_lift_ids=frozenset({SQUAT, BENCH, DEADLIFT}),
        history_start=extra.pop("history_start", MONDAY - dt.timedelta(weeks=HISTORY_WEEKS)),
        **extra,
    )


def assert_valid_for_storage(result):
    validate_document(result.patterns, schema="insights:patterns")
    validate_document(result.suggestions, schema="insights:suggestions")
    validate_document(result.total_volume, schema="insights:total_volume")
    assert Decimal(0) <= result.adherence <= Decimal(1)
    assert result.adherence == result.adherence.quantize(Decimal("0.001"))
    assert result.fatigue_analysis
    assert len(result.daily_load) == len(result.planned_daily_load) == 7


def rules(result):
    return [finding.rule for finding in result.findings]


def load_adding(result):
    """Suggestions that would add load or test maxima."""
    return [f for f in result.findings if f.progresses and f.suggestion]


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


# --- Other rules -------------------------------------------------------------------------


def test_stale_benchmarks_ask_for_a_retest():
    sessions, logs = steady_week(MONDAY, "w")
    old = benchmarks(established=dt.date(2024, 11, 1))
    result = analyse(week_of(sessions, logs, steady_history(), benchmarks=old))
    stale = next(f for f in result.findings if f.rule == "stale_benchmark")
    assert stale.pattern == (
        "This week's targets rest on old benchmarks: 1RM for Back squat dated Fri 1 Nov "
        "and heart-rate zones dated Fri 1 Nov."
    )
    assert stale.suggestion == "Retest 1RM for Back squat and heart-rate zones."


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


def test_rules_without_the_data_they_need_stay_silent():
    # No history: no load ratio, strain percentile or form; the paragraph says so.
    sessions, logs = steady_week(MONDAY, "w")
    result = analyse(week_of(sessions, logs, [], history_start=None))
    assert result.acwr is None and result.tsb is None
    assert not {"load_jump", "strain", "deep_fatigue"} & set(rules(result))
    assert "Load ratio: not enough history yet (0 days of the 28 needed)." in (
        result.fatigue_analysis
    )
    assert rules(result) == ["on_track"]


def test_easy_sessions_run_above_the_zone_2_ceiling():
    sessions, logs = steady_week(MONDAY, "w")
    hot = [
        replace(log, actual_data={**log.actual_data, "avgHeartRate": 155})
        if log.type == "endurance"
        else log
        for log in logs
    ]
    result = analyse(week_of(sessions, hot, steady_history()))
    assert_valid_for_storage(result)
    easy = next(f for f in result.findings if f.rule == "easy_too_hard")
    assert easy.suggestion == "Cap heart rate at the top of zone 2 (145 bpm) in easy sessions."
    assert "2 of 2 zone 1–2 sessions with heart rate averaged above the zone-2 ceiling of " in (
        easy.reasoning
    )
    assert "Tue 4 Mar 155 bpm and Sat 8 Mar 155 bpm" in easy.reasoning
    assert "on_track" not in rules(result)


def test_endurance_cut_short_after_heavy_squats_twice():
    squat_rx = [rx_lift(SQUAT, 5, "percent_1rm", 80)]
    sessions = [
        strength_session(MONDAY, 0, "mon", squat_rx),
        Planned("tue", on(MONDAY, 1), "endurance", run_rx(60)),
        strength_session(MONDAY, 3, "thu", squat_rx),
        Planned("fri", on(MONDAY, 4), "endurance", run_rx(60)),
    ]
    heavy = {"exercises": [done_lift(SQUAT, 112.5, 5, 8)]}
    logs = [
        log_of(sessions[0], heavy, 8),
        log_of(sessions[1], run_done(40), 6),  # 40 < 0.9 × 60
        log_of(sessions[2], heavy, 8),
        log_of(sessions[3], {**run_done(60), "completed": False}, 6),  # stopped
    ]
    result = analyse(week_of(sessions, logs, steady_history()))
    clash = next(f for f in result.findings if f.rule == "interference")
    assert clash.pattern == "Strength and endurance sessions collided."
    assert "Tue 4 Mar (40 of 60 min) after lower-body strength on Mon 3 Mar" in clash.reasoning
    assert "2 times" in clash.reasoning
    assert clash.suggestion.startswith("Separate hard lower-body strength and endurance")


def test_a_sudden_block_of_hard_endurance_builds_fatigue_fast():
    sessions = [Planned(f"d{n}", on(MONDAY, n), "endurance", run_rx(120, zone=4)) for n in range(6)]
    logs = [log_of(s, run_done(120, 165), 8) for s in sessions]
    result = analyse(week_of(sessions, logs, steady_history()))
    fatigue = next(f for f in result.findings if f.rule == "deep_fatigue")
    # Each run: 2 h × 0.98² × 100 = 192 TSS against a CTL of about 11.
    assert result.tsb < -30 and result.ctl_ramp > 8
    assert fatigue.suggestion == "Add a recovery day."
    assert (result.tsb, result.ctl_ramp) == (-68.9, 23.6)
    assert "was −69 going into next week (below −30 is deep fatigue)" in fatigue.reasoning
    assert "fitness (CTL) changed by +23.6 this week" in fatigue.reasoning


def test_skipped_and_modified_exercises_are_reported():
    sessions, logs = steady_week(MONDAY, "w")
    changed = {"exercises": [{**done_lift(SQUAT, 100, 5, 7), "modified": True}]}
    logs[2] = replace(logs[2], actual_data=changed)  # Thursday: squat changed, bench absent
    result = analyse(week_of(sessions, logs, steady_history()))
    assert "Exercises changed from the plan: skipped Bench press (Thu 6 Mar); modified " in (
        " ".join(result.patterns)
    )
