from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Count
from django.template.response import TemplateResponse

from accounts import services, tokens
from accounts.models import ApiToken, Athlete, Coach, Invitation, User
from accounts.services import reassign_athletes


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "role", "time_zone")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["email"]
    list_display = ["email", "role", "time_zone", "is_staff", "is_active", "created_at"]
    list_filter = ["role", "is_staff", "is_active"]
    search_fields = ["email", "coach__name", "athlete__name"]
    readonly_fields = ["created_at", "updated_at", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password", "role", "time_zone"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "created_at", "updated_at"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "role", "time_zone", "password1", "password2"],
            },
        )
    ]

    # The account page's erasure, not a bare row delete: sessions, sign-in records and the
    # audit trail's personal data go too, whoever deletes the account (docs/security.md).
    def delete_model(self, request, obj):
        services.delete_account(user=obj, by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.delete_account(user=user, by=request.user, request=request)


@admin.register(Coach)
class CoachAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "athlete_count", "created_at"]
    search_fields = ["name", "user__email"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .annotate(athlete_total=Count("athletes"))
        )

    @admin.display(description="Athletes", ordering="athlete_total")
    def athlete_count(self, coach):
        return coach.athlete_total


class HandOverForm(forms.Form):
    to_coach = forms.ModelChoiceField(Coach.objects.order_by("name"), label="New coach")


@admin.register(Athlete)
class AthleteAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "coach", "created_at"]
    list_filter = ["coach"]
    search_fields = ["name", "user__email", "coach__name"]
    list_select_related = ["user", "coach"]
    autocomplete_fields = ["user", "coach"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["hand_over"]

    @admin.action(
        description="Hand selected athletes over to another coach", permissions=["change"]
    )
    def hand_over(self, request, queryset):
        """Reassign athletes (so a departing coach can delete their account), audited."""
        form = HandOverForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            moved = reassign_athletes(
                athletes=queryset,
                to_coach=form.cleaned_data["to_coach"],
                by=request.user,
                request=request,
            )
            self.message_user(
                request, f"{moved} athlete(s) now coached by {form.cleaned_data['to_coach']}."
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Hand athletes over to another coach",
            "athletes": queryset.select_related("coach"),
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/accounts/athlete/hand_over.html", context)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["coach", "email", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["created_at"]
    search_fields = ["coach__name", "email"]
    list_select_related = ["coach"]
    readonly_fields = ["created_at", "accepted_by"]
    autocomplete_fields = ["coach"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only but for revoking: a token is its owner's to make (the secret is shown to
    them once); an admin may revoke one that leaked."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "expires_at"]
    list_display += ["revoked_at"]
    list_filter = ["created_at"]
    search_fields = ["name", "prefix", "user__email"]
    list_select_related = ["user"]
    readonly_fields = [field.name for field in ApiToken._meta.fields if field.name != "key_hash"]
    exclude = ["key_hash"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at=None).select_related("user"):
            tokens.revoke_token(token=token, by=request.user, request=request)
