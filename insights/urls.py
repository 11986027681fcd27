from django.urls import path

import hybridpeaks.core.converters  # noqa: F401 (registers <isodate:…>, the one date parser)
from insights import calendar_views, dashboard, views

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

# The coach's dashboard, mounted under coach/ in the "training" namespace beside the builder
# (hybridpeaks/urls.py): its paths and names predate its move here, and people bookmark them.
coach_urlpatterns = [
    path("", dashboard.roster, name="roster"),
    path("athletes/<uuid:athlete_id>/", dashboard.athlete, name="athlete"),
    path("athletes/<uuid:athlete_id>/calendar/", calendar_views.calendar, name="calendar"),
    path(
        "athletes/<uuid:athlete_id>/calendar/<int:year>/<int:month>/",
        calendar_views.calendar_month_page,
        name="calendar_month",
    ),
    path(
        "athletes/<uuid:athlete_id>/calendar/copy/",
        calendar_views.copy_ahead,
        name="calendar_copy",
    ),
    path(
        "calendar/plans/<uuid:plan_id>/publish/",
        calendar_views.publish_week,
        name="calendar_publish",
    ),
    path(
        "calendar/sessions/<uuid:session_id>/move/",
        calendar_views.move_session,
        name="calendar_move",
    ),
]
