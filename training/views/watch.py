"""A planned session as a FIT workout file to put on a watch (issue 14, part 4).

The coach downloads any session of their athletes' from the builder; the athlete's own
download (logging_app/watch.py) answers with the same `workout_download`.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from accounts.permissions import athletes_visible_to, coach_required
from training.models import TrainingSession
from training.selectors import benchmarks_of, exercise_names
from training.targets import Benchmarks
from training.watch_workout import workout_fit

CONTENT_TYPE = "application/vnd.ant.fit"


def file_name(session: TrainingSession) -> str:
    """'2026-12-03-track-intervals.fit': the day, then the focus (or the type) as words."""
    title = slugify(session.focus or "") or session.type
    return f"{session.date.isoformat()}-{title}.fit"


def workout_download(session: TrainingSession, athlete_id) -> HttpResponse:
    """The session's workout file, with targets from the athlete's benchmarks (one query,
    and one more for the exercises' names of a strength session)."""
    data = workout_fit(
        name=session.focus or session.get_type_display(),
        session_type=session.type,
        prescription=session.prescription,
        day=session.date,
        benchmarks=Benchmarks(benchmarks_of(athlete_id).select_related(None)),
        exercise_names=exercise_names([session]) if session.type == "strength" else {},
    )
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(session)}"'
    return response


@coach_required
@require_GET
def session_workout(request, session_id):
    sessions = TrainingSession.objects.filter(plan__athlete__in=athletes_visible_to(request.user))
    session = get_object_or_404(sessions.select_related("plan"), pk=session_id)
    return workout_download(session, session.plan.athlete_id)
