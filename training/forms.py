"""The plan builder's forms (a session's fields, its exercise rows, its endurance block); the
catalog's and benchmarks' are in training/catalog_forms.py.

Forms check the shape of what was typed (numbers are numbers); the ranges live once, in the
JSON Schemas, and their messages are put back beside the field they concern.
"""

from django import forms
from django.core.exceptions import ValidationError

from hybridpeaks.core.json_validation import json_path, schema_problems, schema_validator
from training.models import (
    ESTIMATED_MINUTES_ERROR,
    ESTIMATED_MINUTES_MAX,
    ESTIMATED_MINUTES_MIN,
    SessionType,
)
from training.prescription import (
    Amount,
    EndurancePrescription,
    Intensity,
    StrengthItem,
    StrengthPrescription,
)
from training.text import parse_steps, write_steps

INTENSITY_CHOICES = [("percent_1rm", "% 1RM"), ("rpe", "RPE")]
MODALITY_CHOICES = [("run", "Run"), ("bike", "Bike"), ("row", "Row"), ("swim", "Swim")]
ENDURANCE_INTENSITY_CHOICES = [
    ("heart_rate_zone", "Heart rate"),
    ("ftp_percent", "% FTP"),
    ("pace_zone", "Pace"),
]


class SessionFieldsForm(forms.Form):
    """What every session has: its day, focus and expected length.

    An endurance session's length is its prescribed duration (builder.estimated_minutes), so
    its editor has no second minutes field that could disagree with the duration."""

    date = forms.TypedChoiceField(coerce=lambda value: value, label="Day")
    focus = forms.CharField(max_length=200, required=False)
    estimated_duration = forms.IntegerField(
        required=False,
        label="Estimated minutes",
        widget=forms.NumberInput(
            attrs={"min": ESTIMATED_MINUTES_MIN, "max": ESTIMATED_MINUTES_MAX}
        ),
    )

    def __init__(self, *args, week_days, session_type=SessionType.STRENGTH, **kwargs):
        super().__init__(*args, **kwargs)
        if session_type == SessionType.ENDURANCE:
            del self.fields["estimated_duration"]
        self.week_days = {day.isoformat(): day for day in week_days}
        self.fields["date"].choices = [
            (key, f"{day:%A %d %b}") for key, day in self.week_days.items()
        ]

    def clean_date(self):
        return self.week_days[self.cleaned_data["date"]]

    def clean_estimated_duration(self):
        minutes = self.cleaned_data["estimated_duration"]
        if minutes is not None and not ESTIMATED_MINUTES_MIN <= minutes <= ESTIMATED_MINUTES_MAX:
            raise ValidationError(ESTIMATED_MINUTES_ERROR)
        return minutes

    def session_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "focus": data["focus"] or None,
            "estimated_duration": data.get("estimated_duration"),
        }


class ExerciseRowForm(forms.Form):
    exercise = forms.UUIDField(widget=forms.HiddenInput)
    sets = forms.IntegerField()
    reps = forms.IntegerField()
    reps_max = forms.IntegerField(required=False, label="To reps", help_text="for a range")
    intensity_type = forms.ChoiceField(choices=INTENSITY_CHOICES, label="Intensity")
    intensity_value = forms.DecimalField(label="Value", max_digits=5, decimal_places=1)
    rest_seconds = forms.IntegerField(required=False, label="Rest (s)")
    tempo = forms.CharField(
        required=False, max_length=4, widget=forms.TextInput(attrs={"placeholder": "e.g. 3010"})
    )

    # JSON key of the prescription → form field, for putting schema messages in place.
    SCHEMA_FIELDS = {
        "exerciseId": "exercise",
        "sets": "sets",
        "reps": "reps",
        "repsMax": "reps_max",
        "restSeconds": "rest_seconds",
        "tempo": "tempo",
        ("intensity", "type"): "intensity_type",
        ("intensity", "value"): "intensity_value",
    }

    def clean(self):
        data = super().clean()
        low, high = data.get("reps"), data.get("reps_max")
        if low is not None and high is not None and high <= low:
            self.add_error("reps_max", f"A rep range goes up: more than {low}, or leave it blank.")
        return data

    def item(self) -> StrengthItem:
        data = self.cleaned_data
        return StrengthItem(
            exercise_id=str(data["exercise"]),
            sets=data["sets"],
            reps=data["reps"],
            reps_max=data.get("reps_max"),
            intensity=Intensity(data["intensity_type"], float(data["intensity_value"])),
            rest_seconds=data.get("rest_seconds"),
            tempo=data.get("tempo") or None,
        )

    @staticmethod
    def initial_from(item: StrengthItem) -> dict:
        """A stored item as the row's initial values (item() reads them back)."""
        return {
            "exercise": item.exercise_id,
            "sets": item.sets,
            "reps": item.reps,
            "reps_max": item.reps_max,
            "intensity_type": item.intensity.type,
            "intensity_value": item.intensity.value,
            "rest_seconds": item.rest_seconds,
            "tempo": item.tempo or "",
        }


class ExerciseRows(forms.BaseFormSet):
    """A session's exercise rows: at most as many as the prescription schema allows, said
    above the rows (the schema's own message has no row to sit beside)."""

    def clean(self):
        schema = schema_validator("training:prescription_strength").schema
        limit = schema["properties"]["exercises"]["maxItems"]
        if self.total_form_count() > limit:
            raise ValidationError(f"A session has at most {limit} exercises.")

    def prescription(self) -> StrengthPrescription:
        """The valid rows as a prescription, in their order."""
        return StrengthPrescription(tuple(form.item() for form in self.forms))

    @staticmethod
    def initial_from(plan: StrengthPrescription) -> list[dict]:
        return [ExerciseRowForm.initial_from(item) for item in plan.items]


ExerciseRowFormSet = forms.formset_factory(ExerciseRowForm, formset=ExerciseRows, extra=0)
ROW_FIELDS = list(ExerciseRowForm.base_fields)


class EnduranceForm(forms.Form):
    modality = forms.ChoiceField(choices=MODALITY_CHOICES)
    duration_value = forms.DecimalField(label="Duration", max_digits=6, decimal_places=1)
    duration_unit = forms.ChoiceField(
        choices=[("minutes", "minutes"), ("hours", "hours")], label="Duration unit"
    )
    distance_value = forms.DecimalField(
        required=False,
        label="Distance",
        max_digits=7,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"placeholder": "optional"}),
    )
    distance_unit = forms.ChoiceField(
        choices=[("km", "km"), ("miles", "miles"), ("meters", "meters")], label="Distance unit"
    )
    intensity_type = forms.ChoiceField(choices=ENDURANCE_INTENSITY_CHOICES, label="Intensity")
    zone = forms.IntegerField(
        required=False, label="Zone (1–5)", widget=forms.NumberInput(attrs={"min": 1, "max": 5})
    )
    ftp_percent = forms.DecimalField(
        required=False,
        label="% FTP",
        max_digits=5,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"placeholder": "e.g. 88"}),
    )

    # Interval steps in the text syntax (training.text, docs/text-syntax.md); blank: none.
    intervals = forms.CharField(
        required=False,
        max_length=2000,
        label="Intervals",
        help_text="Optional. Steps separated by commas, repeats as 5x(…): "
        "15min Z1, 5x(3min 105% FTP, 2min Z1), 10min Z1",
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and self.data.get("intervals", "").strip():
            self.derive_from_steps()  # steps typed: duration and intensity may come from them

    def clean_intervals(self) -> tuple:
        """The typed steps, read by the text parser: every error with its column and word."""
        steps, errors = parse_steps(self.cleaned_data["intervals"])
        if errors:
            raise ValidationError([f"Column {e.column}, {e.what}" for e in errors])
        return EndurancePrescription.from_json({"steps": steps or []}).steps

    # Which field holds the amount of each intensity type. The page may show all of them
    # (the stylesheet hides the others); what was typed in another type's field is ignored.
    INTENSITY_FIELDS = {
        "heart_rate_zone": "zone",
        "pace_zone": "zone",
        "ftp_percent": "ftp_percent",
    }

    SCHEMA_FIELDS = {
        "modality": "modality",
        ("duration", "value"): "duration_value",
        ("duration", "unit"): "duration_unit",
        ("distance", "value"): "distance_value",
        ("distance", "unit"): "distance_unit",
        ("intensity", "type"): "intensity_type",
        ("intensity", "zone"): "zone",
        ("intensity", "value"): "ftp_percent",
    }

    def clean(self):
        chosen = self.INTENSITY_FIELDS.get(self.cleaned_data.get("intensity_type"))
        for name in set(self.INTENSITY_FIELDS.values()) - {chosen}:
            self.errors.pop(name, None)
            self.cleaned_data.pop(name, None)
        return self.cleaned_data

    def derive_from_steps(self):
        """For a session with interval steps: its duration and intensity may be left to the
        steps (the schema derives them), so both become optional, the intensity with a
        "From the steps" choice. The steps themselves are kept by the editor (issue 13)."""
        self.fields["duration_value"].required = False
        intensity = self.fields["intensity_type"]
        intensity.required = False
        intensity.choices = [("", "From the steps"), *ENDURANCE_INTENSITY_CHOICES]

    def prescription(self) -> EndurancePrescription:
        """What was typed as a prescription; only the chosen intensity's amount counts.
        A blank duration or intensity (allowed by derive_from_steps only) is left out."""
        data = self.cleaned_data
        kind = data.get("intensity_type") or None
        amount = data.get(self.INTENSITY_FIELDS[kind]) if kind else None
        duration = data.get("duration_value")
        distance = data.get("distance_value")
        return EndurancePrescription(
            modality=data["modality"],
            duration=None if duration is None else Amount(float(duration), data["duration_unit"]),
            intensity=Intensity()
            if kind is None
            else Intensity(
                kind,
                value=float(amount) if kind == "ftp_percent" and amount is not None else None,
                zone=amount if kind != "ftp_percent" else None,
            ),
            distance=None if distance is None else Amount(float(distance), data["distance_unit"]),
            steps=data.get("intervals") or (),
        )

    @staticmethod
    def initial_from(plan: EndurancePrescription) -> dict:
        """A stored prescription as the form's initial values (prescription() reads them back)."""
        duration = plan.duration or Amount(None, None)
        return {
            "modality": plan.modality,
            "duration_value": duration.value,
            "duration_unit": duration.unit or "minutes",
            "distance_value": plan.distance.value if plan.distance else None,
            "distance_unit": plan.distance_unit,
            "intensity_type": plan.intensity.type,
            "zone": plan.intensity.zone,
            "ftp_percent": plan.intensity.value,
            "intervals": write_steps(plan.steps) if plan.steps else "",
        }


def place_schema_problems(prescription, session_type, *, endurance_form=None, rows=None) -> bool:
    """Validate a built prescription against its schema and attach each message to the form
    field it concerns (a row's field for strength). Returns True when there were none."""
    problems = schema_problems(prescription, schema=f"training:prescription_{session_type}")
    for path, message in problems:
        if session_type == SessionType.STRENGTH and len(path) >= 3 and path[0] == "exercises":
            form, key = rows.forms[path[1]], tuple(path[2:]) if len(path) > 3 else path[2]
            target = ExerciseRowForm.SCHEMA_FIELDS.get(key)
        else:
            form, key = endurance_form, tuple(path) if len(path) > 1 else (path[0] if path else "")
            target = EnduranceForm.SCHEMA_FIELDS.get(key)
        if form is None:
            continue
        form.add_error(target, message if target else f"{json_path(path)}: {message}")
    return not problems
