"""Shared template partials, seen from the pages that include them.

Here because the pages span apps (training's builder and benchmarks, insights' summary): the
coach's trail to an athlete is one partial, _athlete_breadcrumb.html, and percentages go
through the `percent` filter, so every page spells them the same way.
"""

from datetime import date

import pytest
from django.urls import reverse

from accounts.tests.factories import AthleteFactory
from insights.tests.factories import WeeklySummaryFactory
from training.tests.factories import TrainingPlanFactory

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)


@pytest.fixture
def summary():
    plan = TrainingPlanFactory(athlete=AthleteFactory(name="Alex Kim"), week_start_date=MONDAY)
    return WeeklySummaryFactory(plan=plan, adherence_rate="0.625")


def coach_pages(athlete):
    """Each page about one athlete, and the last crumb it shows."""
    return [
        (reverse("training:week", args=[athlete.pk, MONDAY.isoformat()]), "Week of 23 Nov"),
        (reverse("training:athlete_benchmarks", args=[athlete.pk]), "Benchmarks"),
        (
            reverse("insights:athlete_summary", args=[athlete.pk, "2026-11-29"]),
            "Weekly summary",
        ),
    ]


def test_every_page_about_an_athlete_has_the_same_trail(client, summary):
    athlete = summary.athlete
    client.force_login(athlete.coach.user)
    trail = (
        f'<nav aria-label="breadcrumb"><ul><li><a href="{reverse("training:roster")}">Athletes'
        f'</a></li><li><a href="{reverse("training:athlete", args=[athlete.pk])}">Alex Kim'
        "</a></li>"
    )
    for url, here in coach_pages(athlete):
        page = client.get(url).content.decode()
        assert f'{trail}<li aria-current="page">{here}</li></ul></nav>' in page, url


def test_adherence_reads_as_the_analysis_rounds_it(client, summary):
    """0.625 is 63%, as the analysis text says (widthratio said 62%)."""
    client.force_login(summary.athlete.user)
    summary_page = reverse("insights:my_summary", args=["2026-11-29"])
    assert '<p class="figure">63%</p>' in client.get(summary_page).content.decode()
    listing = client.get(reverse("insights:my_summaries")).content.decode()
    assert "adherence 63%" in listing
