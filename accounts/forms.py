"""Account forms: input shape only; services do the writing."""

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordMixin
from django.core.exceptions import ValidationError

from accounts.auth import confirms_password
from accounts.models import User, normalize_email

# "localtime" is the server's own zone file, not a zone anyone lives in.
TIME_ZONE_CHOICES = [
    (zone, zone.replace("_", " "))
    for zone in sorted(zoneinfo.available_timezones() - {"localtime"})
]


class EmailAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, labelled for email (the field keeps the name `username`)."""

    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account. Both are checked "
        "exactly as typed, except that the email may be in any case.",
    }


class SignupForm(SetPasswordMixin, forms.Form):
    """A new account: name, email, password twice, time zone."""

    name = forms.CharField(
        min_length=2, max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        max_length=255, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password1, password2 = SetPasswordMixin.create_password_fields()
    time_zone = forms.ChoiceField(
        choices=TIME_ZONE_CHOICES,
        initial=settings.TIME_ZONE,
        help_text="Decides what “today” means for you.",
    )

    def __init__(self, *args, fixed_email: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # static/js/timezone.js selects this device's zone; a re-shown form keeps the choice.
            self.fields["time_zone"].widget.attrs["data-browser-zone"] = ""
        self.fixed_email = fixed_email
        if fixed_email:
            self.fields["email"].initial = fixed_email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = "This invitation is for this address."

    def clean_email(self):
        email = normalize_email(self.fixed_email or self.cleaned_data["email"])
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                "An account with this email already exists. Sign in instead, or reset the "
                "password if you forgot it."
            )
        return email

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords()
        # Against the would-be user, so "too similar to your email" can be caught.
        self.validate_password_for_user(User(email=cleaned.get("email", "")))
        return cleaned


class TimeZoneForm(forms.Form):
    """A person's own zone: on the account page, and the travel offer's "Switch"."""

    time_zone = forms.ChoiceField(
        choices=TIME_ZONE_CHOICES,
        label="Time zone",
        help_text="Decides what “today” means for you and the clock every time is shown on.",
        error_messages={"invalid_choice": "“%(value)s” is not a time zone we know."},
    )


class ApiTokenForm(forms.Form):
    """A new personal access token: a name to recognise it by, and how long it lives."""

    name = forms.CharField(
        max_length=100,
        label="Token name",
        help_text="What the token is for, e.g. “training export script”.",
    )
    expires = forms.TypedChoiceField(
        choices=[("30", "30 days"), ("90", "90 days"), ("365", "1 year"), ("", "Never")],
        coerce=int,
        empty_value=None,
        required=False,
        initial="90",
        label="Expires after",
        help_text="A token that never expires works until you revoke it.",
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        required=False,
        max_length=255,
        label="Athlete's email (optional)",
        help_text="Leave empty for a link anyone you send it to can use once.",
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        return normalize_email(email) if email else ""


class ConfirmPasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not confirms_password(self.request, self.user, password):
            raise forms.ValidationError("That is not your current password.")
        return password


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's form, with the current password checked as a sign-in attempt (django-axes)."""

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not confirms_password(self.request, self.user, old_password):
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password
