from django.contrib import admin

from hybridpeaks.core.admin_json import ReadableJSONAdmin
from training.models import BenchmarkMetric, Exercise, TrainingPlan, TrainingSession


class CreatorFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("system", "System catalog"), ("coach", "Created by a coach")]

    def queryset(self, request, queryset):
        if self.value() == "system":
            return queryset.filter(created_by__isnull=True)
        if self.value() == "coach":
            return queryset.filter(created_by__isnull=False)
        return queryset


@admin.register(Exercise)
class ExerciseAdmin(ReadableJSONAdmin):
    list_display = ["name", "category", "muscle_group_list", "created_by", "is_public"]
    list_filter = ["category", "is_public", CreatorFilter]
    search_fields = ["name"]
    list_select_related = ["created_by"]
    autocomplete_fields = ["created_by"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="Muscle groups")
    def muscle_group_list(self, exercise):
        return ", ".join(exercise.muscle_groups or [])


class TrainingSessionInline(admin.StackedInline):
    model = TrainingSession
    extra = 0
    formfield_overrides = ReadableJSONAdmin.formfield_overrides
    fields = ["date", "type", "focus", "estimated_duration", "prescription"]


@admin.register(TrainingPlan)
class TrainingPlanAdmin(admin.ModelAdmin):
    list_display = ["athlete", "week_start_date", "status", "version", "coach", "updated_at"]
    list_filter = ["status", "week_start_date", "coach"]
    search_fields = ["athlete__name", "athlete__user__email", "coach__name"]
    list_select_related = ["athlete", "coach"]
    autocomplete_fields = ["athlete", "coach"]
    date_hierarchy = "week_start_date"
    readonly_fields = ["created_at", "updated_at"]
    inlines = [TrainingSessionInline]


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadableJSONAdmin):
    list_display = ["date", "type", "focus", "plan", "estimated_duration"]
    list_filter = ["type", "date"]
    search_fields = ["focus", "plan__athlete__name"]
    list_select_related = ["plan__athlete"]
    autocomplete_fields = ["plan"]
    date_hierarchy = "date"
    readonly_fields = ["created_at", "updated_at"]


@admin.register(BenchmarkMetric)
class BenchmarkMetricAdmin(admin.ModelAdmin):
    list_display = ["athlete", "metric_type", "exercise", "value", "unit", "established_at"]
    list_filter = ["metric_type", "established_at"]
    search_fields = ["athlete__name", "athlete__user__email", "exercise__name"]
    list_select_related = ["athlete", "exercise"]
    autocomplete_fields = ["athlete", "exercise"]
    readonly_fields = ["created_at", "updated_at"]


# Programs and calendar feeds keep their admins beside them; importing registers them.
import training.feeds.admin  # noqa: E402
import training.programs.admin  # noqa: E402, F401
