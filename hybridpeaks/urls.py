from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.views import home
from hybridpeaks import ceilings, views
from insights.urls import coach_urlpatterns
from training import urls as training_urls

admin.site.site_header = "HybridPeaks administration"
admin.site.site_title = "HybridPeaks admin"

# The database down is a 503, also when the session or auth middleware meets it.
handler500 = "hybridpeaks.views.server_error"
# The API answers an unknown path in JSON too.
handler404 = "hybridpeaks.views.not_found"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("", include("insights.urls")),
    # The coach's area: the dashboard (insights, which reads logs and summaries) and the
    # builder and catalog (training), under one prefix and one namespace, as before the move.
    path("coach/", include((coach_urlpatterns + training_urls.urlpatterns, "training"))),
    path("today/", include("logging_app.urls")),
    # A person's calendar feed (the secret URL) and the page that manages it (training.feeds).
    path("calendar/", include("training.feeds.urls")),
    path("api/v1/", include("hybridpeaks.api.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK_CEILINGS:
    # Only for `manage.py benchmark_pages` (hybridpeaks/ceilings.py says why).
    urlpatterns += [
        path("benchmark/c0/", ceilings.c0, name="ceiling_c0"),
        path("benchmark/c3/", ceilings.c3, name="ceiling_c3"),
    ]
