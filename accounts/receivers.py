"""Sign-in events reach the audit trail from Django's and django-axes' signals.

Signals are the one place these events surface for every sign-in path (our page, the admin),
so the audit records are written here rather than in each view.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

import audit
from accounts.models import User, normalize_email


@receiver(user_logged_in, dispatch_uid="audit_login")
def audit_login(sender, request, user, **kwargs):
    audit.record("login", user, entity=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def audit_logout(sender, request, user, **kwargs):
    # No user: the session had expired. No pk: the account was just deleted (audited then).
    if user is not None and user.pk is not None:
        audit.record("logout", user, entity=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    email = normalize_email(credentials.get("username") or "")
    user = User.objects.filter(email=email).first() if email else None
    audit.record("login_failed", user, request=request, email=email or None)


@receiver(user_locked_out, dispatch_uid="audit_lockout")
def audit_lockout(sender, request, username=None, ip_address=None, **kwargs):
    email = normalize_email(username or "")
    user = User.objects.filter(email=email).first() if email else None
    audit.record("lockout", user, request=request, email=email or None, ip=ip_address)
