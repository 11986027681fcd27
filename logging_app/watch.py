"""The athlete's planned session as a FIT workout file, for their watch (issue 14, part 4)."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from accounts.permissions import athlete_required
from logging_app.selectors import planned_sessions
from training.views.watch import workout_download


@athlete_required
@require_GET
def session_workout(request, pk):
    """One of the athlete's published sessions; anyone else's (or a draft's) is a 404."""
    athlete = request.user.athlete
    session = get_object_or_404(planned_sessions(athlete.pk).prefetch_related(None), pk=pk)
    return workout_download(session, athlete.pk)
