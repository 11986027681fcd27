"""A coach's programs: 1–16 weeks of sessions by week number and weekday, with loads kept as
%1RM, RPE and zones so each athlete's targets come from their own benchmarks once applied.

Imported by training.models (the app's models module) so Django registers them there."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual

from accounts.models import Coach
from hybridpeaks.core.json_validation import validate_document
from training.models import (
    ESTIMATED_MINUTES_ERROR,
    ESTIMATED_MINUTES_MAX,
    ESTIMATED_MINUTES_MIN,
    SessionType,
)

WEEKS_MIN, WEEKS_MAX = 1, 16
WEEKS_ERROR = f"A program has {WEEKS_MIN}–{WEEKS_MAX} weeks."
NAME_MAX, DESCRIPTION_MAX = 100, 2000


class Program(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # CASCADE: a program is the coach's own work, erased with them (plans made from it are
    # copies and stay with their athletes).
    coach = models.ForeignKey(Coach, models.CASCADE, related_name="programs")
    name = models.CharField(max_length=NAME_MAX, validators=[MinLengthValidator(2)])
    description = models.TextField(blank=True, max_length=DESCRIPTION_MAX)
    weeks = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(WEEKS_MIN), MaxValueValidator(WEEKS_MAX)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "training_programs"
        ordering = ["name", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks__range=(WEEKS_MIN, WEEKS_MAX)),
                name="program_weeks_1_16",
                violation_error_message=WEEKS_ERROR,
            ),
            models.CheckConstraint(
                condition=GreaterThanOrEqual(Length("name"), 2),
                name="program_name_min_2",
                violation_error_message="Name is 2–100 characters.",
            ),
        ]
        indexes = [models.Index(fields=["coach", "name"], name="idx_program_coach_name")]

    def __str__(self):
        return self.name


class ProgramSession(models.Model):
    Type = SessionType

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    program = models.ForeignKey(Program, models.CASCADE, related_name="sessions")
    week = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(WEEKS_MIN), MaxValueValidator(WEEKS_MAX)]
    )
    weekday = models.PositiveSmallIntegerField(validators=[MaxValueValidator(6)])
    type = models.CharField(max_length=10, choices=SessionType.choices)
    prescription = models.JSONField()
    focus = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001 (as a session's)
    estimated_duration = models.PositiveSmallIntegerField(null=True, blank=True)
    # The order of a day's sessions, as written (a plan orders its day by creation).
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "training_program_sessions"
        ordering = ["week", "weekday", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(week__range=(WEEKS_MIN, WEEKS_MAX)),
                name="program_session_week_1_16",
                violation_error_message="A program's weeks are numbered 1–16.",
            ),
            models.CheckConstraint(
                condition=Q(weekday__range=(0, 6)),
                name="program_session_weekday_0_6",
                violation_error_message="Weekday is 0 (Monday) to 6 (Sunday).",
            ),
            models.CheckConstraint(
                condition=Q(type__in=SessionType.values),
                name="program_session_type_valid",
                violation_error_message="Session type is strength or endurance.",
            ),
            models.CheckConstraint(
                condition=Q(estimated_duration__isnull=True)
                | Q(estimated_duration__range=(ESTIMATED_MINUTES_MIN, ESTIMATED_MINUTES_MAX)),
                name="program_session_duration_1_300",
                violation_error_message=ESTIMATED_MINUTES_ERROR,
            ),
        ]
        indexes = [models.Index(fields=["program", "week"], name="idx_program_session_week")]

    def __str__(self):
        return f"Week {self.week}, day {self.weekday}: {self.focus or self.type}"

    def clean(self):
        super().clean()
        # The same schemas as a plan's session: a program applied is a plan written.
        if self.type in SessionType.values:
            validate_document(
                self.prescription, schema=f"training:prescription_{self.type}", field="prescription"
            )
        program = self.program if self.program_id else None
        if program and self.week and self.week > program.weeks:
            raise ValidationError({"week": f"This program has {program.weeks} weeks."})
