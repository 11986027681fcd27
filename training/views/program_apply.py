"""Applying a program: choose athletes and a start Monday, see per athlete every program week
with its date, the weeks that already have a plan and the availability clashes, choose skip,
replace or cancel per athlete, and apply (training.programs.services.apply_program: one
transaction, nothing half-written).

GET with `start` draws the preview; the POST carries, per athlete, the mode and the version
of every active plan the preview showed, so a plan added or edited since is a 409 (with the
preview drawn again), never replaced or kept unseen.
"""

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.permissions import athletes_visible_to, coach_required
from hybridpeaks.core.converters import parse_day
from training.programs.selectors import apply_preview
from training.programs.services import (
    REPLACE,
    SKIP,
    Choice,
    StalePlan,
    apply_program,
    first_monday_allowed,
)
from training.views.programs import program_of

TEMPLATE = "training/program_apply.html"
CANCEL = "cancel"


def _athletes(request, data):
    """The chosen athletes of the coach's roster, with their availability; an id that is not
    an athlete of the coach's is a 404 (as any other's object), a malformed one a field error."""
    try:
        ids = {UUID(value) for value in data.getlist("athletes")}
    except ValueError:
        raise ValidationError({"athletes": "Choose athletes from the list."}) from None
    if not ids:
        raise ValidationError({"athletes": "Choose at least one athlete."})
    athletes = list(
        athletes_visible_to(request.user)
        .filter(pk__in=ids)
        .select_related("availability")
        .order_by("name")
    )
    if len(athletes) != len(ids):
        raise Http404("No such athlete.")
    return athletes


def _start(request, data):
    start = parse_day(data.get("start", ""))
    if start is None:
        raise ValidationError({"start": "Give the start as a date (YYYY-MM-DD)."})
    if start.weekday() != 0:
        raise ValidationError(
            {"start": f"{start:%A %-d %b} is not a Monday: a program starts on one."}
        )
    if start < first_monday_allowed(request.user.coach):
        raise ValidationError({"start": "Start this week or later: past weeks are kept."})
    return start


def _seen(data, athlete) -> dict:
    """The versions of the active plans the preview showed this athlete: `Monday:version`."""
    seen = {}
    for value in data.getlist(f"seen-{athlete.pk}"):
        day, _, version = value.partition(":")
        monday = parse_day(day)
        if monday is None or not version.isdigit():
            raise ValidationError(
                {"seen": "The preview's weeks were not sent back: preview again."}
            )
        seen[monday] = int(version)
    return seen


def _choices(data, athletes) -> list[Choice]:
    choices = []
    for athlete in athletes:
        mode = data.get(f"mode-{athlete.pk}", SKIP)
        if mode == CANCEL:
            continue
        if mode not in (SKIP, REPLACE):
            raise ValidationError(
                {f"mode-{athlete.pk}": f"Choose skip, replace or cancel for {athlete.name}."}
            )
        choices.append(Choice(athlete, mode, _seen(data, athlete)))
    if not choices:
        raise ValidationError({"athletes": "Every athlete is cancelled: nothing to apply."})
    return choices


def _context(request, program, data) -> dict:
    coach = request.user.coach
    first = first_monday_allowed(coach)
    roster = athletes_visible_to(request.user).order_by("name").values_list("pk", "name")
    chosen = set(data.getlist("athletes"))
    return {
        "program": program,
        "roster": [(str(pk), name, str(pk) in chosen) for pk, name in roster],
        "start": data.get("start") or (first + timedelta(weeks=1)).isoformat(),
        "first_monday": first,
        "publish": data.get("publish") == "on",
        "modes": {key: value for key, value in data.items() if key.startswith("mode-")},
    }


@coach_required
@require_http_methods(["GET", "POST"])
def program_apply(request, program_id):
    program = program_of(request, program_id)
    data = request.POST if request.method == "POST" else request.GET
    context = _context(request, program, data)
    if "start" not in data:
        return render(request, TEMPLATE, context)
    try:
        athletes, start = _athletes(request, data), _start(request, data)
    except ValidationError as error:
        context["field_errors"] = error.message_dict
        return render(request, TEMPLATE, context, status=422)
    context["previews"] = apply_preview(program, athletes, start)
    context.update(start_day=start, end=start + timedelta(weeks=program.weeks, days=-1))
    if request.method == "GET":
        return render(request, TEMPLATE, context)
    try:
        written = apply_program(
            program=program, coach=request.user.coach, start=start,
            choices=_choices(data, athletes), publish=context["publish"], request=request,
        )  # fmt: skip
    except StalePlan as stale:
        context["conflict"] = (
            f"{stale.plan.athlete.name}’s week of {stale.plan.week_start_date:%-d %b} changed "
            "since the preview. Nothing was applied: check the preview again, then apply."
        )
        return render(request, TEMPLATE, context, status=409)
    except ValidationError as error:
        context["field_errors"] = error.message_dict
        return render(request, TEMPLATE, context, status=422)
    names = sorted({plan.athlete.name for plan in written})
    state = "published" if context["publish"] else "drafts"
    messages.success(
        request,
        f"Applied “{program.name}” from {start:%-d %b %Y}: {len(written)} week"
        f"{'s' if len(written) != 1 else ''} written ({state}) for {', '.join(names) or 'nobody'}.",
    )
    if len(athletes) == 1:
        return redirect("training:week", athlete_id=athletes[0].pk, monday=start.isoformat())
    return redirect("training:program_list")
