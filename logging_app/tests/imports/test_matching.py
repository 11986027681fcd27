"""Which session an imported activity answers: the athlete's local day, the same sport, not
yet logged, only sessions the athlete may log; the nearest in length among several."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from logging_app.imports import matching
from logging_app.tests.factories import WorkoutLogFactory
from logging_app.tests.imports.helpers import (
    activity,
    at,
    berlin_athlete,
    last_monday,
    run_on,
    week_of,
)
from training.models import SessionType
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db
TUESDAY = 1


def match(athlete, run):
    return matching.session_for(
        athlete, modality=run.modality, started_at=run.started_at, duration_s=run.duration_s
    )


def test_a_late_evening_or_after_midnight_in_berlin_is_the_local_day():
    """23:30 in Berlin on Tuesday is Tuesday's session (22:30 or 21:30 UTC, by the season);
    00:30 on Wednesday in Berlin is Wednesday's, though it is still Tuesday in UTC."""
    athlete = berlin_athlete()
    plan = week_of(athlete)
    tuesday, wednesday = run_on(plan, TUESDAY), run_on(plan, TUESDAY + 1)
    late = activity(started_at=at(tuesday.date, 23, 30))
    assert late.started_at.astimezone(ZoneInfo("UTC")).date() == tuesday.date
    assert match(athlete, late) == tuesday
    after_midnight = activity(started_at=at(wednesday.date, 0, 30))
    assert after_midnight.started_at.astimezone(ZoneInfo("UTC")).date() == tuesday.date
    assert match(athlete, after_midnight) == wednesday


def test_an_evening_west_of_utc_is_the_local_day_though_utc_is_the_next():
    athlete = berlin_athlete()
    athlete.user.time_zone = "America/New_York"
    athlete.user.save()
    tuesday = run_on(week_of(athlete), TUESDAY)
    evening = activity(started_at=at(tuesday.date, 21, 0, ZoneInfo("America/New_York")))
    assert evening.started_at.astimezone(ZoneInfo("UTC")).date() > tuesday.date
    assert match(athlete, evening) == tuesday


def test_of_several_runs_that_day_the_nearest_in_planned_length_wins():
    athlete = berlin_athlete()
    plan = week_of(athlete)
    run_on(plan, TUESDAY, minutes=20)
    long_run = run_on(plan, TUESDAY, minutes=90)
    middle = run_on(plan, TUESDAY, minutes=50)
    assert match(athlete, activity(duration_s=47 * 60)) == middle
    assert match(athlete, activity(duration_s=80 * 60)) == long_run


def test_a_session_without_a_planned_length_comes_after_one_with():
    athlete = berlin_athlete()
    plan = week_of(athlete)
    unmeasured = TrainingSessionFactory(
        plan=plan,
        date=plan.week_start_date + timedelta(days=TUESDAY),
        estimated_duration=None,
        prescription={"modality": "run", "intensity": {"type": "heart_rate_zone", "zone": 2}},
    )
    measured = run_on(plan, TUESDAY, minutes=120)
    assert match(athlete, activity()) == measured
    measured.delete()
    assert match(athlete, activity()) == unmeasured


def test_only_an_unlogged_endurance_session_of_the_same_sport_the_athlete_may_log():
    athlete = berlin_athlete()
    plan = week_of(athlete)
    day = plan.week_start_date + timedelta(days=TUESDAY)
    run_on(plan, TUESDAY, modality="bike")
    logged = run_on(plan, TUESDAY)
    WorkoutLogFactory(session=logged)
    TrainingSessionFactory(plan=plan, date=day, type=SessionType.STRENGTH, prescription={})
    run_on(week_of(berlin_athlete()), TUESDAY)  # another athlete's
    assert match(athlete, activity()) is None


def test_a_drafts_session_is_the_coachs_alone():
    athlete = berlin_athlete()
    draft = TrainingPlanFactory(athlete=athlete, week_start_date=last_monday(), published_at=None)
    run_on(draft, TUESDAY)
    assert match(athlete, activity()) is None


def test_no_modality_matches_nothing():
    athlete = berlin_athlete()
    run_on(week_of(athlete), TUESDAY)
    assert match(athlete, activity(modality=None, sport="hiking")) is None


def test_the_rematch_choices_are_the_weeks_unlogged_sessions_of_the_sport():
    athlete = berlin_athlete()
    plan = week_of(athlete)
    monday, sunday = run_on(plan, 0), run_on(plan, 6)
    run_on(plan, 2, modality="swim")
    run_on(week_of(athlete, last_monday() + timedelta(days=7)), 0)  # the next week's
    choices = matching.week_candidates(athlete, "run", activity().started_at)
    assert choices == [monday, sunday]
