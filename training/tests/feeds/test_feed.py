"""The calendar feed: what it holds, how it reads, how edits reach it, who may read it."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from icalendar import Calendar

from accounts.tests.factories import AthleteFactory, CoachFactory
from training import services
from training.feeds import secrets
from training.feeds.ical import planned_sessions
from training.models import BenchmarkMetric, TrainingSession
from training.tests.factories import (
    BenchmarkFactory,
    TrainingPlanFactory,
    TrainingSessionFactory,
    strength_prescription,
    this_monday,
)
from training.tests.feeds.conftest import feed_path, session_in

pytestmark = pytest.mark.django_db


def an_hour_ago(athlete) -> None:
    """Date what the athlete's events say an hour back (iCalendar times are whole seconds)."""
    earlier = timezone.now() - timedelta(hours=1)
    TrainingSession.objects.filter(plan__athlete=athlete).update(updated_at=earlier)
    BenchmarkMetric.objects.filter(athlete=athlete).update(updated_at=earlier)


def read(client, path) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(session) -> str:
    return f"{session.pk}@hybridpeaks"


def test_the_feed_is_a_calendar_an_app_can_subscribe_to(client, athlete, world):
    response = client.get(feed_path(athlete.user), secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private"
    assert "Set-Cookie" not in response and not response.cookies
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "HybridPeaks · Alex Kim"
    assert str(calendar["X-WR-TIMEZONE"]) == "UTC"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    assert str(calendar["VERSION"]) == "2.0"


def test_exactly_the_published_sessions_of_the_window_are_events(client, athlete, world):
    found = events(read(client, feed_path(athlete.user)))

    assert set(found) == {uid(session) for session in world["shown"].values()}
    assert not set(found) & {uid(s) for s in world["hidden"].values()}


def test_each_session_is_an_all_day_event_with_its_title_targets_and_link(client, athlete, world):
    found = events(read(client, feed_path(athlete.user)))
    lift, run = found[uid(world["shown"]["lift"])], found[uid(world["shown"]["run"])]

    day = world["shown"]["lift"].date
    assert lift.decoded("DTSTART") == day and lift.decoded("DTEND") == day + timedelta(days=1)
    assert str(lift["SUMMARY"]) == "Strength: Back Squat"
    assert str(run["SUMMARY"]) == "Run 45 min Z2"
    lift_text, run_text = str(lift["DESCRIPTION"]), str(run["DESCRIPTION"])
    # 75 % of the 140 kg 1RM; zone 2 between the zone 1 and zone 2 upper bounds.
    assert "Back Squat 5 × 5 @ 75% 1RM · rest 180 s · tempo 3010 → 105 kg" in lift_text
    assert "Run 45 minutes · 8 km → 131–150 bpm" in run_text
    link = f"http://testserver/today/sessions/{world['shown']['lift'].pk}/log/"
    assert str(lift["URL"]) == link and link in lift_text
    assert run_text.startswith("Aerobic base\n")


def test_a_missing_benchmark_is_named_as_on_the_athletes_card(client, world):
    athlete = AthleteFactory()
    session_in(athlete, 0, 2)

    (event,) = events(read(client, feed_path(athlete.user))).values()

    assert "Zone 2 (no heart-rate zone 1 and 2 upper bounds yet)" in str(event["DESCRIPTION"])


def test_an_edited_session_keeps_its_uid_with_a_later_sequence_and_change(client, athlete, world):
    run = world["shown"]["run"]
    path = feed_path(athlete.user)
    an_hour_ago(athlete)
    before = events(read(client, path))[uid(run)]

    services.update_session(
        session=run, version=run.plan.version, by=athlete.coach.user,
        fields={"date": run.date + timedelta(days=1)},
    )  # fmt: skip
    after = events(read(client, path))[uid(run)]

    assert after.decoded("DTSTART") == before.decoded("DTSTART") + timedelta(days=1)
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTAMP") == after.decoded("LAST-MODIFIED")


def test_a_new_benchmark_changes_the_targets_and_marks_the_events_changed(
    client, athlete, squat, world
):
    lift = world["shown"]["lift"]
    path = feed_path(athlete.user)
    an_hour_ago(athlete)
    before = events(read(client, path))[uid(lift)]

    services.record_benchmark(
        athlete=athlete, by=athlete.user,
        fields={"metric_type": "1RM", "exercise": squat, "value": Decimal(160),
                "established_at": date.today()},
    )  # fmt: skip
    after = events(read(client, path))[uid(lift)]

    assert "→ 120 kg" in str(after["DESCRIPTION"])  # 75 % of 160
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")


def test_lines_are_crlf_ended_and_folded_at_75_octets(client, athlete, squat):
    plan = TrainingPlanFactory(athlete=athlete)
    TrainingSessionFactory(
        plan=plan, type="strength", focus="Heavy lower body — " + "ünïcode " * 20,
        prescription={"exercises": strength_prescription(squat.pk)["exercises"] * 12},
    )  # fmt: skip

    body = client.get(feed_path(athlete.user)).content

    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in body.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the description was folded
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["DESCRIPTION"]).count("Back Squat 5 × 5") == 12


def test_a_coachs_feed_holds_all_their_athletes_and_no_one_elses(client, athlete, world):
    coach = athlete.coach
    teammate = AthleteFactory(coach=coach, name="Sam Rivera")
    theirs = session_in(teammate, 1, 4)

    found = events(read(client, feed_path(coach.user)))

    assert set(found) == {uid(s) for s in [*world["shown"].values(), theirs]}
    run = found[uid(world["shown"]["run"])]
    assert str(run["SUMMARY"]) == "Alex Kim — Run 45 min Z2"
    assert str(found[uid(theirs)]["SUMMARY"]).startswith("Sam Rivera — Run")
    monday = world["shown"]["run"].plan.week_start_date
    assert str(run["URL"]) == f"http://testserver/coach/athletes/{athlete.pk}/weeks/{monday}/"


def test_a_coachs_feed_words_a_missing_benchmark_for_the_coach(client):
    athlete = AthleteFactory()
    session_in(athlete, 0, 2)

    (event,) = events(read(client, feed_path(athlete.coach.user))).values()

    assert "Zone 2 — needs heart-rate zone 1 and 2 upper bounds" in str(event["DESCRIPTION"])


def test_an_unknown_revoked_or_replaced_secret_is_a_404(client, athlete, world):
    first = feed_path(athlete.user)
    second = feed_path(athlete.user)  # a new URL replaces the first

    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client.get(second.replace(second[-8:-4], "0000")).status_code == 404
    assert client.get("/calendar/not-a-secret.ics").status_code == 404

    secrets.revoke_feed(user=athlete.user)
    assert client.get(second).status_code == 404


def test_a_deactivated_accounts_feed_is_a_404(client, athlete):
    path = feed_path(athlete.user)
    athlete.user.is_active = False
    athlete.user.save()

    assert client.get(path).status_code == 404


def test_a_head_request_is_answered_and_a_post_refused(client, athlete):
    path = feed_path(athlete.user)
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


def test_the_feed_reads_in_constant_queries_for_many_sessions(
    client, athlete, squat, django_assert_max_num_queries
):
    for weeks in range(-2, 9):
        plan = TrainingPlanFactory(
            athlete=athlete, week_start_date=this_monday() + timedelta(weeks=weeks)
        )
        for day in range(7):
            session_in(athlete, weeks, day, plan=plan, type="strength",
                       prescription=strength_prescription(squat.pk))  # fmt: skip
            session_in(athlete, weeks, day, plan=plan)
    path = feed_path(athlete.user)

    # The feed, the plans, their sessions, the benchmarks, the exercise names.
    with django_assert_max_num_queries(5):
        calendar = read(client, path)
    assert len(calendar.walk("VEVENT")) == 11 * 14


def test_a_coachs_feed_of_100_athletes_reads_in_constant_queries(
    client, squat, django_assert_max_num_queries
):
    coach = CoachFactory()
    for athlete in AthleteFactory.create_batch(100, coach=coach):
        BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat)
        plan = TrainingPlanFactory(athlete=athlete)
        session_in(athlete, 0, 1, plan=plan, type="strength",
                   prescription=strength_prescription(squat.pk))  # fmt: skip
        session_in(athlete, 0, 3, plan=plan)
    path = feed_path(coach.user)

    # The feed, the athletes, the plans, their sessions, the benchmarks, the exercise names.
    with django_assert_max_num_queries(6):
        calendar = read(client, path)
    assert len(calendar.walk("VEVENT")) == 200


def test_the_window_is_whole_weeks_of_the_owners_today():
    athlete = AthleteFactory()
    sessions = [session_in(athlete, weeks, day) for weeks, day in ((-2, 0), (8, 6))]
    session_in(athlete, -3, 6)
    session_in(athlete, 9, 0)

    planned = planned_sessions([athlete], date.today())

    assert [item.view.session for item in planned] == sessions


def test_an_app_asking_again_with_its_etag_gets_a_304_until_something_changes(
    client, athlete, world
):
    path = feed_path(athlete.user)
    etag = client.get(path)["ETag"]

    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    an_hour_ago(athlete)  # a change (here: of the sessions' last change)
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize(
    ("zone", "first_monday"),
    [("UTC", date(2026, 11, 16)), ("Pacific/Kiritimati", date(2026, 11, 23))],
)
def test_the_window_follows_the_owners_today_not_the_servers(
    client, monkeypatch, zone, first_monday
):
    """Sunday noon UTC is already Monday at UTC+14: that owner's window is a week later."""
    athlete = AthleteFactory(user__time_zone=zone)
    early, late = date(2026, 11, 16), date(2027, 2, 1)  # the two windows' outer weeks
    sessions = {day: session_in_week(athlete, day) for day in (early, late)}
    path = feed_path(athlete.user)
    sunday_noon = datetime(2026, 12, 6, 12, tzinfo=UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: sunday_noon)

    shown = set(events(read(client, path)))

    last_monday = first_monday + timedelta(weeks=10)
    assert shown == {uid(s) for day, s in sessions.items() if first_monday <= day <= last_monday}


def session_in_week(athlete, monday):
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday)
    return TrainingSessionFactory(plan=plan, date=monday)
