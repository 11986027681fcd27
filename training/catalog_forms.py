"""The exercise catalog's and the benchmarks' forms.

Forms check the shape of what was typed (numbers are numbers); the ranges live once, in the
JSON Schemas, and their messages are put back beside the field they concern.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from hybridpeaks.core.form_errors import place_constraint_error
from hybridpeaks.core.json_validation import schema_problems, schema_validator
from training.models import BenchmarkMetric, Exercise, MetricType


class ExerciseForm(forms.ModelForm):
    """A coach's own exercise. Muscle groups as checkboxes of the fixed list."""

    muscle_groups = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    aliases = forms.CharField(
        required=False,
        label="Other names",
        help_text="Comma-separated, such as RDL, SLDL: written as text, they name this exercise.",
    )

    class Meta:
        model = Exercise
        fields = ["name", "category", "muscle_groups", "aliases", "is_public"]
        labels = {"is_public": "Share with every coach"}

    def clean_aliases(self) -> list[str]:
        """Typed as "RDL, SLDL"; stored as a list, each name once (the model's schema judges
        each one's length and how many)."""
        typed = [part.strip() for part in self.cleaned_data["aliases"].split(",")]
        aliases = list(dict.fromkeys(part for part in typed if part))
        problems = schema_problems(aliases, schema="training:exercise_aliases")
        if problems:  # each named as typed, not by its place in a list
            raise ValidationError(
                [
                    f"“{aliases[path[0]]}”: {problem}" if path else problem
                    for path, problem in problems
                ]
            )
        return aliases

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.aliases:
            self.initial["aliases"] = ", ".join(self.instance.aliases)
        groups = schema_validator("training:muscle_groups").schema["items"]["enum"]
        self.fields["muscle_groups"].choices = [(g, g.replace("_", " ")) for g in groups]

    def _post_clean(self):
        super()._post_clean()
        place_constraint_error(self, constraint="idx_exercise_name", field="name")


PACE_METRICS = {metric for metric, unit in BenchmarkMetric.UNITS.items() if unit == "s/km"}
# "4:35", "4:35/km", "4:35 /km", "12:05 / km": minutes and two-digit seconds per km.
PACE_PATTERN = re.compile(r"(\d{1,2}):(\d{2})(?:\s*/\s*km)?", re.IGNORECASE)


def parse_pace(text: str) -> Decimal:
    """A pace as a runner writes it ("4:35" or "4:35/km") → seconds per km, as stored."""
    match = PACE_PATTERN.fullmatch(text.strip())
    if not match:
        raise ValidationError(f"Pace: type minutes:seconds per km, such as 4:35 (not “{text}”).")
    minutes, seconds = int(match[1]), int(match[2])
    if seconds > 59:
        raise ValidationError(f"Pace: “{text}” has {seconds} seconds; seconds go up to 59.")
    return Decimal(minutes * 60 + seconds)


class BenchmarkForm(forms.ModelForm):
    """One benchmark; the value is read by its metric: paces as m:ss, the rest as numbers."""

    # Text, not a number field: a pace has a colon. clean() turns it into the stored number.
    value = forms.CharField(
        max_length=12,
        help_text="1RM in kg · FTP in W · heart-rate zone: its upper bound in bpm · "
        "pace: minutes:seconds per km, such as 4:35",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = BenchmarkMetric
        fields = ["metric_type", "exercise", "value", "established_at"]
        labels = {"metric_type": "Benchmark", "established_at": "Date established"}
        help_texts = {"exercise": "Only for a 1RM."}
        widgets = {"established_at": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, exercises, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exercise"].queryset = exercises
        self.fields["metric_type"].choices = MetricType.choices
        # The athlete's own "today": a date picker that stops there (the model checks it too).
        self.fields["established_at"].widget.attrs["max"] = today.isoformat()

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("value")
        if text is None:
            return cleaned
        if cleaned.get("metric_type") in PACE_METRICS:
            parse = parse_pace
        else:
            parse = forms.DecimalField(
                max_digits=8,
                decimal_places=2,
                error_messages={"invalid": "Value: type a number, such as 142.5."},
            ).clean
        try:
            cleaned["value"] = parse(text)
        except ValidationError as error:
            self.add_error("value", error)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        place_constraint_error(self, constraint="benchmark_value_positive", field="value")
