"""Sign-up, sign-in, invitations and the account page. Views parse, call a service, render."""

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import audit
from accounts import services, tokens
from accounts.auth import PROFILE_BACKEND
from accounts.export import export_personal_data
from accounts.forms import (
    ApiTokenForm,
    ConfirmPasswordForm,
    EmailAuthenticationForm,
    InvitationForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TimeZoneForm,
)
from accounts.invitations import InvitationUnusable, invitation_from_token, token_for
from accounts.permissions import coach_required, is_athlete, is_coach


@require_GET
def home(request):
    """Where a signed-in person starts: coaches on their roster, athletes on today."""
    if is_coach(request.user):
        return redirect("training:roster")
    if is_athlete(request.user):
        return redirect("logging_app:today")
    if request.user.is_authenticated and request.user.is_staff:
        return redirect("admin:index")
    if request.user.is_authenticated:
        return render(request, "accounts/no_profile.html")
    return redirect("accounts:login")


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


@require_POST
def sign_out(request):
    """Sign out, and have the browser forget this person's pages and outbox.

    On a shared phone the next person must not see them: Clear-Site-Data empties the caches
    (the service worker's kept pages) and storage (the IndexedDB outbox). outbox.js sends the
    outbox first and asks before a log that could not be sent is lost.
    """
    logout(request)
    messages.info(request, "You are signed out.")
    # An invitation opened while signed in sends the person back to it once signed out.
    response = redirect(_local_next(request, default=reverse("accounts:login")))
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def _local_next(request, *, default: str) -> str:
    """The posted `next` when it is a path on this site (no open redirect), else `default`.

    Only a path: redirect() would read a bare word such as "nan" as a view name.
    """
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_http_methods(["GET", "POST"])
def signup(request):
    """A coach opens an account; athletes join through a coach's invitation instead."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coach = services.register_coach(
            name=data["name"],
            email=data["email"],
            password=data["password1"],
            time_zone=data["time_zone"],
            request=request,
        )
        login(request, coach.user, backend=PROFILE_BACKEND)
        messages.success(request, f"Welcome, {coach.name}. Invite your first athlete below.")
        return redirect("training:roster")
    return render(
        request, "accounts/signup.html", {"form": form}, status=422 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = invitation_from_token(token)
    except InvitationUnusable as unusable:
        return render(
            request, "accounts/invitation_unusable.html", {"reason": unusable.reason}, status=410
        )
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_signed_in.html", {"invitation": invitation})
    form = SignupForm(request.POST or None, fixed_email=invitation.email or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            athlete = services.accept_invitation(
                token=token,
                name=data["name"],
                email=data["email"],
                password=data["password1"],
                time_zone=data["time_zone"],
                request=request,
            )
        except InvitationUnusable as unusable:
            return render(
                request,
                "accounts/invitation_unusable.html",
                {"reason": unusable.reason},
                status=410,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, athlete.user, backend=PROFILE_BACKEND)
            messages.success(
                request, f"Welcome, {athlete.name}. {invitation.coach.name} is your coach."
            )
            return redirect("logging_app:today")
    context = {"form": form, "invitation": invitation}
    return render(
        request, "accounts/accept_invitation.html", context, status=422 if form.errors else 200
    )


@coach_required
@require_http_methods(["GET", "POST"])
def invitations(request):
    coach = request.user.coach
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.create_invitation(
            coach=coach, email=form.cleaned_data["email"], request=request
        )
        link = request.build_absolute_uri(
            reverse("accounts:accept_invitation", args=[token_for(invitation)])
        )
        messages.success(request, "Invitation created. Send this link to your athlete:")
        request.session["new_invitation_link"] = link
        return redirect("accounts:invitations")
    now = timezone.now()
    listed = [
        (invitation, invitation.status(now))
        for invitation in coach.invitations.select_related("accepted_by__athlete")
    ]
    context = {
        "form": form,
        "invitations": listed,
        "new_link": request.session.pop("new_invitation_link", None),
    }
    return render(request, "accounts/invitations.html", context, status=422 if form.errors else 200)


@coach_required
@require_POST
def revoke_invitation(request, pk):
    invitation = get_object_or_404(request.user.coach.invitations, pk=pk)
    services.revoke_invitation(invitation=invitation, request=request)
    messages.success(request, "Invitation revoked: its link no longer works.")
    return redirect("accounts:invitations")


@login_required
@require_GET
def account(request):
    form = TimeZoneForm(initial={"time_zone": request.user.time_zone})
    return render(request, "accounts/account.html", {"zone_form": form})


@login_required
@require_POST
def change_time_zone(request):
    """Set the person's zone: from the account page, or "Switch" on the travel offer.

    `next` brings the traveller back to the page they were on (same site only).
    """
    form = TimeZoneForm(request.POST)
    if not form.is_valid():
        context = {"zone_form": form}
        return render(request, "accounts/account.html", context, status=422)
    services.change_time_zone(
        user=request.user, time_zone=form.cleaned_data["time_zone"], request=request
    )
    messages.success(request, f"Your time zone is now {request.user.time_zone.replace('_', ' ')}.")
    return redirect(_local_next(request, default=reverse("accounts:account")))


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """List and create personal access tokens. A new token's secret is shown in the answer
    to the POST itself, never stored (not even in the session): it cannot be shown again."""
    form = ApiTokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = tokens.create_token(
            user=request.user,
            name=form.cleaned_data["name"],
            days=form.cleaned_data["expires"],
            request=request,
        )
        form = ApiTokenForm()
    now = timezone.now()
    listed = [(token, token.status(now)) for token in request.user.api_tokens.all()]
    context = {"form": form, "tokens": listed, "secret": secret}
    return render(request, "accounts/api_tokens.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def revoke_api_token(request, pk):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    tokens.revoke_token(token=token, request=request)
    messages.success(request, f"Token “{token.name}” revoked: scripts using it are refused now.")
    return redirect("accounts:api_tokens")


@login_required
@require_GET
def export_data(request):
    document = export_personal_data(user=request.user, request=request)
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"hybridpeaks-export-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Set here too, not only by PrivatePagesMiddleware: this document is everything about them.
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = ConfirmPasswordForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(user=request.user, request=request)
        except services.CoachHasAthletes:
            form.add_error(None, "Hand your athletes over to another coach first.")
        else:
            logout(request)
            messages.success(request, "Your account and everything in it have been deleted.")
            return redirect("accounts:login")
    has_athletes = is_coach(request.user) and request.user.coach.athletes.exists()
    context = {"form": form, "has_athletes": has_athletes}
    return render(
        request, "accounts/delete_account.html", context, status=422 if form.errors else 200
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(
            "password_change", self.request.user, entity=self.request.user, request=self.request
        )
        messages.success(self.request, "Your password has been changed.")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("password_reset", form.user, entity=form.user, request=self.request)
        messages.success(self.request, "Your password is set. Sign in with it.")
        return response
