from django.contrib import admin

from hybridpeaks.core.admin_json import ReadableJSONAdmin
from insights.models import AIWeeklySummary


@admin.register(AIWeeklySummary)
class AIWeeklySummaryAdmin(ReadableJSONAdmin):
    list_display = ["athlete", "week_end_date", "adherence_rate", "generated_at"]
    list_filter = ["week_end_date", "generated_at"]
    search_fields = ["athlete__name", "athlete__user__email"]
    list_select_related = ["athlete"]
    autocomplete_fields = ["athlete", "plan"]
    date_hierarchy = "week_end_date"
    readonly_fields = ["created_at"]
