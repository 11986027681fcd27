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
    # The kind of each pattern, in the same order (safety, fatigue, progression, info): the
    # roster labels a summary's flags by severity. Summaries written before it have [].
    pattern_kinds = models.JSONField(default=list, blank=True)
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
        for field in ("total_volume", "patterns", "suggestions", "pattern_kinds"):
            try:
                validate_document(getattr(self, field), schema=f"insights:{field}", field=field)
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)


class RosterLine(models.Model):
    """One athlete's figures on their coach's roster (completion over 7, 30 and 90 days, the
    last log, the last hard session, next week's plan), kept so a roster of a hundred athletes
    reads a hundred small rows instead of thousands of sessions and logs on every visit.

    Not a cache that can go stale: every write that changes an athlete's plans, sessions or
    logs raises `version` in the same transaction (insights/roster_lines.py connects the
    signals), and figures count only while `computed_version == version` and `as_of` is the
    reader's today (the windows move at midnight). A reader that computed figures stores them
    only if the version it read is still current, so a write that commits meanwhile wins.
    """

    athlete = models.OneToOneField(
        Athlete, models.CASCADE, primary_key=True, related_name="roster_line"
    )
    version = models.PositiveIntegerField(default=0)
    computed_version = models.PositiveIntegerField(null=True, blank=True)
    as_of = models.DateField(null=True, blank=True)
    # Derived, never typed by anyone: {"windows": {"7": [planned, done, planned minutes,
    # done minutes], "30": …, "90": …, "prior30": …}, "lastLogAt": ISO time or null,
    # "hardLogAt": …, "nextWeekPlanned": bool} (insights/roster_lines.py writes it).
    figures = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "roster_lines"

    def __str__(self):
        return f"Roster line of {self.athlete_id}"
