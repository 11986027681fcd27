"""The coach's exercise catalog: browse and filter it, and manage their own exercises.

A coach sees system exercises, public ones and their own (selectors.exercises_visible_to), but
may change only their own: anything else is a 404 on the edit and delete URLs. The list
filters as you type with htmx and works as a plain GET form without JavaScript; it shows
PAGE_SIZE exercises a page, the filters kept in the page links.
"""

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.models import Coach
from accounts.permissions import coach_required
from hybridpeaks.core.json_validation import schema_validator, searchable
from training import services
from training.catalog_forms import ExerciseForm
from training.models import Exercise, ExerciseCategory
from training.paging import page_of
from training.selectors import catalog

LIST_TEMPLATE = "training/catalog.html"
FORM_TEMPLATE = "training/exercise_form.html"
FORM_FIELDS = ("name", "category", "muscle_groups", "is_public")
MAX_QUERY = 100
PAGE_SIZE = 25
# What a row shows: a page reads these columns only (the creator's name for "Shared by").
ROW_COLUMNS = (
    "name",
    "category",
    "muscle_groups",
    "is_public",
    "created_by_id",
    "created_by__name",
)


def muscle_groups() -> list[str]:
    return schema_validator("training:muscle_groups").schema["items"]["enum"]


def readable(group: str) -> str:
    return group.replace("_", " ")


@dataclass(frozen=True)
class Filters:
    q: str = ""
    category: str = ""
    muscle: str = ""

    @classmethod
    def from_query(cls, params) -> "Filters":
        """Unknown categories or muscle groups (an old link, a hand-typed URL) mean "any"."""
        category = params.get("category", "")
        muscle = params.get("muscle", "")
        return cls(
            q=searchable(params.get("q", "")).strip()[:MAX_QUERY],
            category=category if category in ExerciseCategory.values else "",
            muscle=muscle if muscle in muscle_groups() else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.q or self.category or self.muscle)

    def query(self, page: int) -> str:
        """The query string of a page of these results: the filters set, then the page."""
        fields = {name: value for name, value in asdict(self).items() if value}
        return "?" + urlencode({**fields, "page": page})


@dataclass(frozen=True)
class Row:
    exercise: Exercise
    muscle_groups: str
    ownership: str
    editable: bool


def _ownership(exercise: Exercise, coach: Coach) -> str:
    if exercise.is_system:
        return "System"
    if exercise.created_by_id == coach.pk:
        return "Public (yours)" if exercise.is_public else "Yours"
    return f"Shared by {exercise.created_by.name}"


def _own_exercise(request, pk) -> Exercise:
    """Only the coach's own exercises can be changed: a system or another coach's is a 404."""
    return get_object_or_404(Exercise.objects.filter(created_by=request.user.coach), pk=pk)


@coach_required
@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request):
    coach = request.user.coach
    filters = Filters.from_query(request.GET)
    found = catalog(coach, q=filters.q, category=filters.category, muscle=filters.muscle)
    page = page_of(found.only(*ROW_COLUMNS), request.GET.get("page"), PAGE_SIZE)
    rows = [
        Row(
            exercise=exercise,
            muscle_groups=", ".join(readable(group) for group in exercise.muscle_groups),
            ownership=_ownership(exercise, coach),
            editable=exercise.created_by_id == coach.pk,
        )
        for exercise in page
    ]
    template = LIST_TEMPLATE
    # Boosted links and history restores need the whole page; typing in the filters, the rows.
    if request.htmx and not (request.htmx.boosted or request.htmx.history_restore_request):
        template += "#results"
    context = {
        "rows": rows,
        "page": page,
        "previous_query": filters.query(page.number - 1) if page.has_previous() else None,
        "next_query": filters.query(page.number + 1) if page.has_next() else None,
        "filters": filters,
        "categories": ExerciseCategory.choices,
        "muscle_groups": [(group, readable(group)) for group in muscle_groups()],
    }
    return render(request, template, context)


@coach_required
@require_http_methods(["GET", "POST"])
def exercise_create(request):
    return _form_page(request, Exercise(created_by=request.user.coach))


@coach_required
@require_http_methods(["GET", "POST"])
def exercise_edit(request, pk):
    return _form_page(request, _own_exercise(request, pk))


def _form_page(request, exercise: Exercise):
    creating = exercise._state.adding
    # Validating the form writes what was typed onto the instance; the heading keeps the name.
    stored_name = exercise.name
    if request.method == "GET":
        return _render_form(request, ExerciseForm(instance=exercise), stored_name, creating)
    form = ExerciseForm(request.POST, instance=exercise)
    if form.is_valid():
        try:
            services.save_exercise(
                exercise=exercise,
                coach=request.user.coach,
                fields={name: form.cleaned_data[name] for name in FORM_FIELDS},
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            verb = "added to your catalog" if creating else "saved"
            messages.success(request, f"“{exercise.name}” {verb}.")
            return redirect("training:exercise_list")
    return _render_form(request, form, stored_name, creating, status=422)


def _render_form(request, form, stored_name, creating, *, status=200):
    context = {"form": form, "exercise": form.instance, "name": stored_name, "creating": creating}
    return render(request, FORM_TEMPLATE, context, status=status)


@coach_required
@require_POST
def exercise_delete(request, pk):
    exercise = _own_exercise(request, pk)
    try:
        services.delete_exercise(exercise=exercise, coach=request.user.coach, request=request)
    except services.ExerciseInUse:
        messages.error(
            request,
            f"“{exercise.name}” is used in training plans or benchmarks, so it cannot be "
            "deleted. It stays in your catalog.",
        )
        form = ExerciseForm(instance=exercise)
        return _render_form(request, form, exercise.name, creating=False, status=409)
    messages.success(request, f"“{exercise.name}” deleted.")
    return redirect("training:exercise_list")
