"""Dates in URLs: parsed once by the isodate converter; not a day, or out of range, is a 404."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from hybridpeaks.core.converters import FIRST_DAY, LAST_DAY, parse_day

# Not a date; a date Python reads but a URL does not spell; dates whose week (or its
# neighbours, its summary's Monday) fall outside date's range or any sane one.
BAD_DAYS = ["notadate", "2026-13-01", "20261130", "0001-01-01", "9999-12-27", "1999-12-27"]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-11-30", date(2026, 11, 30)),
        (FIRST_DAY.isoformat(), FIRST_DAY),
        (LAST_DAY.isoformat(), LAST_DAY),
        *[(bad, None) for bad in BAD_DAYS],
        ("2026-W49-1", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_day(value, day):
    assert parse_day(value) == day


def test_urls_take_a_date_or_its_iso_text():
    athlete_id = "2b1f6c55-3f0e-4a0e-9a43-6a8f1f1f1f1f"
    by_date = reverse("training:week", args=[athlete_id, date(2026, 11, 30)])
    assert by_date == reverse("training:week", args=[athlete_id, "2026-11-30"])
    assert by_date.endswith("/weeks/2026-11-30/")


@pytest.fixture
def athlete(db):
    return AthleteFactory()


def date_urls(athlete, day: str) -> list[tuple[str, str, str]]:
    """(user, method, url) of every page that takes a date in its path."""
    return [
        ("coach", "get", f"/coach/athletes/{athlete.pk}/weeks/{day}/"),
        ("coach", "post", f"/coach/athletes/{athlete.pk}/weeks/{day}/new-plan/"),
        ("coach", "post", f"/coach/athletes/{athlete.pk}/weeks/{day}/copy/"),
        ("coach", "get", f"/coach/athletes/{athlete.pk}/summaries/{day}/"),
        ("athlete", "get", f"/today/week/{day}/"),
        ("athlete", "get", f"/today/summaries/{day}/"),
    ]


@pytest.mark.parametrize("day", BAD_DAYS)
def test_a_bad_day_in_a_url_is_not_found(client, athlete, day):
    users = {"coach": athlete.coach.user, "athlete": athlete.user}
    for who, method, url in date_urls(athlete, day):
        client.force_login(users[who])
        response = getattr(client, method)(url)
        assert response.status_code == 404, (url, response.status_code)


def test_the_first_and_last_weeks_in_range_open(client, athlete):
    first_monday, last_monday = date(2000, 1, 3), date(2099, 12, 28)
    client.force_login(athlete.coach.user)
    for monday in (first_monday, last_monday):
        assert client.get(reverse("training:week", args=[athlete.pk, monday])).status_code == 200
    client.force_login(athlete.user)
    for day in (FIRST_DAY, LAST_DAY):
        assert client.get(reverse("logging_app:week_of", args=[day])).status_code == 200


def test_any_day_of_a_week_shows_that_week(client, athlete):
    client.force_login(athlete.user)
    page = client.get(reverse("logging_app:week_of", args=["2026-12-02"])).content.decode()
    assert "/today/week/2026-11-23/" in page and "/today/week/2026-12-07/" in page


@pytest.mark.parametrize("week", ["0001-01-01", "9999-12-27", "20261130", "2026-W49-1"])
def test_write_it_now_for_an_impossible_week_asks_for_a_week(client, athlete, week):
    client.force_login(athlete.coach.user)
    url = reverse("insights:generate", args=[athlete.pk])

    response = client.post(url, {"week": week}, follow=True)

    assert response.redirect_chain == [(reverse("training:athlete", args=[athlete.pk]), 302)]
    assert "Choose a week (its Monday) to summarise." in response.content.decode()
