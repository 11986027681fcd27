"""The session editor behind the plan builder: its forms, row operations and saving.

A strength session's exercises are a formset. Adding (from the catalog search), removing and
reordering rows post the whole form back with an `op`; the editor applies the operation to
what was typed and renders it again, so nothing typed is lost and no state lives on the
server between requests.

The editor renders in the slot of its day, and names the control that gets the focus after
each render (`autofocus`, which browsers and htmx honour): the first field when it opens, the
search box after adding, the moved row's button after a move, the first field in error after
a refused save. A coach on a phone keeps working where they tapped.
"""

import uuid
from dataclasses import replace
from datetime import timedelta
from functools import cached_property

from django.core.exceptions import ValidationError
from django.urls import reverse

from hybridpeaks.core.json_validation import searchable
from training import services
from training.builder import estimated_minutes
from training.forms import (
    ROW_FIELDS,
    EnduranceForm,
    ExerciseRowFormSet,
    ExerciseRows,
    SessionFieldsForm,
    place_schema_problems,
)
from training.models import SessionType
from training.prescription import Prescription
from training.selectors import exercises_visible_to

MAX_ROWS = 30
ROW_PREFIX = "ex"
SEARCH_RESULTS = 12
NEW_ENDURANCE = {
    "modality": "run",
    "duration_value": 45,
    "duration_unit": "minutes",
    "distance_unit": "km",
    "intensity_type": "heart_rate_zone",
    "zone": 2,
}
NEW_ROW = {"sets": 3, "reps": 8, "intensity_type": "rpe", "intensity_value": 7, "rest_seconds": 120}


class SessionEditor:
    def __init__(self, request, *, plan, session_type, session=None):
        self.request = request
        self.plan = plan
        self.session = session
        self.type = session_type
        self.coach = request.user.coach
        self.catalog = exercises_visible_to(self.coach)
        data = request.POST if request.method == "POST" else None
        self.operation = (data or {}).get("op", "")
        self.query = searchable(data.get("q", "") if data else "").strip()
        week_days = [plan.week_start_date + timedelta(days=i) for i in range(7)]
        self.session_form = SessionFieldsForm(
            data if data and not self.operation else None,
            initial=self._session_initial(data),
            week_days=week_days,
            session_type=self.type,
        )
        self.rows = self.endurance_form = None
        if self.type == SessionType.STRENGTH:
            self.rows = self._rows(data)
        else:
            self.endurance_form = EnduranceForm(
                data if data and not self.operation else None, initial=self._endurance_initial(data)
            )
            if self._stored_steps():
                self.endurance_form.derive_from_steps()
        self.results = self._search() if self.operation == "search" or self.query else []
        self.opened = request.method == "GET"

    # Building the forms

    def _session_initial(self, data):
        if data:
            return {name: data.get(name) for name in ("date", "focus", "estimated_duration")}
        if self.session:
            return {
                "date": self.session.date.isoformat(),
                "focus": self.session.focus,
                "estimated_duration": self.session.estimated_duration,
            }
        minutes = 60 if self.type == SessionType.STRENGTH else 45
        day = self.request.GET.get("date", self.plan.week_start_date.isoformat())
        return {"date": day, "estimated_duration": minutes}

    def _endurance_initial(self, data):
        if data:
            return {name: data.get(name) for name in EnduranceForm.base_fields}
        if self.session:
            return EnduranceForm.initial_from(self._stored_plan())
        return NEW_ENDURANCE

    def _typed_rows(self, data) -> list[dict]:
        """The rows as typed (unvalidated), for re-rendering after an operation."""
        try:
            count = min(int(data.get(f"{ROW_PREFIX}-TOTAL_FORMS", 0)), MAX_ROWS)
        except ValueError:
            count = 0
        return [
            {field: data.get(f"{ROW_PREFIX}-{i}-{field}", "") for field in ROW_FIELDS}
            for i in range(count)
        ]

    def _stored_plan(self):
        """The session's stored prescription, typed (training.prescription)."""
        return Prescription.of(self.type, self.session.prescription)

    def _stored_steps(self) -> tuple:
        """The stored session's interval steps (none for a new or strength session)."""
        if self.session is None or self.type != SessionType.ENDURANCE:
            return ()
        return self._stored_plan().steps

    def _rows(self, data):
        if data and not self.operation:
            rows = ExerciseRowFormSet(data, prefix=ROW_PREFIX)
        else:
            if data:
                typed = self._typed_rows(data)
            else:
                typed = ExerciseRows.initial_from(self._stored_plan()) if self.session else []
            rows = ExerciseRowFormSet(initial=self._apply(typed), prefix=ROW_PREFIX)
        ids = [
            str(f.initial.get("exercise") or f.data.get(f"{f.prefix}-exercise", "")) for f in rows
        ]
        names = dict(
            self.catalog.filter(pk__in=[i for i in ids if _is_uuid(i)]).values_list("pk", "name")
        )
        self.row_names = [names.get(_as_uuid(i), "Unknown exercise") for i in ids]
        return rows

    def _apply(self, rows: list[dict]) -> list[dict]:
        """Apply the posted row operation: add:<exercise id>, remove:<i>, up:<i>, down:<i>."""
        name, _, argument = self.operation.partition(":")
        if name == "add" and _is_uuid(argument) and len(rows) < MAX_ROWS:
            if self.catalog.filter(pk=argument).exists():
                rows.append({"exercise": argument, **NEW_ROW})
                self.query = ""
        elif name in {"remove", "up", "down"} and argument.isdigit():
            i = int(argument)
            if i < len(rows):
                if name == "remove":
                    rows.pop(i)
                elif name == "up" and i > 0:
                    rows[i - 1], rows[i] = rows[i], rows[i - 1]
                elif name == "down" and i < len(rows) - 1:
                    rows[i + 1], rows[i] = rows[i], rows[i + 1]
        return rows

    def _search(self):
        matches = self.catalog.order_by("name")
        if self.query:
            matches = matches.filter(name__icontains=self.query)
        return list(matches.values("pk", "name", "category")[:SEARCH_RESULTS])

    @property
    def action_url(self) -> str:
        if self.session:
            return reverse("training:edit_session", args=[self.session.pk])
        url = reverse("training:new_session", args=[self.plan.pk])
        return f"{url}?type={self.type}"

    # Where the editor sits and what it focuses

    @property
    def day(self):
        """The day whose slot shows the editor: the chosen one, else the week's Monday."""
        form = self.session_form
        return form.week_days.get(str(form["date"].value())) or self.plan.week_start_date

    @property
    def rows_with_names(self):
        """(row form, exercise name, which of its move buttons takes the focus, if any)."""
        if self.rows is None:
            return []
        moved = self._moved_row()
        count = len(self.rows.forms)
        focus = [None] * count
        if moved is not None:
            index, direction = moved
            at_end = index == 0 if direction == "up" else index == count - 1
            focus[index] = {"up": "down", "down": "up"}[direction] if at_end else direction
        return list(zip(self.rows.forms, self.row_names, focus, strict=True))

    def _moved_row(self) -> tuple[int, str] | None:
        """Where the row an up/down operation moved now stands, and the direction."""
        name, _, argument = self.operation.partition(":")
        if self.rows is None or name not in {"up", "down"} or not argument.isdigit():
            return None
        index = int(argument) + (-1 if name == "up" else 1)
        return (index, name) if 0 <= index < len(self.rows.forms) else None

    @cached_property
    def focus(self) -> str:
        """Which control takes the focus: "row" (a moved row's button, see rows_with_names),
        "field" (`autofocus` put on a form field: the first in error, in page order, or the
        endurance editor's first), or "search" (the strength editor's search box). The page
        asks once, before rendering any field."""
        if self._moved_row():
            return "row"
        forms = self.rows.forms if self.rows is not None else [self.endurance_form]
        for form in [*forms, self.session_form]:
            for field in form.visible_fields():
                if field.errors:
                    field.field.widget.attrs["autofocus"] = True
                    return "field"
        if self.type == SessionType.STRENGTH:
            return "search"
        self.endurance_form.fields["modality"].widget.attrs["autofocus"] = True
        return "field"

    # Validating and saving

    def is_valid(self) -> bool:
        valid = self.session_form.is_valid()
        if self.type == SessionType.STRENGTH:
            if not self.rows.is_valid():
                return False
            if not self.rows.forms:
                self.session_form.add_error(None, "Add at least one exercise.")
                return False
            chosen = [form.cleaned_data["exercise"] for form in self.rows.forms]
            allowed = set(self.catalog.filter(pk__in=chosen).values_list("pk", flat=True))
            for form in self.rows.forms:
                if form.cleaned_data["exercise"] not in allowed:
                    form.add_error(None, "This exercise is not in your catalog.")
                    valid = False
            if not valid:
                return False
            self.prescription = self.rows.prescription().to_json()
            return place_schema_problems(self.prescription, self.type, rows=self.rows)
        if not self.endurance_form.is_valid() or not valid:
            return False
        typed = self.endurance_form.prescription()
        if "intervals" not in self.request.POST and self._stored_steps():
            # A post without the Intervals field (an older page) keeps the stored steps.
            typed = replace(typed, steps=self._stored_steps())
        self.prescription = typed.to_json()
        return place_schema_problems(
            self.prescription, self.type, endurance_form=self.endurance_form
        )

    def add_error(self, error: ValidationError):
        self.session_form.add_error(None, error.messages)

    def save(self, *, version: int):
        fields = {**self.session_form.session_fields(), "prescription": self.prescription}
        if self.type == SessionType.ENDURANCE:
            fields["estimated_duration"] = estimated_minutes(self.prescription)
        if self.session:
            return services.update_session(
                session=self.session,
                version=version,
                by=self.request.user,
                fields=fields,
                request=self.request,
            )
        return services.add_session(
            plan=self.plan, version=version, by=self.request.user,
            fields={**fields, "type": self.type}, request=self.request,
        )  # fmt: skip


def _is_uuid(value) -> bool:
    return _as_uuid(value) is not None


def _as_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
