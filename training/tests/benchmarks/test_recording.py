"""Recording a benchmark on the coach's page: each metric with its unit, audited, and every
refusal beside its field; "not in the future" is the athlete's date."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from audit.models import AuditLog
from training.models import BenchmarkMetric
from training.tests.benchmarks.entries import MY_URL, ONE_RM_MESSAGE, VALUE_MESSAGE, entry, url

pytestmark = pytest.mark.django_db


def test_the_athletes_page_is_at_today_benchmarks():
    assert reverse("logging_app:benchmarks") == MY_URL


def test_coach_records_a_one_rep_max(coach_client, athlete, squat):
    response = coach_client.post(url(athlete), entry("1RM", "142.5", exercise=squat))

    assert response.status_code == 302
    assert response["Location"] == url(athlete)
    benchmark = BenchmarkMetric.objects.get(athlete=athlete)
    assert (benchmark.metric_type, benchmark.exercise, benchmark.unit) == ("1RM", squat, "kg")
    assert benchmark.value == Decimal("142.5")
    assert benchmark.established_at == date(2025, 3, 1)
    page = coach_client.get(url(athlete)).text
    assert "Recorded 1RM · Back Squat: 142.5 kg on 1 Mar 2025." in page
    assert "142.5 kg" in page


def test_a_one_rep_max_without_exercise_is_refused_beside_the_exercise(
    coach_client, athlete, squat
):
    response = coach_client.post(url(athlete), entry("1RM", "142.5"))

    assert response.status_code == 422
    assert response.context["form"].errors == {"exercise": [ONE_RM_MESSAGE]}
    assert ONE_RM_MESSAGE in response.text
    assert 'value="142.5"' in response.text  # what was typed is kept
    assert not BenchmarkMetric.objects.exists()
    assert not AuditLog.objects.filter(action="update_benchmark").exists()


def test_only_a_one_rep_max_names_an_exercise(coach_client, athlete, squat):
    response = coach_client.post(url(athlete), entry("FTP", "250", exercise=squat))

    assert response.status_code == 422
    assert response.context["form"].errors == {
        "exercise": ["Only 1RM benchmarks name an exercise."]
    }
    assert not BenchmarkMetric.objects.exists()


@pytest.mark.parametrize(
    ("metric_type", "value", "unit", "stored", "shown"),
    [
        ("FTP", "250", "W", 250, "250 W"),
        ("HR_zone_3", "162", "bpm", 162, "162 bpm"),
        ("pace_5k", "4:30", "s/km", 270, "4:30 /km"),
        ("pace_half_marathon", "5:05/km", "s/km", 305, "5:05 /km"),
    ],
)
def test_coach_records_endurance_benchmarks_with_their_units(
    coach_client, athlete, metric_type, value, unit, stored, shown
):
    response = coach_client.post(url(athlete), entry(metric_type, value), follow=True)

    assert response.status_code == 200
    benchmark = BenchmarkMetric.objects.get(athlete=athlete)
    assert (benchmark.metric_type, benchmark.unit, benchmark.exercise) == (metric_type, unit, None)
    assert benchmark.value == stored
    assert f"<td>{shown}</td>" in response.text


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("4:35", 275), ("4:35/km", 275), (" 4:35 /km ", 275), ("12:05 / KM", 725), ("0:59", 59)],
)
def test_paces_are_typed_as_minutes_and_seconds(coach_client, athlete, typed, seconds):
    response = coach_client.post(url(athlete), entry("pace_10k", typed))

    assert response.status_code == 302
    assert BenchmarkMetric.objects.get().value == seconds


@pytest.mark.parametrize(
    ("metric_type", "typed", "message"),
    [
        ("pace_5k", "4:75", "Pace: “4:75” has 75 seconds; seconds go up to 59."),
        ("pace_5k", "abc", "Pace: type minutes:seconds per km, such as 4:35 (not “abc”)."),
        ("pace_5k", "270", "Pace: type minutes:seconds per km, such as 4:35 (not “270”)."),
        ("FTP", "abc", "Value: type a number, such as 142.5."),
        ("FTP", "4:35", "Value: type a number, such as 142.5."),
    ],
)
def test_a_value_that_does_not_read_is_refused_beside_the_value(
    coach_client, athlete, metric_type, typed, message
):
    response = coach_client.post(url(athlete), entry(metric_type, typed))

    assert response.status_code == 422
    assert response.context["form"].errors == {"value": [message]}
    assert f'value="{typed}"' in response.text  # what was typed is kept
    assert '<details class="benchmark-record" open>' in response.text
    assert not BenchmarkMetric.objects.exists()


def test_recording_is_audited(coach_client, athlete):
    coach_client.post(url(athlete), entry("FTP", "250"))

    log = AuditLog.objects.get(action="update_benchmark")
    benchmark = BenchmarkMetric.objects.get()
    assert log.user == athlete.coach.user
    assert (log.entity_type, log.entity_id) == ("benchmark_metric", benchmark.pk)
    assert log.metadata["metric"] == "FTP"
    assert Decimal(log.metadata["value"]) == 250
    assert log.metadata["unit"] == "W"


@pytest.mark.parametrize("value", ["0", "-5"])
def test_a_value_not_above_zero_is_refused_beside_the_value(coach_client, athlete, value):
    response = coach_client.post(url(athlete), entry("FTP", value))

    assert response.status_code == 422
    assert response.context["form"].errors == {"value": [VALUE_MESSAGE]}
    assert f'value="{value}"' in response.text
    assert not BenchmarkMetric.objects.exists()


def test_missing_fields_are_refused_field_by_field(coach_client, athlete):
    response = coach_client.post(url(athlete), {})

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"metric_type", "value", "established_at"}


# --- "Not in the future" is the athlete's date ---------------------------------------------

# 19:00 UTC on 10 March: already 00:30 on 11 March in Kolkata (UTC+5:30).
JUST_AFTER_MIDNIGHT_IN_KOLKATA = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


@pytest.fixture
def kolkata_athlete():
    return AthleteFactory(user__time_zone="Asia/Kolkata")


@pytest.mark.parametrize("who", ["athlete", "coach in UTC"])
def test_an_athlete_ahead_of_utc_can_record_their_today(client, kolkata_athlete, who):
    viewer = kolkata_athlete.user if who == "athlete" else kolkata_athlete.coach.user
    target = MY_URL if who == "athlete" else url(kolkata_athlete)
    client.force_login(viewer)

    with mock.patch("django.utils.timezone.now", return_value=JUST_AFTER_MIDNIGHT_IN_KOLKATA):
        form = client.get(target).context["form"]
        response = client.post(target, entry("FTP", "250", day="2026-03-11"))

    assert form["established_at"].value() == date(2026, 3, 11)
    assert 'max="2026-03-11"' in str(form["established_at"])
    assert response.status_code == 302
    assert BenchmarkMetric.objects.get().established_at == date(2026, 3, 11)


def test_the_day_after_the_athletes_today_is_refused(client, kolkata_athlete):
    client.force_login(kolkata_athlete.coach.user)

    with mock.patch("django.utils.timezone.now", return_value=JUST_AFTER_MIDNIGHT_IN_KOLKATA):
        response = client.post(url(kolkata_athlete), entry("FTP", "250", day="2026-03-12"))

    assert response.status_code == 422
    assert response.context["form"].errors == {
        "established_at": ["A benchmark cannot be dated in the future."]
    }


def test_an_athlete_behind_utc_cannot_record_utcs_today(client):
    athlete = AthleteFactory(user__time_zone="America/Los_Angeles")  # still 10 March, 13:00
    client.force_login(athlete.user)

    with mock.patch("django.utils.timezone.now", return_value=JUST_AFTER_MIDNIGHT_IN_KOLKATA
                    + timedelta(hours=1)):  # fmt: skip
        response = client.post(MY_URL, entry("FTP", "250", day="2026-03-11"))

    assert response.status_code == 422
    assert "established_at" in response.context["form"].errors
