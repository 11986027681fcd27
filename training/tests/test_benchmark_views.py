from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog
from training.models import BenchmarkMetric, MetricType
from training.tests.factories import BenchmarkFactory, ExerciseFactory

pytestmark = pytest.mark.django_db

ONE_RM_MESSAGE = "A 1RM benchmark needs its exercise."
VALUE_MESSAGE = "A benchmark's value must be greater than 0."
MY_URL = "/today/benchmarks/"


@pytest.fixture
def athlete():
    return AthleteFactory()


@pytest.fixture
def coach_client(client, athlete):
    client.force_login(athlete.coach.user)
    return client


@pytest.fixture
def squat():
    return ExerciseFactory(name="Back Squat")


def url(athlete):
    return reverse("training:athlete_benchmarks", args=[athlete.pk])


def entry(metric_type, value, *, exercise=None, day="2025-03-01"):
    data = {"metric_type": metric_type, "value": value, "established_at": day}
    if exercise is not None:
        data["exercise"] = exercise.pk
    return data


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


def test_history_is_grouped_per_metric_and_exercise_newest_first(coach_client, athlete, squat):
    deadlift = ExerciseFactory(name="Deadlift")
    for day, value in [(date(2025, 1, 1), 230), (date(2025, 3, 1), 250), (date(2025, 2, 1), 240)]:
        BenchmarkFactory(athlete=athlete, metric_type="FTP", value=value, established_at=day)
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=deadlift, value=180)
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    BenchmarkFactory(athlete=AthleteFactory(coach=athlete.coach), metric_type="FTP", value=999)

    response = coach_client.get(url(athlete))

    histories = response.context["histories"]
    assert [h.name for h in histories] == ["1RM · Back Squat", "1RM · Deadlift", "FTP"]
    ftp = histories[2]
    assert [text for _, text in ftp.entries] == ["250 W", "240 W", "230 W"]
    assert ftp.latest == "250 W"
    page = response.text
    rows = [page.index(f'<time datetime="2025-0{month}-01">') for month in (3, 2, 1)]
    assert rows == sorted(rows)
    assert "999" not in page


def test_the_chart_is_in_the_page_with_its_points(coach_client, athlete):
    for day, value in [(date(2025, 1, 1), 200), (date(2025, 1, 11), 250), (date(2025, 1, 21), 230)]:
        BenchmarkFactory(athlete=athlete, metric_type="FTP", value=value, established_at=day)

    page = coach_client.get(url(athlete)).text

    assert '<svg viewBox="0 0 320 120"' in page
    assert 'role="img"' in page
    # Oldest → newest, left → right (see test_charts for the arithmetic).
    assert 'points="60,100 185,10 310,46"' in page
    assert '<circle cx="185.0" cy="10.0" r="3"/>' in page
    assert '<title id="chart-ftp-title">FTP progression</title>' in page
    assert "3 benchmarks, from 200 W on 1 Jan 2025 to 230 W on 21 Jan 2025." in page
    assert ">250 W</text>" in page and ">200 W</text>" in page


def test_a_single_benchmark_is_a_row_not_a_chart(coach_client, athlete):
    BenchmarkFactory(
        athlete=athlete, metric_type="pace_10k", value=285, established_at="2025-04-02"
    )

    page = coach_client.get(url(athlete)).text

    assert "<svg" not in page and "Progression" not in page
    assert (
        '<th scope="row">10 km pace</th>\n          <td>4:45 /km</td>\n'
        '          <td><time datetime="2025-04-02">2 Apr 2025</time></td>'
    ) in page


def test_current_values_come_first_and_the_form_is_folded_away(coach_client, athlete):
    for day, value in [(date(2025, 1, 1), 200), (date(2025, 2, 1), 250)]:
        BenchmarkFactory(athlete=athlete, metric_type="FTP", value=value, established_at=day)
    BenchmarkFactory(athlete=athlete, metric_type="HR_zone_2", value=150)

    page = coach_client.get(url(athlete)).text

    order = ["Current values", "Record a benchmark", "Progression"]
    assert [page.index(text) for text in order] == sorted(page.index(text) for text in order)
    assert '<details class="benchmark-record">' in page  # closed
    assert '<a href="#metric-ftp">FTP</a>' in page and 'id="metric-ftp"' in page
    assert page.count("<svg") == 1  # FTP has two points; zone 2 one


def test_with_no_benchmarks_the_form_is_open(coach_client, athlete):
    page = coach_client.get(url(athlete)).text

    assert '<details class="benchmark-record" open>' in page
    assert "No benchmarks yet." in page


def test_the_form_offers_the_coachs_catalog(coach_client, athlete, squat):
    own = ExerciseFactory(name="Coach's Own Lift", created_by=athlete.coach, is_public=False)
    hidden = ExerciseFactory(name="Someone Else's Lift", created_by=CoachFactory(), is_public=False)

    response = coach_client.get(url(athlete))
    choices = set(response.context["form"].fields["exercise"].queryset)
    assert {squat, own} <= choices
    assert hidden not in choices

    refused = coach_client.post(url(athlete), entry("1RM", "100", exercise=hidden))
    assert refused.status_code == 422
    assert "exercise" in refused.context["form"].errors
    assert not BenchmarkMetric.objects.exists()


# --- The athlete's own page --------------------------------------------------------------


def test_athlete_records_their_own_benchmark(client, athlete, squat):
    client.force_login(athlete.user)

    response = client.post(MY_URL, entry("1RM", "100", exercise=squat))

    assert response.status_code == 302
    assert response["Location"] == MY_URL
    benchmark = BenchmarkMetric.objects.get()
    assert (benchmark.athlete, benchmark.unit) == (athlete, "kg")
    log = AuditLog.objects.get(action="update_benchmark")
    assert log.user == athlete.user
    assert log.metadata["metric"] == "1RM"
    page = client.get(MY_URL).text
    assert "Your benchmarks" in page
    assert "1RM · Back Squat" in page
    assert 'aria-current="page">Benchmarks</a>' in page


def test_athlete_sees_their_coachs_exercises_in_the_form(client, athlete):
    own = ExerciseFactory(name="Coach's Own Lift", created_by=athlete.coach, is_public=False)
    other = ExerciseFactory(name="Someone Else's Lift", created_by=CoachFactory(), is_public=False)
    client.force_login(athlete.user)

    choices = set(client.get(MY_URL).context["form"].fields["exercise"].queryset)

    assert own in choices
    assert other not in choices


def test_athlete_gets_the_same_messages(client, athlete):
    client.force_login(athlete.user)

    response = client.post(MY_URL, entry("1RM", "0"))

    assert response.status_code == 422
    assert response.context["form"].errors == {
        "exercise": [ONE_RM_MESSAGE],
        "value": [VALUE_MESSAGE],
    }
    assert not BenchmarkMetric.objects.exists()


def test_athlete_sees_only_their_own_benchmarks(client, athlete):
    other = AthleteFactory()
    BenchmarkFactory(athlete=other, metric_type="FTP", value=321)
    BenchmarkFactory(athlete=athlete, metric_type="FTP", value=250)
    client.force_login(athlete.user)

    page = client.get(MY_URL).text

    assert "250 W" in page
    assert "321" not in page


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


# --- Who may not -------------------------------------------------------------------------


def test_another_coachs_athlete_is_not_found(client, athlete):
    BenchmarkFactory(athlete=athlete)
    client.force_login(CoachFactory().user)

    assert client.get(url(athlete)).status_code == 404
    assert client.post(url(athlete), entry("FTP", "300")).status_code == 404
    assert BenchmarkMetric.objects.count() == 1


def test_athletes_cannot_use_the_coach_page(client, athlete):
    other = AthleteFactory(coach=athlete.coach)
    client.force_login(athlete.user)

    assert client.get(url(athlete)).status_code == 403
    assert client.get(url(other)).status_code == 403
    assert client.post(url(other), entry("FTP", "300")).status_code == 403
    assert not BenchmarkMetric.objects.exists()


def test_coaches_cannot_use_the_athlete_page(coach_client):
    assert coach_client.get(MY_URL).status_code == 403
    assert coach_client.post(MY_URL, entry("FTP", "300")).status_code == 403
    assert not BenchmarkMetric.objects.exists()


@pytest.mark.parametrize("path", ["coach", "athlete"])
def test_anonymous_visitors_are_sent_to_sign_in(client, athlete, path):
    target = url(athlete) if path == "coach" else MY_URL
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# --- Queries -----------------------------------------------------------------------------


def _sixty_benchmarks(athlete):
    """Six benchmarks of each of the ten metrics, a week apart."""
    exercise = ExerciseFactory()
    start = date(2024, 1, 1)
    for metric_type in MetricType.values:
        for week in range(6):
            BenchmarkFactory(
                athlete=athlete,
                metric_type=metric_type,
                exercise=exercise if metric_type == "1RM" else None,
                value=100 + week,
                established_at=start + timedelta(weeks=week),
            )


@pytest.mark.parametrize("who", ["coach", "athlete"])
def test_query_count_does_not_grow_with_the_history(
    client, athlete, who, django_assert_max_num_queries
):
    # Session, user, role profile, athlete (+ coach), benchmarks (+ exercises),
    # the exercise choices; and the messages storage.
    client.force_login(athlete.coach.user if who == "coach" else athlete.user)
    target = url(athlete) if who == "coach" else MY_URL
    BenchmarkFactory(athlete=athlete)
    with CaptureQueriesContext(connection) as one:
        assert client.get(target).status_code == 200

    BenchmarkMetric.objects.all().delete()
    _sixty_benchmarks(athlete)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(target)

    assert response.status_code == 200
    assert len(response.context["histories"]) == 10
    assert response.text.count("<svg") == 10  # every metric has six points
    assert len(one.captured_queries) <= 8
