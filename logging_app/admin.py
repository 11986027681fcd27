from django.contrib import admin

from hybridpeaks.core.admin_json import ReadableJSONAdmin
from logging_app.models import WorkoutLog


@admin.register(WorkoutLog)
class WorkoutLogAdmin(ReadableJSONAdmin):
    list_display = ["athlete", "completed_at", "session", "rpe", "sync_status"]
    list_filter = ["sync_status", "rpe", "completed_at"]
    search_fields = ["athlete__name", "athlete__user__email", "notes"]
    list_select_related = ["athlete", "session"]
    autocomplete_fields = ["athlete", "session"]
    date_hierarchy = "completed_at"
    readonly_fields = ["created_at", "updated_at"]
