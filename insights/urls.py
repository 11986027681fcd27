from django.urls import path

import hybridpeaks.core.converters  # noqa: F401 (registers <isodate:…>, the one date parser)
from insights import views

app_name = "insights"

urlpatterns = [
    path("today/summaries/", views.my_summaries, name="my_summaries"),
    path("today/summaries/<isodate:week_end>/", views.my_summary, name="my_summary"),
    path(
        "coach/athletes/<uuid:athlete_id>/summaries/<isodate:week_end>/",
        views.athlete_summary,
        name="athlete_summary",
    ),
    path(
        "coach/athletes/<uuid:athlete_id>/summaries/",
        views.generate,
        name="generate",
    ),
]
