"""Programs in the Django admin (registered from training.admin, the module Django loads)."""

from django.contrib import admin

from hybridpeaks.core.admin_json import ReadableJSONAdmin
from training.programs.models import Program, ProgramSession


class ProgramSessionInline(admin.StackedInline):
    model = ProgramSession
    extra = 0
    formfield_overrides = ReadableJSONAdmin.formfield_overrides
    fields = ["week", "weekday", "order", "type", "focus", "estimated_duration", "prescription"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "coach", "weeks", "updated_at"]
    search_fields = ["name", "coach__name"]
    list_select_related = ["coach"]
    autocomplete_fields = ["coach"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ProgramSessionInline]
