"""The coach's pages."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.permissions import athletes_visible_to, coach_required


@coach_required
@require_GET
def roster(request):
    """The coach's home: their athletes. (Plan status and flags come with the plan builder.)"""
    athletes = athletes_visible_to(request.user).select_related("user").order_by("name")
    pending = request.user.coach.invitations.filter(accepted_at=None, revoked_at=None).count()
    return render(
        request, "training/roster.html", {"athletes": athletes, "pending_invitations": pending}
    )
