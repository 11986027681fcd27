"""The coach's home (the roster) and an athlete's page as the coach sees it.

They read plans, logs and summaries, so they live in insights, the top of the stack; their
URL paths and names stay under coach/ and the "training" namespace (hybridpeaks/urls.py)."""

from datetime import timedelta

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import athletes_visible_to, coach_required
from insights.models import AIWeeklySummary
from insights.roster import columns, table_rows, weeks_counted
from insights.roster import roster as roster_rows
from training.availability import availability_of, describe
from training.selectors import monday_of

PAST_WEEKS = 4


@coach_required
@require_GET
def roster(request):
    """A row per athlete: completion over 7, 30 and 90 days, the latest summary's flags, the
    last log and what needs attention; `?sort=` one of the headings (`-` reverses)."""
    today = timezone.localdate(timezone=request.user.zoneinfo)
    sort = request.GET.get("sort", "name")
    rows = roster_rows(request.user, today, sort)
    context = {"rows": rows, "table_rows": table_rows(rows), "columns": columns(sort)}
    return render(request, "insights/roster.html", context)


@coach_required
@require_GET
def athlete(request, athlete_id):
    """One athlete: past, current and next weeks with done/planned, benchmarks, summaries."""
    shown = ("name", "user__email", "user__time_zone", "availability__minutes_by_weekday")
    shown += ("availability__has_gym",)
    athletes = athletes_visible_to(request.user).select_related("user", "availability")
    athlete = get_object_or_404(athletes.only(*shown), pk=athlete_id)
    today = timezone.localdate(timezone=request.user.zoneinfo)
    this_monday = monday_of(today)
    mondays = [this_monday + timedelta(weeks=n) for n in range(-PAST_WEEKS, 2)]
    counted = weeks_counted([athlete.pk], mondays, today)
    weeks = [
        _week_row(counted.get((athlete.pk, monday)), monday, is_current=monday == this_monday)
        for monday in reversed(mondays)
    ]
    summaries = AIWeeklySummary.objects.filter(athlete=athlete).order_by("-week_end_date")
    context = {
        "athlete": athlete,
        "availability": describe(availability_of(athlete)),
        "today": today,
        "weeks": weeks,
        "summaries": list(summaries.only("week_end_date", "adherence_rate", "suggestions")[:12]),
    }
    return render(request, "insights/athlete.html", context)


def _week_row(plan, monday, *, is_current: bool) -> dict:
    """A row of the athlete page's weeks table: the plan that stands (weeks_counted's dict,
    or None) with its sessions done of planned."""
    return {"monday": monday, "plan": plan, "is_current": is_current}
