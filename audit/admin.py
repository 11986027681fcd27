from django.contrib import admin

from audit.models import AuditLog
from hybridpeaks.core.admin_json import pretty_json


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the trail is append-only."""

    list_display = ["created_at", "action", "user", "entity_type", "entity_id", "ip_address"]
    list_filter = ["action", "entity_type", "created_at"]
    search_fields = ["user__email", "action", "entity_id"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        "action",
        "user",
        "entity_type",
        "entity_id",
        "readable_metadata",
        "ip_address",
        "user_agent",
    ]
    readonly_fields = fields

    @admin.display(description="Metadata")
    def readable_metadata(self, entry):
        return pretty_json(entry.metadata)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
