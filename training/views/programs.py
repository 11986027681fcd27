"""The coach's program library: list, write as text (with the text mode's live preview),
edit, delete, export and import as text files, and save an athlete's weeks as a program.

Programs are the coach's own: one of another coach's is a 404 (they are looked up among
the coach's programs only). Applying a program: training.views.program_apply.
"""

from datetime import date, timedelta
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import coach_required
from training.display import session_view
from training.programs import services
from training.programs.models import WEEKS_MAX, Program
from training.programs.selectors import dated_sessions, program_with_sessions, programs_of
from training.programs.text import ProgramText, parse_program, write_program
from training.selectors import exercise_names
from training.targets import Benchmarks
from training.text import ExerciseNames
from training.views.plans import _athlete, _week_start

EDITOR = "training/program_edit.html"
LIBRARY = "training/program_list.html"
SAVE_WEEKS = "training/program_save.html"
TEXT_MAX = 100_000  # characters: 16 weeks of text is a few thousand; this bounds a post
FILE_MAX = 200_000  # bytes of an imported file
STARTER = (
    "Week 1\nMon Lower body ~60min\n  Back squat 5x5 @75% rest 3min\nTue Easy run\n  Run 45min Z2\n"
)
# The week a program's preview is drawn in: any Monday (only weekdays are shown).
SOME_MONDAY = date(2024, 1, 1)


def program_of(request, program_id) -> Program:
    return get_object_or_404(program_with_sessions(request.user.coach), pk=program_id)


def program_text(program: Program, *, header: bool = False) -> str:
    """The program as text; `header` puts its name and description on top (an exported file)."""
    sessions = list(program.sessions.all())
    names = exercise_names(sessions)
    if not header:
        return write_program(program.weeks, sessions, names)
    return write_program(
        program.weeks, sessions, names, name=program.name, description=program.description
    )


def _posted_text(request) -> str:
    return request.POST.get("text", "")[:TEXT_MAX].replace("\r\n", "\n")


def _read(request, text: str) -> tuple[ProgramText, list]:
    """The text read against the coach's catalog, and each week's sessions as they will read
    (display.session_view with no benchmarks: a program's loads stay %1RM, RPE and zones until
    it is applied to an athlete)."""
    names = ExerciseNames.for_coach(request.user.coach)
    read = parse_program(text, names)
    weeks = []
    if read.ok:
        empty = Benchmarks([])
        for number, sessions in sorted(read.weeks.items()):
            views = [
                session_view(s, empty, names.names) for s in dated_sessions(sessions, SOME_MONDAY)
            ]
            weeks.append((number, views))
    return read, weeks


@coach_required
@require_GET
def program_list(request):
    programs = programs_of(request.user.coach).order_by("name", "created_at")
    return render(request, LIBRARY, {"programs": programs})


def _editor(request, program: Program | None):
    """GET: the editor; POST: save the program from its text (422 with every error by line and
    word, nothing stored; the coach's text stays in the box)."""
    if request.method == "GET":
        context = {"program": program, "text": program_text(program) if program else STARTER}
        if program:
            context.update(name=program.name, description=program.description)
        return render(request, EDITOR, context)
    text = _posted_text(request)
    name = request.POST.get("name", "")
    description = request.POST.get("description", "")
    read, weeks = _read(request, text)
    context = {"program": program, "text": text, "name": name, "description": description,
               "read": read, "weeks": weeks}  # fmt: skip
    if not read.ok:
        return render(request, EDITOR, context, status=422)
    try:
        saved = services.save_program(
            coach=request.user.coach, program=program, name=name, description=description,
            read=read, request=request,
        )  # fmt: skip
    except ValidationError as error:
        context["field_errors"] = error.message_dict
        return render(request, EDITOR, context, status=422)
    messages.success(
        request, f"Saved “{saved.name}”: {saved.weeks} week{'s' if saved.weeks != 1 else ''}."
    )
    return redirect("training:program_list")


@coach_required
@require_http_methods(["GET", "POST"])
def program_new(request):
    return _editor(request, None)


@coach_required
@require_http_methods(["GET", "POST"])
def program_edit(request, program_id):
    return _editor(request, program_of(request, program_id))


@coach_required
@require_POST
def program_preview(request):
    read, weeks = _read(request, _posted_text(request))
    return render(request, EDITOR + "#preview", {"read": read, "weeks": weeks})


@coach_required
@require_POST
def program_delete(request, program_id):
    program = program_of(request, program_id)
    services.delete_program(program=program, coach=request.user.coach, request=request)
    messages.success(request, f"Deleted “{program.name}”. Plans made from it stay as they are.")
    return redirect("training:program_list")


@coach_required
@require_GET
def program_export(request, program_id):
    program = program_of(request, program_id)
    response = HttpResponse(
        program_text(program, header=True), content_type="text/plain; charset=utf-8"
    )
    filename = f"{slugify(program.name) or 'program'}.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@coach_required
@require_POST
def program_import(request):
    """A program file (as exported) becomes a new program of this coach's; its name is the
    file's `Program:` line, else the file's name. Errors by line and word; nothing stored."""
    upload = request.FILES.get("file")
    context = {"programs": programs_of(request.user.coach).order_by("name", "created_at")}
    problem = None
    if upload is None:
        problem = "Choose a program file (.txt) to import."
    elif upload.size > FILE_MAX:
        problem = f"The file is over {FILE_MAX // 1000} KB: a program file is a few KB."
    else:
        try:
            text = upload.read().decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            problem = "The file is not UTF-8 text: export a program as text and import that."
    if problem:
        return render(request, LIBRARY, {**context, "import_problem": problem}, status=422)
    read, _ = _read(request, text)
    if not read.ok:
        context.update(import_errors=read.errors, import_name=upload.name)
        return render(request, LIBRARY, context, status=422)
    name = read.name or PurePath(upload.name).stem.replace("-", " ").replace("_", " ")
    try:
        program = services.save_program(
            coach=request.user.coach, program=None, name=name[:100],
            description=read.description or "", read=read, request=request,
        )  # fmt: skip
    except ValidationError as error:
        problems = [f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items()]
        return render(
            request, LIBRARY, {**context, "import_problem": "; ".join(problems)}, status=422
        )
    messages.success(request, f"Imported “{program.name}”: {program.weeks} weeks.")
    return redirect("training:program_list")


@coach_required
@require_http_methods(["GET", "POST"])
def save_as_program(request, athlete_id, monday):
    """The builder's "Save as program": this week and the next N−1 of this athlete, into a new
    program or over one of the coach's (apply, adjust in the builder, save back)."""
    athlete, monday = _athlete(request, athlete_id), _week_start(monday)
    programs = programs_of(request.user.coach).order_by("name")
    context = {"athlete": athlete, "monday": monday, "programs": programs, "weeks_max": WEEKS_MAX,
               "weeks": "4", "name": "", "into": ""}  # fmt: skip
    if request.method == "GET":
        return render(request, SAVE_WEEKS, context)
    weeks, name, into = (request.POST.get(key, "").strip() for key in ("weeks", "name", "into"))
    context.update(weeks=weeks, name=name, into=into)
    target = None
    if into:
        target = next((p for p in programs if str(p.pk) == into), None)
        if target is None:
            context["field_errors"] = {"into": ["Choose one of your programs, or a new one."]}
            return render(request, SAVE_WEEKS, context, status=422)
    try:
        program = services.save_weeks_as_program(
            coach=request.user.coach, athlete=athlete, first_monday=monday,
            weeks=int(weeks) if weeks.isdigit() else 0, name=name, into=target, request=request,
        )  # fmt: skip
    except ValidationError as error:
        context["field_errors"] = error.message_dict
        return render(request, SAVE_WEEKS, context, status=422)
    last = monday + timedelta(weeks=program.weeks - 1)
    messages.success(
        request,
        f"Saved {athlete.name}’s weeks of {monday:%-d %b} to {last:%-d %b} as “{program.name}”.",
    )
    return redirect("training:program_edit", program_id=program.pk)
