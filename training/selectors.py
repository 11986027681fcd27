"""Reads for the coach's and athlete's pages, scoped by accounts.permissions and eager-loaded
so templates never query."""

from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q

from accounts.models import Coach
from training.models import BenchmarkMetric, Exercise, TrainingPlan, TrainingSession


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def exercises_visible_to(coach: Coach):
    """The catalog a coach may use: system exercises, public ones, and their own."""
    return Exercise.objects.filter(
        Q(created_by__isnull=True) | Q(is_public=True) | Q(created_by=coach)
    )


def catalog(coach: Coach, *, q="", category="", muscle=""):
    """The coach's visible catalog, filtered by name, category and muscle group."""
    exercises = exercises_visible_to(coach).select_related("created_by").order_by("name")
    if q:
        exercises = exercises.filter(name__icontains=q)
    if category:
        exercises = exercises.filter(category=category)
    if muscle:
        # JSON `contains` is not supported on SQLite; a quoted substring of the stored JSON text
        # works on both databases, and the quotes keep "abs" from matching inside another name.
        exercises = exercises.filter(muscle_groups__icontains=f'"{muscle}"')
    return exercises


def week_plan(athlete, week_start: date) -> TrainingPlan | None:
    """The plan of an athlete's week with its sessions: the active one, else the completed
    one (a week that has ended), else None. Archived plans are history, never "the" plan.

    Each session carries `log_count`, so the builder shows what was done without a query per
    session. Logs are counted through the reverse relation: logging_app stands to our right."""
    return (
        TrainingPlan.objects.standing()
        .filter(athlete=athlete, week_start_date=week_start)
        .prefetch_related(
            Prefetch(
                "sessions",
                TrainingSession.objects.annotate(log_count=Count("logs")).order_by(
                    "date", "created_at"
                ),
            )
        )
        .order_by("status")  # "active" sorts before "completed"
        .first()
    )


def benchmarks_of(athlete):
    """An athlete's benchmark history, newest first, with exercises."""
    return BenchmarkMetric.objects.filter(athlete=athlete).select_related("exercise")
