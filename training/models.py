"""Exercise catalog, weekly plans, their sessions, and athletes' benchmarks."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone

from accounts.models import Athlete, Coach
from hybridpeaks.core.json_validation import validate_document


class ExerciseCategory(models.TextChoices):
    SQUAT = "squat", "Squat"
    HINGE = "hinge", "Hinge"
    PRESS = "press", "Press"
    PULL = "pull", "Pull"
    ACCESSORY = "accessory", "Accessory"
    CORE = "core", "Core"
    PLYOMETRIC = "plyometric", "Plyometric"


def HAND_TO_CATALOG(collector, field, sub_objs, using):
    """on_delete for an exercise's coach: the exercise outlives them as a system exercise.

    Plans of former athletes and their 1RM benchmarks name it, so it stays: no owner, public
    (a system exercise is public, see `system_exercise_public`). `is_public` is scheduled first
    because the collector runs the updates in order and the constraint is checked per statement.
    """
    collector.add_field_update(field.model._meta.get_field("is_public"), True, sub_objs)
    collector.add_field_update(field, None, sub_objs)


HAND_TO_CATALOG.lazy_sub_objs = True


class Exercise(models.Model):
    Category = ExerciseCategory

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100, validators=[MinLengthValidator(2)])
    category = models.CharField(max_length=20, choices=Category.choices)
    muscle_groups = models.JSONField(help_text='A list such as ["quads", "glutes"].')
    # Other names coaches write for it ("RDL", "OHP"): the text syntax matches them as names.
    aliases = models.JSONField(default=list, blank=True, help_text='A list such as ["RDL"].')
    # Null = a system exercise. A coach's own exercises outlive the coach (HAND_TO_CATALOG).
    created_by = models.ForeignKey(
        Coach, HAND_TO_CATALOG, null=True, blank=True, related_name="exercises"
    )
    is_public = models.BooleanField(default=False, help_text="Visible to every coach.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "exercises"
        ordering = ["name"]
        constraints = [
            # Case-insensitive, so the catalog cannot hold both "Back squat" and "Back Squat".
            models.UniqueConstraint(
                Lower("name"),
                name="idx_exercise_name",
                violation_error_message="An exercise with this name already exists.",
            ),
            models.CheckConstraint(
                condition=GreaterThanOrEqual(Length("name"), 2),
                name="exercise_name_min_2",
                violation_error_message="Name is 2–100 characters.",
            ),
            models.CheckConstraint(
                condition=Q(category__in=ExerciseCategory.values),
                name="exercise_category_valid",
                violation_error_message="Unknown exercise category.",
            ),
            models.CheckConstraint(
                condition=Q(created_by__isnull=False) | Q(is_public=True),
                name="system_exercise_public",
                violation_error_message="System exercises (no creator) are public.",
            ),
        ]
        indexes = [
            models.Index(fields=["category"], name="idx_exercise_category"),
            models.Index(fields=["created_by"], name="idx_exercise_creator"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.muscle_groups is not None:  # None is the required-field check's to report
            validate_document(
                self.muscle_groups, schema="training:muscle_groups", field="muscle_groups"
            )
        validate_document(self.aliases, schema="training:exercise_aliases", field="aliases")

    @property
    def is_system(self) -> bool:
        return self.created_by_id is None


class PlanStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    ARCHIVED = "archived", "Archived"


# The statuses of the plans that count for their week, in the order they stand: of a week
# with both an active and a completed plan, the active one is the week's plan.
STANDING_STATUSES = (PlanStatus.ACTIVE, PlanStatus.COMPLETED)


def standing_rank(status: str) -> int:
    """Sort key of a standing plan's status: the lowest of a week's plans is its plan."""
    return STANDING_STATUSES.index(status)


class PlanQuerySet(models.QuerySet):
    def standing(self):
        """The plans that count for their week: active, or completed once the week has ended.
        Archived plans are history (replaced or withdrawn), never "the" plan of a week."""
        return self.filter(status__in=STANDING_STATUSES)

    def published(self):
        """The plans the athlete may see: a plan is the coach's draft until published."""
        return self.filter(published_filter(""))


def published_filter(path: str = "plan__") -> Q:
    """The one spelling of "published", for plans (`path=""`) or through a relation to a plan
    (`plan__`, from its sessions): every athlete-side read filters by it, the coach's do not."""
    return Q(**{f"{path}published_at__isnull": False})


class TrainingPlan(models.Model):
    Status = PlanStatus

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="plans")
    # SET_NULL: the plan is the athlete's history and outlives a coach who has left.
    coach = models.ForeignKey(Coach, models.SET_NULL, null=True, related_name="plans")
    week_start_date = models.DateField(help_text="The Monday of the training week.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    version = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    # Null while the plan is the coach's draft; athletes see published plans only
    # (docs/decisions.md: once published, later edits are live).
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        db_table = "training_plans"
        ordering = ["-week_start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "week_start_date"],
                condition=Q(status="active"),
                name="one_active_plan_per_athlete_week",
                violation_error_message="This athlete already has an active plan for this week.",
            ),
            models.CheckConstraint(
                condition=Q(week_start_date__iso_week_day=1),
                name="plan_week_starts_monday",
                violation_error_message="A plan's week starts on a Monday.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=PlanStatus.values),
                name="plan_status_valid",
                violation_error_message="Unknown plan status.",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="plan_version_positive",
                violation_error_message="Plan versions start at 1.",
            ),
        ]
        indexes = [
            models.Index(fields=["athlete", "week_start_date"], name="idx_plan_athlete_date"),
            models.Index(fields=["status"], name="idx_plan_status"),
        ]

    def __str__(self):
        return f"{self.athlete} — week of {self.week_start_date:%Y-%m-%d}"

    @property
    def week_end_date(self):
        return self.week_start_date + timedelta(days=6)

    @property
    def is_draft(self) -> bool:
        return self.published_at is None


class SessionType(models.TextChoices):
    STRENGTH = "strength", "Strength"
    ENDURANCE = "endurance", "Endurance"


# A session's estimated length in minutes (the spec's range), for the column, forms and builder.
ESTIMATED_MINUTES_MIN, ESTIMATED_MINUTES_MAX = 1, 300
ESTIMATED_MINUTES_ERROR = (
    f"Estimated duration is {ESTIMATED_MINUTES_MIN}–{ESTIMATED_MINUTES_MAX} minutes."
)


class TrainingSession(models.Model):
    Type = SessionType

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(TrainingPlan, models.CASCADE, related_name="sessions")
    date = models.DateField()
    type = models.CharField(max_length=10, choices=Type.choices)
    prescription = models.JSONField()
    focus = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001 (spec: nullable)
    estimated_duration = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=f"Minutes, {ESTIMATED_MINUTES_MIN}–{ESTIMATED_MINUTES_MAX}.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "training_sessions"
        ordering = ["date", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_duration__isnull=True)
                | Q(estimated_duration__range=(ESTIMATED_MINUTES_MIN, ESTIMATED_MINUTES_MAX)),
                name="session_duration_1_300",
                violation_error_message=ESTIMATED_MINUTES_ERROR,
            ),
            models.CheckConstraint(
                condition=Q(type__in=SessionType.values),
                name="session_type_valid",
                violation_error_message="Session type is strength or endurance.",
            ),
        ]
        indexes = [
            models.Index(fields=["plan"], name="idx_session_plan"),
            models.Index(fields=["date"], name="idx_session_date"),
            models.Index(fields=["plan", "date"], name="idx_session_plan_date"),
        ]

    def __str__(self):
        return f"{self.get_type_display()} on {self.date:%a %Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.type in SessionType.values:
            validate_document(
                self.prescription, schema=f"training:prescription_{self.type}", field="prescription"
            )
            if self.type == SessionType.STRENGTH:
                self._check_rep_ranges()
        plan = self.plan if self.plan_id else None
        if plan and self.date and not plan.week_start_date <= self.date <= plan.week_end_date:
            raise ValidationError({"date": "The session's date must fall in its plan's week."})

    def _check_rep_ranges(self):
        """A rep range goes up (the one rule JSON Schema cannot say: repsMax > reps)."""
        for index, item in enumerate(self.prescription.get("exercises", [])):
            if "repsMax" in item and item["repsMax"] <= item["reps"]:
                raise ValidationError(
                    {"prescription": f"exercises[{index}].repsMax: must be more than reps"}
                )


class MetricType(models.TextChoices):
    ONE_RM = "1RM", "1RM"
    FTP = "FTP", "FTP"
    HR_ZONE_1 = "HR_zone_1", "Heart-rate zone 1"
    HR_ZONE_2 = "HR_zone_2", "Heart-rate zone 2"
    HR_ZONE_3 = "HR_zone_3", "Heart-rate zone 3"
    HR_ZONE_4 = "HR_zone_4", "Heart-rate zone 4"
    HR_ZONE_5 = "HR_zone_5", "Heart-rate zone 5"
    PACE_5K = "pace_5k", "5 km pace"
    PACE_10K = "pace_10k", "10 km pace"
    PACE_HALF_MARATHON = "pace_half_marathon", "Half-marathon pace"


class BenchmarkMetric(models.Model):
    MetricType = MetricType

    # What each metric's value is measured in (docs/decisions.md).
    UNITS = {
        MetricType.ONE_RM: "kg",
        MetricType.FTP: "W",
        **{zone: "bpm" for zone in MetricType if zone.startswith("HR_zone")},
        MetricType.PACE_5K: "s/km",
        MetricType.PACE_10K: "s/km",
        MetricType.PACE_HALF_MARATHON: "s/km",
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    athlete = models.ForeignKey(Athlete, models.CASCADE, related_name="benchmarks")
    metric_type = models.CharField(max_length=20, choices=MetricType.choices)
    value = models.DecimalField(max_digits=8, decimal_places=2)
    unit = models.CharField(max_length=10, blank=True)
    # PROTECT: a 1RM without its exercise means nothing.
    exercise = models.ForeignKey(
        Exercise, models.PROTECT, null=True, blank=True, related_name="benchmarks"
    )
    established_at = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "benchmark_metrics"
        ordering = ["-established_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gt=0),
                name="benchmark_value_positive",
                violation_error_message="A benchmark's value must be greater than 0.",
            ),
            models.CheckConstraint(
                condition=~Q(metric_type="1RM") | Q(exercise__isnull=False),
                name="one_rm_needs_exercise",
                violation_error_message="A 1RM benchmark needs its exercise.",
            ),
            models.CheckConstraint(
                condition=~Q(unit=""),
                name="benchmark_unit_present",
                violation_error_message="A benchmark needs its unit.",
            ),
            models.CheckConstraint(
                condition=Q(metric_type__in=MetricType.values),
                name="benchmark_type_valid",
                violation_error_message="Unknown benchmark type.",
            ),
        ]
        indexes = [
            models.Index(fields=["athlete"], name="idx_metric_athlete"),
            models.Index(fields=["athlete", "metric_type"], name="idx_metric_type"),
        ]

    def __str__(self):
        subject = f"{self.exercise} " if self.exercise_id else ""
        return f"{subject}{self.metric_type} {self.value} {self.unit} ({self.established_at})"

    def clean(self):
        super().clean()
        expected = self.UNITS.get(self.metric_type)
        if expected:
            if self.unit and self.unit != expected:
                raise ValidationError({"unit": f"{self.metric_type} is measured in {expected}."})
            self.unit = expected
        if self.metric_type == self.MetricType.ONE_RM and not self.exercise_id:
            raise ValidationError({"exercise": "A 1RM benchmark needs its exercise."})
        # "The future" starts at the athlete's midnight, wherever the person recording it is.
        zone = self.athlete.user.zoneinfo if self.athlete_id else None
        if self.established_at and self.established_at > timezone.localdate(timezone=zone):
            raise ValidationError({"established_at": "A benchmark cannot be dated in the future."})
        if self.metric_type != self.MetricType.ONE_RM and self.exercise_id:
            raise ValidationError({"exercise": "Only 1RM benchmarks name an exercise."})


# Registered with the app here (programs and feeds keep their own modules: this one is full).
from training.feeds.models import CalendarFeed  # noqa: E402, F401
from training.programs.models import Program, ProgramSession  # noqa: E402, F401
