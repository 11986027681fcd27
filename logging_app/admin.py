from django.contrib import admin

from hybridpeaks.core.admin_json import ReadableJSONAdmin
from logging_app.imports.models import ImportBatch, ImportedActivity
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


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadableJSONAdmin):
    """Uploads and what became of each file, to answer "what happened to my import?"; read
    only: a batch is the task's record."""

    list_display = ["athlete", "created_at", "status", "finished_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["athlete__name", "athlete__user__email"]
    list_select_related = ["athlete"]
    readonly_fields = ["athlete", "created_at", "status", "outcomes", "finished_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportedActivity)
class ImportedActivityAdmin(admin.ModelAdmin):
    """Which watch file each log came from; read only (the athlete re-matches or keeps)."""

    list_display = ["log", "athlete", "file_name", "format", "modality", "started_at"]
    list_filter = ["format", "modality", "started_at"]
    search_fields = ["athlete__name", "athlete__user__email", "file_name", "sha256"]
    list_select_related = ["athlete", "log__athlete"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
