"""Calendar URLs in the Django admin (registered from training.admin): who has one, since
when, and an action to turn leaked ones off. The secret is never stored, so never shown."""

from django.contrib import admin, messages

from training.feeds import secrets
from training.feeds.models import CalendarFeed


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    fields = readonly_fields = ["user", "created_at", "revoked_at"]
    actions = ["turn_off"]

    def has_add_permission(self, request):
        return False  # made by their owner, on /calendar/

    @admin.action(description="Turn the selected calendar URLs off")
    def turn_off(self, request, queryset):
        live = queryset.filter(revoked_at__isnull=True).select_related("user")
        users = {feed.user for feed in live}
        for user in users:
            secrets.revoke_feed(user=user, by=request.user, request=request)
        self.message_user(request, f"{len(users)} calendar URL(s) turned off.", messages.SUCCESS)
