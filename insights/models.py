"""The weekly analysis stored per athlete and week."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from accounts.models import Athlete
from hybridpeaks.core.json_validation import validate_document
from training.models import TrainingPlan

DISCLAIMER = (
    "This summary is generated from your logged training and is not medical advice. "
    "Talk to your coach or a clinician about pain, illness or injury."
)


class AIWeeklySummary(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="weekly_summaries")
    # SET_NULL: the analysis of a week stays readable if its plan is ever removed.
    plan = models.ForeignKey(
        TrainingPlan, models.SET_NULL, null=True, blank=True, related_name="summaries"
    )
    week_end_date = models.DateField(help_text="The Sunday that ends the week.")
    adherence_rate = models.DecimalField(max_digits=4, decimal_places=3)
    total_volume = models.JSONField()
    fatigue_analysis = models.TextField()
    # blank=True: an empty list is a valid week ("nothing stands out"); the schemas judge the rest.
    patterns = models.JSONField(default=list, blank=True)
    suggestions = models.JSONField(default=list, blank=True)
    disclaimer = models.TextField(default=DISCLAIMER)
    generated_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "ai_weekly_summaries"
        verbose_name = "weekly summary"
        verbose_name_plural = "weekly summaries"
        ordering = ["-week_end_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "week_end_date"],
                name="idx_summary_athlete_week",
                violation_error_message="This athlete already has a summary for this week.",
            ),
            models.CheckConstraint(
                condition=Q(adherence_rate__range=(0, 1)),
                name="summary_adherence_0_1",
                violation_error_message="Adherence is between 0 and 1.",
            ),
            models.CheckConstraint(
                condition=Q(week_end_date__iso_week_day=7),
                name="summary_week_ends_sunday",
                violation_error_message="A summary's week ends on a Sunday.",
            ),
        ]
        indexes = [models.Index(fields=["generated_at"], name="idx_summary_generated")]

    def __str__(self):
        return f"{self.athlete} — week ending {self.week_end_date:%Y-%m-%d}"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("total_volume", "patterns", "suggestions"):
            try:
                validate_document(getattr(self, field), schema=f"insights:{field}", field=field)
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
