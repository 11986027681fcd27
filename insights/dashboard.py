"""The coach's home and an athlete's page as the coach sees it."""

from datetime import timedelta

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import athletes_visible_to, coach_required
from training.roster import roster as roster_rows
from training.selectors import monday_of

PAST_WEEKS = 4


@coach_required
@require_GET
def roster(request):
    """Each athlete's week: plan, sessions done of planned, last log, and flags."""
    today = timezone.localdate(timezone=request.user.zoneinfo)
    return render(request, "training/roster.html", {"rows": roster_rows(request.user, today)})


@coach_required
@require_GET
def athlete(request, athlete_id):
    """One athlete: past, current and next weeks with done/planned, benchmarks, summaries."""
    athlete = get_object_or_404(
        athletes_visible_to(request.user).select_related("user"), pk=athlete_id
    )
    today = timezone.localdate(timezone=request.user.zoneinfo)
    this_monday = monday_of(today)
    mondays = [this_monday + timedelta(weeks=n) for n in range(-PAST_WEEKS, 2)]
    plans = {
        plan.week_start_date: plan
        for plan in athlete.plans.standing()
        .filter(week_start_date__in=mondays)
        .annotate(
            planned=Count("sessions", distinct=True),
            done=Count("sessions__logs", filter=Q(sessions__logs__athlete=athlete), distinct=True),
        )
    }
    weeks = [
        {"monday": monday, "plan": plans.get(monday), "is_current": monday == this_monday}
        for monday in reversed(mondays)
    ]
    context = {
        "athlete": athlete,
        "today": today,
        "weeks": weeks,
        "summaries": athlete.weekly_summaries.order_by("-week_end_date")[:12],
    }
    return render(request, "training/athlete.html", context)
