"""Weekly summary pages: the athlete's own, and a coach's view of their athletes'."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import athlete_required, athletes_visible_to, coach_required
from hybridpeaks.core.converters import parse_day
from insights.charts import load_chart
from insights.engine.bounds import UnusableNumber
from insights.models import AIWeeklySummary
from insights.services import NothingLogged, WeekNotOver, generate_summary
from insights.tasks import narrate_later


def _summary_page(request, athlete, week_end, *, own: bool):
    summary = get_object_or_404(
        AIWeeklySummary.objects.filter(athlete=athlete), week_end_date=week_end
    )
    loads = summary.total_volume.get("dailyLoad")
    context = {
        "athlete": athlete,
        "summary": summary,
        "own": own,
        "week_start": summary.week_end_date - timedelta(days=6),
        "chart": load_chart(loads["planned"], loads["done"]) if loads else None,
        "by_modality": sorted(summary.total_volume.get("byModality", {}).items()),
    }
    return render(request, "insights/summary.html", context)


@athlete_required
@require_GET
def my_summaries(request):
    summaries = AIWeeklySummary.objects.filter(athlete_id=request.user.pk).order_by(
        "-week_end_date"
    )
    return render(request, "insights/summary_list.html", {"summaries": summaries})


@athlete_required
@require_GET
def my_summary(request, week_end):
    return _summary_page(request, request.user.athlete, week_end, own=True)


@coach_required
@require_GET
def athlete_summary(request, athlete_id, week_end):
    athlete = get_object_or_404(athletes_visible_to(request.user), pk=athlete_id)
    return _summary_page(request, athlete, week_end, own=False)


@coach_required
@require_POST
def generate(request, athlete_id):
    """A coach asks for an ended week's summary now rather than waiting for the job."""
    athlete = get_object_or_404(
        athletes_visible_to(request.user).select_related("user"), pk=athlete_id
    )
    week_start = parse_day(request.POST.get("week"))
    if week_start is None or week_start.weekday() != 0:
        messages.error(request, "Choose a week (its Monday) to summarise.")
        return redirect("training:athlete", athlete_id=athlete.pk)
    try:
        summary, created = generate_summary(athlete=athlete, week_start=week_start)
    except WeekNotOver:
        messages.error(request, "That week has not ended yet: summaries come after Sunday.")
    except NothingLogged:
        messages.error(request, "Nothing was logged that week, so there is nothing to analyse.")
    except UnusableNumber as error:
        # A row stored before the bounds existed: say which number, do not answer a 500.
        messages.error(request, f"That week cannot be analysed: {error}")
    else:
        if created:
            narrate_later([summary.pk])
        return redirect(
            "insights:athlete_summary", athlete_id=athlete.pk, week_end=summary.week_end_date
        )
    return redirect("training:athlete", athlete_id=athlete.pk)
