"""The builder's "Copy a week…" picker, fetched when the coach opens it: any week with a plan,
of this athlete or of another on the coach's roster (loads stay %1RM, RPE and zones, so each
athlete's targets come from their own benchmarks).

Kept off the builder page itself: reading and listing the weeks cost as much as the rest of
the week's cards, on every builder request, for a control used now and then."""

from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from accounts.permissions import athletes_visible_to, coach_required
from training.builder import week_options
from training.models import TrainingPlan
from training.views.plans import _athlete, _version, _week_start

# The weeks listed per athlete, newest first (weeks ahead included).
WEEKS_LISTED = 16


@coach_required
@require_GET
def copy_picker(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    visible = athletes_visible_to(request.user)
    source_athlete = athlete
    if request.GET.get("from"):
        source_athlete = get_object_or_404(visible.only("name"), pk=_uuid_or_404(request))
    weeks = TrainingPlan.objects.standing().filter(athlete=source_athlete)
    if source_athlete.pk == athlete.pk:
        weeks = weeks.exclude(week_start_date=monday)
    weeks = weeks.order_by("-week_start_date").values_list("week_start_date", flat=True)
    mondays = sorted(set(weeks[: WEEKS_LISTED * 2]), reverse=True)[:WEEKS_LISTED]
    context = {
        "athlete": athlete,
        "monday": monday,
        "source_athlete": source_athlete,
        "athletes": visible.order_by("name").values_list("pk", "name"),
        "weeks": week_options(mondays),
        "version": request.GET.get("version", ""),
        "has_version": "version" in request.GET and _version(request) >= 0,
    }
    template = "training/copy_picker.html" + ("#picker" if request.htmx else "")
    return render(request, template, context)


def _uuid_or_404(request):
    """The `from` athlete's id; anything else is no athlete of the coach's (404)."""
    try:
        return UUID(request.GET["from"])
    except ValueError:
        raise Http404("No such athlete.") from None
