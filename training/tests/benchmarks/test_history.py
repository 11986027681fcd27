"""A benchmark page shows the history per metric (chart or row), current values first, the
form with the coach's catalog; its queries do not grow with the history."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import AthleteFactory, CoachFactory
from training.models import BenchmarkMetric, MetricType
from training.tests.benchmarks.entries import MY_URL, entry, url
from training.tests.factories import BenchmarkFactory, ExerciseFactory

pytestmark = pytest.mark.django_db


def test_history_is_grouped_per_metric_and_exercise_newest_first(coach_client, athlete, squat):
    deadlift = ExerciseFactory(name="Deadlift")
    for day, value in [(date(2025, 1, 1), 230), (date(2025, 3, 1), 250), (date(2025, 2, 1), 240)]:
        BenchmarkFactory(athlete=athlete, metric_type="FTP", value=value, established_at=day)
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=deadlift, value=180)
    BenchmarkFactory(athlete=athlete, metric_type="1RM", exercise=squat, value=140)
    BenchmarkFactory(athlete=AthleteFactory(coach=athlete.coach), metric_type="FTP", value=987)

    response = coach_client.get(url(athlete))

    histories = response.context["histories"]
    assert [h.name for h in histories] == ["1RM · Back Squat", "1RM · Deadlift", "FTP"]
    ftp = histories[2]
    assert [text for _, text in ftp.entries] == ["250 W", "240 W", "230 W"]
    assert ftp.latest == "250 W"
    page = response.text
    rows = [page.index(f'<time datetime="2025-0{month}-01">') for month in (3, 2, 1)]
    assert rows == sorted(rows)
    assert "987 W" not in page  # not "987": the page holds random UUIDs and a CSRF token


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
