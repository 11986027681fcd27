from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

from hybridpeaks import views

admin.site.site_header = "HybridPeaks administration"
admin.site.site_title = "HybridPeaks admin"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index"), name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's, for one).
    path("favicon.ico", views.favicon),
    path("admin/", admin.site.urls),
]
