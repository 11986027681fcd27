from django.contrib import admin
from django.urls import include, path

from accounts.views import home
from hybridpeaks import views

admin.site.site_header = "HybridPeaks administration"
admin.site.site_title = "HybridPeaks admin"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("coach/", include("training.urls")),
    path("today/", include("logging_app.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("admin/", admin.site.urls),
]
