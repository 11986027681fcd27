"""The athlete's pages: today, the week, history, and logging a session."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models.fields.json import KT
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import athlete_required
from logging_app import services
from logging_app.formdata import form_document
from logging_app.log_form import (
    apply_set_operation,
    client_rules,
    endurance_inputs,
    labels_for,
    new_log_id,
    numbers,
    strength_blocks,
)
from logging_app.log_input import api_errors, form_body, in_words, parse_log
from logging_app.models import WorkoutLog
from logging_app.selectors import (
    CARD_COLUMNS,
    FROM_WATCH,
    last_weights,
    log_of,
    planned_sessions,
    session_views,
    unplanned_logs,
    unplanned_name,
    week_days,
    week_sessions,
)
from training.models import SessionType
from training.paging import page_of
from training.prescription import Prescription
from training.selectors import monday_of

HISTORY_PAGE = 20
# What a history line shows: the log's time and RPE, its session's focus or type.
HISTORY_COLUMNS = ("completed_at", "rpe", "session__focus", "session__type")
RPE_CHOICES = [str(n) for n in range(1, 11)]


def _today(request):
    return timezone.localdate(timezone=request.user.zoneinfo)


def _cards(athlete, sessions):
    """(view, log id) of each session (week_sessions' rows): its lines with targets, and
    whether it is done."""
    if not sessions:
        return []  # no benchmarks or exercise names to read
    views = session_views(athlete, sessions)
    return [(view, view.session.log_id) for view in views]


def _next_session(athlete, day):
    """The first standing session after `day`, for a rest day: its focus, type and date."""
    later = planned_sessions(athlete.pk).prefetch_related(None).filter(date__gt=day)
    return later.only(*CARD_COLUMNS).first()


@athlete_required
@require_GET
def today(request):
    """Today's sessions with targets, what is done and what is left; a rest day shows the next.

    The week's sessions are read at once (their log pages are what the offline copy keeps),
    so the page costs the same few queries whatever the plan holds; targets are worked out
    for today's sessions only, the ones shown.
    """
    athlete = request.user.athlete
    day = _today(request)
    week = week_sessions(athlete.pk, monday_of(day))
    entries = _cards(athlete, [session for session in week if session.date == day])
    upcoming = None
    if not entries:
        later = (session for session in week if session.date > day)
        upcoming = next(later, None) or _next_session(athlete, day)
    context = {
        "day": day,
        "entries": entries,
        "left": sum(1 for _, log_id in entries if log_id is None),
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
    # Any day of a week shows that week; the isodate converter has parsed and bounded it.
    start = monday_of(monday or today)
    entries = _cards(athlete, week_sessions(athlete.pk, start))
    # Watch activities kept unplanned count in the week too: shown on their day.
    unplanned = unplanned_logs(athlete.pk, start, request.user.zoneinfo)
    # Each day with whether it is today, compared here once rather than twice in the template.
    days = [
        (
            day,
            day == today,
            [(view, log_id) for view, log_id in entries if view.session.date == day],
            [log for log in unplanned if log.day == day],
        )
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
    """The athlete's logs, newest first, a page at a time: when, what, how hard."""
    logs = (
        WorkoutLog.objects.filter(athlete_id=request.user.pk)
        .select_related("session")
        .annotate(modality=KT("actual_data__modality"), from_watch=FROM_WATCH)
        .only(*HISTORY_COLUMNS)
        .order_by("-completed_at", "-pk")
    )
    page = page_of(logs, request.GET.get("page"), HISTORY_PAGE)
    for log in page.object_list:
        if log.session is None:
            log.name = unplanned_name(log.modality, from_watch=log.from_watch)
    return render(request, "logging_app/history.html", {"page": page})


@athlete_required
@require_GET
def log_detail(request, pk):
    log = get_object_or_404(
        WorkoutLog.objects.filter(athlete_id=request.user.pk).select_related("session", "imported"),
        pk=pk,
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
    same body through the sync API and keeps it on the phone while offline. Both bodies go
    through one parser (logging_app/log_input.py).
    """
    athlete = request.user.athlete
    session = get_object_or_404(planned_sessions(athlete.pk), pk=pk)
    view = session_views(athlete, [session])[0]
    log = log_of(session)
    if log is not None:
        return _log_page(request, log, view)
    operation = request.POST.get("op", "")
    log_id = request.POST.get("id") or new_log_id()
    posted, errors = None, {}
    if request.method == "POST" and not operation:
        body = form_body(request.POST, session_id=session.pk, log_id=log_id)
        try:
            fields = parse_log(body, zone=request.user.zoneinfo)
            del fields["session_id"]
            services.record_workout(athlete=athlete, session=session, **fields)
        except ValidationError as error:
            errors = in_words(
                api_errors(error), label_of=labels_for(view), numbers=numbers(session.type)
            )
        except services.LogIdTaken:
            errors = {"id": "Log id: already used by another log; save again."}
            log_id = new_log_id()
        except services.LogConflict:
            messages.info(request, "This session was already logged.")
            return redirect("logging_app:log_session", pk=session.pk)
        else:
            messages.success(request, "Saved. Well done!")
            return redirect("logging_app:today")
    if request.method == "POST" and operation != "as-planned":
        posted = apply_set_operation(form_document(request.POST), operation)
    context = {
        "view": view,
        "session": session,
        "log_id": log_id,
        "blocks": _blocks(athlete, view, posted, errors),
        "endurance": endurance_inputs(view, posted, errors)
        if session.type == SessionType.ENDURANCE
        else None,
        "completed_at": request.POST.get("completedAt")
        or timezone.localtime(timezone=request.user.zoneinfo).strftime("%Y-%m-%dT%H:%M"),
        # Drawn with the time of drawing: the phone sets it to its own "now" on opening.
        "completed_now": not request.POST.get("completedAt"),
        "rpe": request.POST.get("rpe", ""),
        "rpe_choices": RPE_CHOICES,
        "notes": request.POST.get("notes", ""),
        "errors": errors,
        "rules": client_rules(session.type),
    }
    status = 422 if errors else 200
    return render(request, "logging_app/log_form.html", context, status=status)


def _blocks(athlete, view, posted, errors):
    """A strength form's exercises; lifts with no planned load start from the last log."""
    if view.session.type != SessionType.STRENGTH:
        return []
    items = Prescription.of(view.session.type, view.session.prescription).items
    lines = zip(items, view.lines, strict=True)
    no_load = [item.exercise_id for item, line in lines if line.target.kg is None]
    last = last_weights(athlete.pk, no_load) if posted is None else None
    return strength_blocks(view, posted, last, errors)
