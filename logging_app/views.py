"""The athlete's pages: today, the week, history, and logging a session."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import athlete_required
from logging_app import services
from logging_app.formdata import actual_data_from
from logging_app.log_form import apply_set_operation, endurance_inputs, new_log_id, strength_blocks
from logging_app.models import WorkoutLog
from logging_app.selectors import log_of, planned_sessions, session_views, week_days
from training.models import SessionType
from training.selectors import monday_of

HISTORY_PAGE = 20


def _today(request):
    return timezone.localdate(timezone=request.user.zoneinfo)


def _with_logs(views):
    return [(view, log_of(view.session)) for view in views]


@athlete_required
@require_GET
def today(request):
    """Today's sessions with targets, what is done and what is left; a rest day shows the next.

    The whole week is loaded at once (its pages are what the offline copy keeps), so the page
    costs the same few queries whatever the plan holds.
    """
    athlete = request.user.athlete
    day = _today(request)
    monday = monday_of(day)
    week = list(planned_sessions(athlete.pk).filter(date__range=(monday, monday + timedelta(6))))
    entries = _with_logs(session_views(athlete, [s for s in week if s.date == day]))
    upcoming = None
    if not entries:
        upcoming = next((s for s in week if s.date > day), None) or (
            planned_sessions(athlete.pk).filter(date__gt=day).first()
        )
    context = {
        "day": day,
        "entries": entries,
        "left": sum(1 for _, log in entries if log is None),
        "upcoming": upcoming,
        # What the offline copy keeps: this week's log pages (static/js/outbox.js).
        "offline_urls": [reverse("logging_app:log_session", args=[s.pk]) for s in week],
    }
    return render(request, "logging_app/today.html", context)


@athlete_required
@require_GET
def week(request, monday=None):
    """A week day by day: planned, done, missed; previous and next weeks."""
    athlete = request.user.athlete
    today = _today(request)
    start = monday_of(datetime.strptime(monday, "%Y-%m-%d").date()) if monday else monday_of(today)
    sessions = planned_sessions(athlete.pk).filter(date__range=(start, start + timedelta(days=6)))
    entries = _with_logs(session_views(athlete, sessions))
    days = [
        (day, [(view, log) for view, log in entries if view.session.date == day])
        for day in week_days(start)
    ]
    context = {
        "days": days,
        "today": today,
        "monday": start,
        "previous": start - timedelta(days=7),
        "next": start + timedelta(days=7),
    }
    return render(request, "logging_app/week.html", context)


@athlete_required
@require_GET
def history(request):
    logs = (
        WorkoutLog.objects.filter(athlete_id=request.user.pk)
        .select_related("session")
        .order_by("-completed_at")
    )
    page = Paginator(logs, HISTORY_PAGE).get_page(request.GET.get("page"))
    return render(request, "logging_app/history.html", {"page": page})


@athlete_required
@require_GET
def log_detail(request, pk):
    log = get_object_or_404(
        WorkoutLog.objects.filter(athlete_id=request.user.pk).select_related("session"), pk=pk
    )
    view = session_views(request.user.athlete, [log.session])[0] if log.session else None
    return _log_page(request, log, view)


def _log_page(request, log, view):
    """A saved log, read-only, its exercises named after the plan's lines they answer."""
    labels = [line.label for line in view.lines] if view else []
    exercises = [
        (labels[i] if i < len(labels) else f"Exercise {i + 1}", exercise)
        for i, exercise in enumerate(log.actual_data.get("exercises", []))
    ]
    context = {"log": log, "view": view, "exercises": exercises}
    return render(request, "logging_app/log_detail.html", context)


@athlete_required
@require_http_methods(["GET", "POST"])
def log_session(request, pk):
    """Log a session (or read its log once saved: logs are immutable).

    This is the form as it works without JavaScript; with it, static/js/outbox.js sends the
    same document through the sync API and keeps it on the phone while offline.
    """
    athlete = request.user.athlete
    session = get_object_or_404(planned_sessions(athlete.pk), pk=pk)
    view = session_views(athlete, [session])[0]
    log = log_of(session)
    if log is not None:
        return _log_page(request, log, view)
    posted = actual_data_from(request.POST) if request.method == "POST" else None
    operation = request.POST.get("op", "")
    errors = {}
    if posted is not None and not operation:
        try:
            completed_at = _completed_at(request)
            services.record_workout(
                athlete=athlete,
                session=session,
                log_id=request.POST.get("id") or new_log_id(),
                completed_at=completed_at,
                actual_data=posted,
                rpe=_rpe(request.POST.get("rpe", "")),
                notes=request.POST.get("notes", "").strip() or None,
            )
        except ValidationError as error:
            errors = error.message_dict
        except services.LogConflict:
            messages.info(request, "This session was already logged.")
            return redirect("logging_app:log_session", pk=session.pk)
        else:
            messages.success(request, "Saved. Well done!")
            return redirect("logging_app:today")
    if operation:
        posted = apply_set_operation(posted, operation)
    context = {
        "view": view,
        "session": session,
        "log_id": request.POST.get("id") or new_log_id(),
        "blocks": strength_blocks(view, posted) if session.type == SessionType.STRENGTH else [],
        "endurance": endurance_inputs(session, posted)
        if session.type == SessionType.ENDURANCE
        else None,
        "completed_at": request.POST.get("completed_at")
        or timezone.localtime(timezone=request.user.zoneinfo).strftime("%Y-%m-%dT%H:%M"),
        "rpe": request.POST.get("rpe", ""),
        "notes": request.POST.get("notes", ""),
        "errors": errors,
    }
    status = 422 if errors else 200
    return render(request, "logging_app/log_form.html", context, status=status)


def _completed_at(request):
    """The form's local date and time, in the athlete's time zone."""
    raw = request.POST.get("completed_at", "")
    try:
        naive = datetime.strptime(raw, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise ValidationError({"completed_at": "Enter the date and time you finished."}) from None
    return timezone.make_aware(naive, request.user.zoneinfo)


def _rpe(raw: str):
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValidationError({"rpe": "Session RPE is a whole number from 1 to 10."}) from None
