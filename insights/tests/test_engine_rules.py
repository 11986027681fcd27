"""Single analysis rules through `analyse()`, each on a steady week changed in one way:
stale benchmarks, missing data, easy runs run hard, interference, fast fatigue, changed lifts.
"""

import datetime as dt
from dataclasses import replace

from insights.engine.analysis import analyse
from insights.engine.inputs import Planned
from insights.tests.scenario_cases import (
    MONDAY,
    SQUAT,
    assert_valid_for_storage,
    benchmarks,
    done_lift,
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
