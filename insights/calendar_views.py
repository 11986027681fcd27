"""The coach's calendar of one athlete: a month of planned and done sessions; a session moved
to another day (drag and drop, or the keyboard's "Move to…" picker: the same form), a week
copied to the next N weeks.

Like the builder, every answer is the whole calendar region (`#calendar`): 200 after a change,
422 with a message when the input is wrong, 409 with the current month when a plan changed
meanwhile. Without JavaScript the same forms post whole pages and redirect back.
"""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.permissions import athletes_visible_to, coach_required
from hybridpeaks.core.converters import parse_day
from insights.calendar import FIRST_YEAR, LAST_YEAR, calendar_month
from training import services
from training.availability import availability_of, clashes
from training.models import PlanStatus, TrainingPlan, TrainingSession
from training.views.plans import _version

TEMPLATE = "insights/calendar.html"
CONFLICT = (
    "This plan changed while you were looking at it (another tab, or the builder). "
    "Nothing was changed; here is the calendar as it is now."
)


def _athlete(request, athlete_id):
    # Their availability too: the calendar warns where weeks to come fall outside it.
    athletes = athletes_visible_to(request.user).select_related("user", "availability")
    return get_object_or_404(athletes, pk=athlete_id)


def _athlete_today(athlete) -> date:
    """Missed, today and the future are the athlete's days, wherever the coach is."""
    return timezone.localdate(timezone=athlete.user.zoneinfo)


def _first_of(year: int, month: int) -> date:
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404("No such month.")
    return date(year, month, 1)


def _posted_month(request, fallback: date) -> date:
    """The month the posting page showed (its first day, posted as `month`), to draw again."""
    day = parse_day(request.POST.get("month")) or fallback
    return _first_of(day.year, day.month)


@vary_on_headers("HX-Request")
def _render(request, athlete, first: date, *, status=200, **extra):
    template = TEMPLATE
    # Boosted links and history restores need the whole page; other htmx requests the region.
    if request.htmx and not (request.htmx.boosted or request.htmx.history_restore_request):
        template += "#calendar"
    month = calendar_month(athlete, first, _athlete_today(athlete))
    to_come = [
        entry.session
        for week in month.weeks
        if not week.has_ended
        for day in week.days
        for entry in day.entries
    ]
    context = {
        "athlete": athlete,
        "month": month,
        "clashes": clashes(availability_of(athlete), to_come, athlete.name),
        "copy_choices": range(1, services.COPY_AHEAD_MAX + 1),
        "copy": None,
        "conflict": None,
        **extra,
    }
    return render(request, template, context, status=status)


def _done(request, athlete, first: date, message: str):
    messages.success(request, message)
    if request.htmx:
        return _render(request, athlete, first)
    return redirect("training:calendar_month", athlete.pk, first.year, first.month)


@coach_required
@require_GET
def calendar(request, athlete_id):
    """The athlete's current month (their today)."""
    athlete = _athlete(request, athlete_id)
    today = _athlete_today(athlete)
    return _render(request, athlete, today.replace(day=1))


@coach_required
@require_GET
def calendar_month_page(request, athlete_id, year: int, month: int):
    athlete = _athlete(request, athlete_id)
    return _render(request, athlete, _first_of(year, month))


@coach_required
@require_POST
def move_session(request, session_id):
    """Move a session to another day of its week. A session belongs to its week's plan (the
    model's rule), so a drop on another week is refused with a message, never turned into a
    second plan (docs/decisions.md)."""
    sessions = TrainingSession.objects.filter(plan__athlete__in=athletes_visible_to(request.user))
    session = get_object_or_404(sessions.select_related("plan__athlete__user"), pk=session_id)
    plan, athlete = session.plan, session.plan.athlete
    first = _posted_month(request, session.date)
    day = parse_day(request.POST.get("date"))
    if day is None or not plan.week_start_date <= day <= plan.week_end_date:
        messages.error(
            request,
            f"Move a session to a day of its own week ({plan.week_start_date:%-d %b} – "
            f"{plan.week_end_date:%-d %b}); to plan it in another week, copy it in the builder.",
        )
        return _render(request, athlete, first, status=422)
    try:
        services.move_session(
            session=session, version=_version(request), by=request.user, to_date=day,
            request=request,
        )  # fmt: skip
    except services.StalePlan:
        return _render(request, athlete, first, status=409, conflict=CONFLICT)
    name = session.focus or session.get_type_display()
    return _done(request, athlete, first, f"{name} moved to {day:%A %-d %b}.")


@coach_required
@require_POST
def publish_week(request, plan_id):
    """Publish a draft week from the calendar (training.services.publish_plan, as the
    builder's Publish), answering with the calendar."""
    plans = TrainingPlan.objects.filter(athlete__in=athletes_visible_to(request.user))
    plan = get_object_or_404(plans.select_related("athlete__user"), pk=plan_id)
    athlete = plan.athlete
    first = _posted_month(request, plan.week_start_date)
    try:
        services.publish_plan(
            plan=plan, version=_version(request), by=request.user, request=request
        )
    except services.StalePlan:
        return _render(request, athlete, first, status=409, conflict=CONFLICT)
    return _done(request, athlete, first, f"Published the week of {plan.week_start_date:%-d %b}.")


def _weeks_asked(request) -> int | None:
    try:
        weeks = int(request.POST.get("weeks", ""))
    except ValueError:
        return None
    return weeks if 1 <= weeks <= services.COPY_AHEAD_MAX else None


@coach_required
@require_POST
def copy_ahead(request, athlete_id):
    """Copy a week into the next N weeks. Weeks that already have an active plan are listed
    first and the coach confirms replacing them (their versions ride along, so a plan changed
    meanwhile is a conflict, not an overwrite); without confirmation nothing is copied."""
    athlete = _athlete(request, athlete_id)
    monday = parse_day(request.POST.get("source"))
    first = _posted_month(request, monday or _athlete_today(athlete))
    source = (
        TrainingPlan.objects.standing()
        .filter(athlete=athlete, week_start_date=monday)
        .order_by("status")  # "active" before "completed": the week's plan
        .first()
        if monday
        else None
    )
    weeks = _weeks_asked(request)
    if source is None or weeks is None:
        problem = "Choose a week with a plan" if source is None else "Choose 1–12 weeks"
        messages.error(request, f"{problem} to copy.")
        return _render(request, athlete, first, status=422)
    targets = [source.week_start_date + timedelta(weeks=n) for n in range(1, weeks + 1)]
    taken = list(
        TrainingPlan.objects.filter(
            athlete=athlete, week_start_date__in=targets, status=PlanStatus.ACTIVE
        )
        .annotate(session_count=Count("sessions"))
        .order_by("week_start_date")
    )
    if taken and request.POST.get("confirm") != "replace":
        preview = {"source": source, "weeks": weeks, "taken": taken}
        return _render(request, athlete, first, copy=preview)
    replacing = {}
    for monday in targets:
        posted = request.POST.get(f"replace-{monday.isoformat()}")
        if posted is not None:
            replacing[monday] = int(posted) if posted.isdigit() else -1
    try:
        copies = services.copy_week_ahead(
            source=source, coach=request.user.coach, weeks=weeks, replacing=replacing,
            today=_athlete_today(athlete), request=request,
        )  # fmt: skip
    except services.StalePlan:
        return _render(request, athlete, first, status=409, conflict=CONFLICT)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _render(request, athlete, first, status=422)
    return _done(request, athlete, first, _copied(source, copies, replaced=len(taken)))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _copied(source, copies, *, replaced: int) -> str:
    """What a copy did, in words: how many weeks, how many plans replaced, and which of the
    copies the athlete already sees (those replacing a published plan) or not (drafts)."""
    drafts = sum(1 for plan in copies if plan.is_draft)
    live = len(copies) - drafts
    text = f"Copied the week of {source.week_start_date:%-d %b} into the next "
    text += _plural(len(copies), "week")
    text += f", replacing {_plural(replaced, 'plan')}." if replaced else "."
    if drafts:
        text += f" {_plural(drafts, 'draft')}: publish when ready."
    if live:
        verb = "is" if live == 1 else "are"
        text += f" {_plural(live, 'week')} replaced a published plan and {verb} live."
    return text
