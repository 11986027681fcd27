"""The athlete's pages."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import athlete_required
from training.models import PlanStatus, TrainingSession


@athlete_required
@require_GET
def today(request):
    """The athlete's sessions for their own local date."""
    day = timezone.localdate(timezone=request.user.zoneinfo)
    sessions = TrainingSession.objects.filter(
        plan__athlete_id=request.user.pk, plan__status=PlanStatus.ACTIVE, date=day
    ).order_by("created_at")
    return render(request, "logging_app/today.html", {"day": day, "sessions": sessions})
