"""The today page is light on a slow phone connection: HTML, CSS and JavaScript together
stay under 60 KB compressed, and the day is readable without any script."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import AthleteFactory
from training.selectors import monday_of
from training.tests.factories import TrainingPlanFactory, TrainingSessionFactory

BUDGET = 60_000


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.django_db
def test_today_transfers_under_60_kb_compressed(client, settings):
    athlete = AthleteFactory()
    today = timezone.localdate(timezone=athlete.user.zoneinfo)
    plan = TrainingPlanFactory(athlete=athlete, week_start_date=monday_of(today))
    TrainingSessionFactory.create_batch(3, plan=plan, date=today)
    client.force_login(athlete.user)
    html = client.get(reverse("logging_app:today")).content
    assets = re.findall(
        rb'(?:href|src)="' + settings.STATIC_URL.encode() + rb'([^"]+\.(?:css|js))"', html
    )
    assert assets, "the page should name its stylesheets and scripts"
    total = compressed(html)
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as file:
            total += compressed(file.read())
    assert total < BUDGET, f"{total} bytes compressed"
    # Readable with scripts off: the sessions are in the HTML itself.
    assert html.count(b'class="session-card') == 3
