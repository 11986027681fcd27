"""The admin shows uploads and imported activities, read only."""

import pytest
from django.urls import reverse

from accounts.models import UserRole
from accounts.tests.factories import UserFactory
from logging_app.imports import services
from logging_app.imports.models import ImportBatch, ImportedActivity
from logging_app.tests.imports.helpers import activity, berlin_athlete

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_shows_imports_read_only(client):
    athlete = berlin_athlete()
    result = services.import_activity(athlete, activity())
    batch = ImportBatch.objects.create(athlete=athlete, status="done", outcomes=[result])
    imported = ImportedActivity.objects.get()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, role=UserRole.COACH))
    for model, pk in [("importbatch", batch.pk), ("importedactivity", imported.pk)]:
        listing = client.get(reverse(f"admin:logging_app_{model}_changelist"))
        assert listing.status_code == 200
        page = client.get(reverse(f"admin:logging_app_{model}_change", args=[pk]))
        assert page.status_code == 200 and 'type="submit" value="Save"' not in page.text
        assert client.get(reverse(f"admin:logging_app_{model}_add")).status_code == 403
