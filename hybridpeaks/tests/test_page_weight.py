"""A cold open of Today stays within 60 KB compressed, offline copies of the week included.

Production-like: collectstatic with whitenoise's compressed manifest storage (so the page
names hashed files and each has its .gz), pages through Django's GZipMiddleware. The real
figure under gunicorn and Chromium is in docs/benchmarks.md ("Page weight").
"""

import pytest
from django.core.management import call_command
from django.utils import timezone

from hybridpeaks.tests.page_weight import BUDGET, cold_open, realistic_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_a_cold_open_of_today_is_within_budget(client, production_static):
    athlete = realistic_week(timezone.localdate())
    client.force_login(athlete.user)

    sizes = cold_open(client, production_static)

    offline = [url for url in sizes if url.endswith("/log/")]
    assert len(offline) == 10  # the whole week is kept for offline use
    assert any("pico" in url for url in sizes) and "/sw.js" in sizes
    assert not any("htmx" in url for url in sizes)  # Today has no hx- attribute
    total = sum(sizes.values())
    listing = "\n".join(f"{size:7,d}  {url}" for url, size in sorted(sizes.items()))
    assert total <= BUDGET, f"{total:,d} bytes > {BUDGET:,d}:\n{listing}"


def test_pages_are_compressed_and_static_files_have_gzip_copies(client, production_static):
    athlete = realistic_week(timezone.localdate())
    client.force_login(athlete.user)

    page = client.get("/today/", HTTP_ACCEPT_ENCODING="gzip")

    assert page["Content-Encoding"] == "gzip"
    assert list(production_static.glob("vendor/pico-2.1.1/pico.min.*.css.gz"))
