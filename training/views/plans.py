"""The plan builder: one athlete's week, edited in place with htmx.

Every form in the builder posts back the plan version it was rendered from. Answers re-render
the whole builder region (`#builder`): 200 after a change, 422 with the editor and its
messages when input is wrong (nothing is lost), 409 with the current plan when the plan
changed meanwhile. Without JavaScript the same forms work as full page posts.
"""

import uuid
from datetime import date, timedelta
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.permissions import athletes_visible_to, coach_required
from hybridpeaks.core.converters import parse_day
from training import services
from training.availability import availability_of, clashes
from training.builder import card, day_picker, week_columns
from training.editor import SessionEditor
from training.models import PlanStatus, SessionType, TrainingPlan, TrainingSession
from training.selectors import builder_week, monday_of

TEMPLATE = "training/plan_week.html"


# The athlete's user comes along: their zone says which days have passed (missed sessions).


def _athlete(request, athlete_id):
    # Their availability too: the builder warns where the week falls outside it.
    athletes = athletes_visible_to(request.user).select_related("user", "availability")
    return get_object_or_404(athletes, pk=athlete_id)


def _plan(request, plan_id) -> TrainingPlan:
    plans = TrainingPlan.objects.filter(athlete__in=athletes_visible_to(request.user))
    return get_object_or_404(plans.select_related("athlete__user"), pk=plan_id)


def _session(request, session_id) -> TrainingSession:
    sessions = TrainingSession.objects.filter(plan__athlete__in=athletes_visible_to(request.user))
    return get_object_or_404(sessions.select_related("plan__athlete__user"), pk=session_id)


def _on_a_stale_page(view):
    """A page still showing a session deleted since (another tab, a double submit) answers 409
    with the current plan, as any other stale edit does; the builder's forms and Edit links
    name the plan they were drawn from. Without a plan of the coach's, a missing session is
    a 404."""

    @wraps(view)
    def answer(request, session_id):
        try:
            return view(request, session_id)
        except Http404:
            try:
                named = request.POST.get("plan") or request.GET.get("plan", "")
                plan = _plan(request, uuid.UUID(named))
            except ValueError:
                raise Http404("No such session.") from None
            return _stale(request, plan.athlete, plan.week_start_date, services.StalePlan(plan))

    return answer


def _week_start(day: date) -> date:
    """The URL's day (parsed by the isodate converter), which must be a Monday."""
    if day.weekday() != 0:
        raise Http404("Weeks start on a Monday.")
    return day


def _version(request) -> int:
    """The plan version the page was drawn from: posted by a form, or in a GET's query (the
    link to a session's actions, whose forms post it on)."""
    data = request.POST if request.method == "POST" else request.GET
    try:
        return int(data.get("version", ""))
    except ValueError:
        return -1  # no version: treated as stale, never as a blind overwrite


def _replaced_version(request) -> int | None:
    """The version of the plan a new one replaces; None when the page showed no plan."""
    return _version(request) if "version" in request.POST else None


def builder_context(request, athlete, monday, *, editor=None, conflict=None) -> dict:
    week = builder_week(athlete, monday)
    athlete_today = timezone.localdate(timezone=athlete.user.zoneinfo)
    cards = [card(view, today=athlete_today) for view in week.views]
    stated = availability_of(athlete)
    return {
        "clashes": clashes(stated, week.sessions, athlete.name),
        "athlete": athlete,
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "previous_monday": monday - timedelta(days=7),
        "next_monday": monday + timedelta(days=7),
        "plan": week.plan,
        "days": week_columns(monday, cards),
        "today": athlete_today,
        # What a card's More link (and the copy picker) passes on: the plan and version its
        # forms will post.
        "actions_query": f"?plan={week.plan.pk}&version={week.plan.version}" if week.plan else "",
        "editor": editor,
        "conflict": conflict,
    }


@vary_on_headers("HX-Request")
def render_builder(request, athlete, monday, *, status=200, **kwargs):
    template = TEMPLATE
    # Boosted links and history restores need the whole page; other htmx requests the region.
    if request.htmx and not (request.htmx.boosted or request.htmx.history_restore_request):
        template += "#builder"
    context = builder_context(request, athlete, monday, **kwargs)
    return render(request, template, context, status=status)


def _after_change(request, athlete, monday, message):
    messages.success(request, message)
    if request.htmx:
        return render_builder(request, athlete, monday)
    return redirect("training:week", athlete_id=athlete.pk, monday=monday.isoformat())


def _stale(request, athlete, monday, error: services.StalePlan):
    plan = error.plan
    conflict = (
        f"This plan changed while you were editing (it is now version {plan.version}, "
        f"{plan.get_status_display().lower()}). Your change was not saved; here is the "
        "current plan."
    )
    response = render_builder(request, athlete, monday, status=409, conflict=conflict)
    # A request aiming at a part of the builder (a card's actions) is answered with all of it.
    response["HX-Retarget"], response["HX-Reswap"] = "#builder", "outerHTML"
    return response


@coach_required
@require_GET
def next_week(request, athlete_id):
    """The builder opens on next week by default (plans are made ahead)."""
    athlete = _athlete(request, athlete_id)
    today = timezone.localdate(timezone=request.user.zoneinfo)
    return redirect(
        "training:week", athlete_id=athlete.pk, monday=(monday_of(today) + timedelta(7)).isoformat()
    )


@coach_required
@require_GET
def week(request, athlete_id, monday):
    athlete = _athlete(request, athlete_id)
    return render_builder(request, athlete, _week_start(monday))


@coach_required
@require_POST
def create_plan(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    replacing = "version" in request.POST
    try:
        services.create_plan(
            athlete=athlete,
            coach=request.user.coach,
            week_start=monday,
            version=_replaced_version(request),
            request=request,
        )
    except services.StalePlan as stale:
        return _stale(request, athlete, monday, stale)
    message = (
        "A new, empty plan replaces the previous one (kept as archived)."
        if replacing
        else "Plan created."
    )
    return _after_change(request, athlete, monday, message)


@coach_required
@require_POST
def copy_week(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    source_athlete = request.POST.get("source_athlete") or athlete.pk
    try:
        source_athlete = uuid.UUID(str(source_athlete))
    except ValueError:
        source_athlete = None  # no athlete of the coach's: no plan to copy
    source = (
        TrainingPlan.objects.standing()
        .filter(
            athlete__in=athletes_visible_to(request.user),
            athlete_id=source_athlete,
            week_start_date=parse_day(request.POST.get("source")),
        )
        .select_related("athlete")
        .order_by("status")
        .first()
    )
    if source is None:
        messages.error(request, "Pick a week that has a plan to copy from.")
        return render_builder(request, athlete, monday, status=422)
    try:
        services.copy_week(
            source=source,
            athlete=athlete,
            coach=request.user.coach,
            week_start=monday,
            version=_replaced_version(request),
            request=request,
        )
    except services.StalePlan as stale:
        return _stale(request, athlete, monday, stale)
    except ValidationError as error:
        # The week itself as the source, or a copied session the rules now refuse.
        for message in error.messages:
            messages.error(request, message)
        return render_builder(request, athlete, monday, status=422)
    return _after_change(
        request,
        athlete,
        monday,
        f"Copied {_whose(source, athlete)}week of {source.week_start_date:%d %b} into this week.",
    )


def _whose(source, athlete) -> str:
    """ "the " for the athlete's own week, "Sam's " for another athlete's."""
    return "the " if source.athlete_id == athlete.pk else f"{source.athlete.name}’s "


@coach_required
@require_POST
def archive_plan(request, plan_id):
    plan = _plan(request, plan_id)
    try:
        services.set_plan_status(
            plan=plan,
            version=_version(request),
            by=request.user,
            status=PlanStatus.ARCHIVED,
            request=request,
        )
    except services.StalePlan as stale:
        return _stale(request, plan.athlete, plan.week_start_date, stale)
    return _after_change(request, plan.athlete, plan.week_start_date, "Plan archived.")


@coach_required
@require_http_methods(["GET", "POST"])
def new_session(request, plan_id):
    plan = _plan(request, plan_id)
    session_type = request.GET.get("type") or request.POST.get("type") or SessionType.STRENGTH
    if session_type not in SessionType.values:
        raise Http404("Unknown session type.")
    editor = SessionEditor(request, plan=plan, session_type=session_type)
    return _edit(request, plan, editor)


@coach_required
@require_http_methods(["GET", "POST"])
@_on_a_stale_page
def edit_session(request, session_id):
    session = _session(request, session_id)
    editor = SessionEditor(request, plan=session.plan, session_type=session.type, session=session)
    return _edit(request, session.plan, editor)


def _edit(request, plan, editor: SessionEditor):
    athlete, monday = plan.athlete, plan.week_start_date
    if editor.operation == "search" and request.htmx and request.htmx.target == "exercise-results":
        # Search-as-you-type refreshes only the results, so the search box keeps its focus.
        return render(request, "training/session_editor.html#exercise_results", {"editor": editor})
    if request.method == "GET" or editor.operation:
        return render_builder(request, athlete, monday, editor=editor)
    if not editor.is_valid():
        return render_builder(request, athlete, monday, editor=editor, status=422)
    try:
        editor.save(version=_version(request))
    except services.StalePlan as stale:
        return _stale(request, athlete, monday, stale)
    except ValidationError as error:
        editor.add_error(error)
        return render_builder(request, athlete, monday, editor=editor, status=422)
    return _after_change(request, athlete, monday, "Session saved.")


@coach_required
@require_GET
@_on_a_stale_page
def session_actions(request, session_id):
    """A session's move, copy and delete forms, fetched into its card when the coach opens
    them, or a small page of their own without JavaScript: the builder renders none of them (on
    every card, they were most of its rendering). The forms post the version of the page the
    coach acts from, so a change made since is still a conflict (409)."""
    session = _session(request, session_id)
    plan = session.plan
    context = {
        "session": session,
        "session_name": session.focus or session.get_type_display(),
        "plan": plan,
        "version": _version(request),
        "picker": day_picker(plan.week_start_date, selected=session.date),
    }
    template = "training/session_actions.html" + ("#actions" if request.htmx else "")
    return render(request, template, context)


@coach_required
@require_POST
@_on_a_stale_page
def delete_session(request, session_id):
    session = _session(request, session_id)
    plan = session.plan
    try:
        services.delete_session(
            session=session, version=_version(request), by=request.user, request=request
        )
    except services.StalePlan as stale:
        return _stale(request, plan.athlete, plan.week_start_date, stale)
    return _after_change(request, plan.athlete, plan.week_start_date, "Session deleted.")


def _target_day(request, plan) -> date | None:
    day = parse_day(request.POST.get("date"))
    return day if day and plan.week_start_date <= day <= plan.week_end_date else None


@coach_required
@require_POST
@_on_a_stale_page
def move_session(request, session_id):
    return _to_day(request, session_id, services.move_session, "Session moved to {:%A}.")


@coach_required
@require_POST
@_on_a_stale_page
def duplicate_session(request, session_id):
    return _to_day(request, session_id, services.duplicate_session, "Session copied to {:%A}.")


def _to_day(request, session_id, service, message):
    session = _session(request, session_id)
    plan = session.plan
    day = _target_day(request, plan)
    if day is None:
        messages.error(request, "Choose a day of this week.")
        return render_builder(request, plan.athlete, plan.week_start_date, status=422)
    try:
        service(
            session=session,
            version=_version(request),
            by=request.user,
            to_date=day,
            request=request,
        )
    except services.StalePlan as stale:
        return _stale(request, plan.athlete, plan.week_start_date, stale)
    return _after_change(request, plan.athlete, plan.week_start_date, message.format(day))
