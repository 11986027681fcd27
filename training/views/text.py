"""The builder's "Write as text" mode: one athlete's week as text, previewed live and saved
as a new version of the week's plan (training.text reads it, services.write_week writes it).

The page is a plain form (Save works without JavaScript); htmx posts the textarea to the
preview as the coach types (`keyup changed delay`), and the preview shows the sessions read so
far with this athlete's concrete targets, or every error with its line and word.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import coach_required
from training import services
from training.availability import availability_of, clashes
from training.display import session_view
from training.models import PlanStatus, TrainingSession
from training.selectors import benchmarks_of, builder_week, exercise_names
from training.targets import Benchmarks
from training.text import ExerciseNames, TextError, WeekText, parse_week, write_week
from training.views.plans import _athlete, _week_start

TEMPLATE = "training/plan_text.html"
TEXT_MAX = 20_000  # characters: a week is a few hundred; this bounds a hostile post's cost


def _context(athlete, monday, *, text=None, week=None) -> dict:
    week = week or builder_week(athlete, monday)
    plan = week.plan
    if text is None:
        text = write_week(week.sessions, exercise_names(week.sessions))
    return {
        "athlete": athlete,
        "monday": monday,
        "plan": plan,
        # The version the save replaces: the active plan's (None: no plan to replace).
        "version": plan.version if plan and plan.status == PlanStatus.ACTIVE else "",
        "ended": bool(plan and plan.status != PlanStatus.ACTIVE),
        "text": text,
    }


def _preview(request, athlete, monday, text: str):
    """The text read against the coach's catalog, and its sessions as the athlete's pages
    would show them (unsaved sessions through display.session_view: the same lines, the same
    targets)."""
    if len(text) > TEXT_MAX:
        reason = f"the text is {len(text):,} characters; a week fits in {TEXT_MAX:,}"
        return WeekText(errors=[TextError(1, 1, "", reason)]), []
    names = ExerciseNames.for_coach(request.user.coach)
    result = parse_week(text, names)
    views = []
    if result.ok:
        index = Benchmarks(list(benchmarks_of(athlete)))
        sessions = [TrainingSession(**s.fields(monday)) for s in result.sessions]
        views = [session_view(session, index, names.names) for session in sessions]
    return result, views


def _posted_text(request) -> str:
    return request.POST.get("text", "").replace("\r\n", "\n")


@coach_required
@require_GET
def plan_text(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    return render(request, TEMPLATE, _context(athlete, monday))


@coach_required
@require_POST
def preview_text(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    result, views = _preview(request, athlete, monday, _posted_text(request))
    context = {
        "athlete": athlete,
        "monday": monday,
        "result": result,
        "views": views,
        "clashes": _clashes(athlete, views),
    }
    return render(request, TEMPLATE + "#preview", context)


def _clashes(athlete, views) -> list:
    """The typed week against the athlete's availability, as the builder warns of it."""
    return clashes(availability_of(athlete), [view.session for view in views], athlete.name)


@coach_required
@require_POST
def save_text(request, athlete_id, monday):
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    text = _posted_text(request)
    result, views = _preview(request, athlete, monday, text)
    context = {**_context(athlete, monday, text=text), "result": result, "views": views}
    context["clashes"] = _clashes(athlete, views)
    if context["ended"]:
        messages.error(request, "This week has ended: its plan can no longer be edited.")
        return render(request, TEMPLATE, context, status=422)
    if not result.ok:
        return render(request, TEMPLATE, context, status=422)
    version = request.POST.get("version", "")
    try:
        services.write_week(
            athlete=athlete,
            coach=request.user.coach,
            week_start=monday,
            sessions=[s.fields(monday) for s in result.sessions],
            version=int(version) if version.isdigit() else None,
            request=request,
        )
    except services.StalePlan as stale:
        context["conflict"] = (
            f"This plan changed while you were writing (it is now version "
            f"{stale.plan.version}). Nothing was saved; your text is still here — reload the "
            "week as text to start from the current plan."
        )
        return render(request, TEMPLATE, context, status=409)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return render(request, TEMPLATE, context, status=422)
    count = len(result.sessions)
    messages.success(request, f"Saved {count} session{'s' if count != 1 else ''} from text.")
    return redirect("training:week", athlete_id=athlete.pk, monday=monday.isoformat())
