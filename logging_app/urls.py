from django.urls import path

import hybridpeaks.core.converters  # noqa: F401 (registers <isodate:…>, the one date parser)
from logging_app import availability, views, watch
from logging_app.imports import views as imports
from training.views import benchmarks

app_name = "logging_app"

urlpatterns = [
    path("", views.today, name="today"),
    path("week/", views.week, name="week"),
    path("week/<isodate:monday>/", views.week, name="week_of"),
    path("history/", views.history, name="history"),
    path("history/<uuid:pk>/", views.log_detail, name="log_detail"),
    path("sessions/<uuid:pk>/log/", views.log_session, name="log_session"),
    path("sessions/<uuid:pk>/workout.fit", watch.session_workout, name="session_workout"),
    path("benchmarks/", benchmarks.my_benchmarks, name="benchmarks"),
    path("availability/", availability.availability, name="availability"),
    path("import/", imports.import_page, name="import"),
    path("import/batches/<uuid:pk>/", imports.batch_page, name="import_batch"),
    path("import/<uuid:pk>/rematch/", imports.rematch, name="import_rematch"),
    path("import/<uuid:pk>/unmatch/", imports.unmatch, name="import_unmatch"),
    path("import/<uuid:pk>/keep/", imports.keep, name="import_keep"),
]
