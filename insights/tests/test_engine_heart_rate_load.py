"""Load from the watch: Edwards' TRIMP for an activity with heart rate and no session RPE,
volume only without either, and every summary naming the method its load came from."""

import pytest

from insights.engine import metrics
from insights.engine.analysis import analyse
from insights.engine.inputs import Week
from insights.tests.engine_cases import MONDAY, endurance_log
from insights.tests.scenario_cases import steady_history, steady_week, week_of

# 10 min in zone 1, 30 in zone 2, 15 in zone 3, 5 in zone 4, 0 in zone 5: 60 minutes.
ZONES = [10, 30, 15, 5, 0]
# Edwards: 10×1 + 30×2 + 15×3 + 5×4 + 0×5 = 135 TRIMP.
TRIMP = 135


def watch_run(offset=2, rpe=None, zones=ZONES):
    return endurance_log(offset, 60, rpe=rpe, zoneMinutes=zones, avgHeartRate=150)


def test_edwards_trimp_weighs_each_zone_by_its_number():
    assert metrics.edwards_trimp(watch_run()) == TRIMP
    assert metrics.load_method(watch_run()) is metrics.LoadMethod.HEART_RATE


def test_an_rpe_wins_over_heart_rate():
    # The athlete's own RPE is the primary load: 6 × 60 = 360, not 135 × 2.
    log = watch_run(rpe=6)
    assert metrics.load_method(log) is metrics.LoadMethod.SESSION_RPE
    assert metrics.session_load(log) == 360


def test_heart_rate_load_is_converted_by_the_named_factor():
    assert metrics.TRIMP_AU_PER_UNIT == 2.0
    assert metrics.session_load(watch_run()) == TRIMP * 2


@pytest.mark.parametrize(
    "zones",
    [None, [0, 0, 0, 0, 0], [10, 20, 30], [10, "20", 30, 0, 0], [True, 0, 0, 0, 0], "zones"],
)
def test_without_usable_heart_rate_the_log_counts_in_volume_only(zones):
    log = endurance_log(2, 60, rpe=None, zoneMinutes=zones)
    assert metrics.edwards_trimp(log) is None
    assert metrics.load_method(log) is metrics.LoadMethod.VOLUME_ONLY
    assert metrics.session_load(log) is None


def test_the_summary_says_which_activities_were_counted_by_heart_rate():
    logs = [endurance_log(0, 45, rpe=4), watch_run(2), endurance_log(4, 30, rpe=None)]
    result = analyse(Week(MONDAY, (), logs))
    # Monday 4 × 45 = 180; Wednesday 135 TRIMP × 2 = 270; Friday volume only.
    assert result.daily_load == (180, 0, 270, 0, 0, 0, 0)
    assert result.weekly_load == 450
    assert result.sessions_by_heart_rate == 1
    assert result.sessions_without_rpe == 1
    assert (
        "Weekly load was 450 AU from 1 session by session RPE × minutes and 1 activity "
        "without an RPE by heart rate (Edwards' TRIMP, minutes in zone × zone number, × 2 AU)."
    ) in result.fatigue_analysis
    assert (
        "1 session had no RPE and no heart rate and was counted in volume (duration, "
        "distance) only, not in the load."
    ) in result.fatigue_analysis
    # Volume still counts all three: 45 + 60 + 30 run minutes.
    assert result.total_volume["endurance"] == "135min"


def test_a_week_only_from_the_watch():
    result = analyse(Week(MONDAY, (), [watch_run(1), watch_run(3)]))
    assert result.weekly_load == 540
    assert "Weekly load was 540 AU from 2 activities without an RPE by heart rate" in (
        result.fatigue_analysis
    )
    assert "Every session had an RPE." not in result.fatigue_analysis


def test_a_week_of_session_rpe_reads_as_before():
    result = analyse(Week(MONDAY, (), [endurance_log(0, 45, rpe=4)]))
    assert "Weekly load was 180 AU (session RPE × minutes) from 1 session." in (
        result.fatigue_analysis
    )
    assert "Every session had an RPE." in result.fatigue_analysis


def test_a_load_jump_from_watch_activities_quotes_its_method():
    # A steady history, then the usual week plus four hard hours from the watch.
    sessions, logs = steady_week(MONDAY, "w")
    hard = [watch_run(day, zones=[0, 0, 20, 20, 20]) for day in range(4)]
    result = analyse(week_of(sessions, [*logs, *hard], steady_history()))
    jump = next(f for f in result.findings if f.rule == "load_jump")
    assert "This week's load counts" in jump.reasoning
    assert "4 activities without an RPE by heart rate (Edwards' TRIMP" in jump.reasoning
