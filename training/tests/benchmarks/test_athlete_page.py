"""The athlete's own benchmark page (/today/benchmarks/), and who may use which page."""

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory, CoachFactory
from audit.models import AuditLog
from training.models import BenchmarkMetric
from training.tests.benchmarks.entries import MY_URL, ONE_RM_MESSAGE, VALUE_MESSAGE, entry, url
from training.tests.factories import BenchmarkFactory, ExerciseFactory

pytestmark = pytest.mark.django_db


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
