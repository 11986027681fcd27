"""Users sign in by email; a coach or athlete profile shares the user's id (spec: User, Coach,
Athlete)."""

import uuid
import zoneinfo
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import GreaterThanOrEqual

from hybridpeaks.core.json_validation import validate_document


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not an IANA time zone, such as Europe/Paris.")


def default_time_zone():
    return settings.TIME_ZONE


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("Users sign in with an email address; give one.")
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        # Admins need a role too (the spec knows only two); they use the admin, not coach pages.
        fields.setdefault("role", UserRole.COACH)
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username):
        # Sign-in accepts the address in any case; it is stored lowercase.
        return self.get(email=normalize_email(username))


def normalize_email(email: str) -> str:
    """The spec stores emails lowercase, so `Ann@X.org` and `ann@x.org` are one login."""
    return email.strip().lower()


class UserRole(models.TextChoices):
    COACH = "coach", "Coach"
    ATHLETE = "athlete", "Athlete"


class User(AbstractBaseUser, PermissionsMixin):
    Role = UserRole

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(max_length=255)
    role = models.CharField(max_length=10, choices=Role.choices)
    time_zone = models.CharField(
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text="IANA time zone: decides the athlete's “today” and when a week ends.",
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May use the admin site.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        db_table = "users"
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                name="idx_user_email",
                violation_error_message="An account with this email already exists.",
            ),
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="user_email_lowercase",
                violation_error_message="Emails are stored in lower case.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=UserRole.values),
                name="user_role_valid",
                violation_error_message="Role is coach or athlete.",
            ),
        ]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        self.email = normalize_email(self.email)

    @cached_property
    def zoneinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


def name_field():
    return models.CharField(max_length=100, validators=[MinLengthValidator(2)])


def name_length_constraint(model_name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=GreaterThanOrEqual(Length("name"), 2),
        name=f"{model_name}_name_min_2",
        violation_error_message="Name is 2–100 characters.",
    )


class Coach(models.Model):
    # Primary key = the user's id (column `id`), as the spec has it.
    user = models.OneToOneField(
        User, models.CASCADE, primary_key=True, db_column="id", related_name="coach"
    )
    name = name_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "coaches"
        verbose_name_plural = "coaches"
        constraints = [name_length_constraint("coach")]
        # idx_coach_id is the primary key index itself; no second index is needed.

    def __str__(self):
        return self.name


class Athlete(models.Model):
    user = models.OneToOneField(
        User, models.CASCADE, primary_key=True, db_column="id", related_name="athlete"
    )
    name = name_field()
    # PROTECT: a coach with athletes cannot be deleted until they are handed over.
    coach = models.ForeignKey(Coach, models.PROTECT, related_name="athletes")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "athletes"
        constraints = [name_length_constraint("athlete")]
        indexes = [models.Index(fields=["coach"], name="idx_athlete_coach")]

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """A coach's invitation for an athlete to sign up. Its link is signed (see
    accounts.invitations) and works once, for INVITATION_DAYS, unless revoked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coach = models.ForeignKey(Coach, models.CASCADE, related_name="invitations")
    email = models.EmailField(
        max_length=255, blank=True, help_text="Optional: only this address may accept it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.OneToOneField(
        User, models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "invitations"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["coach", "created_at"], name="idx_invitation_coach")]

    def __str__(self):
        return f"Invitation from {self.coach} ({self.email or 'anyone'})"

    def clean(self):
        super().clean()
        self.email = normalize_email(self.email)

    def status(self, now) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if now >= self.expires_at:
            return "expired"
        return "pending"


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Availability(models.Model):
    """When an athlete can train, as they state it: minutes available on each weekday (Monday
    first; 0 = not that day) and whether they have a gym. The builder, the calendar and
    program application warn the coach about a session outside it (training/availability.py);
    they never refuse one: plans change, and the athlete may have said so in person."""

    athlete = models.OneToOneField(
        Athlete, models.CASCADE, primary_key=True, related_name="availability"
    )
    minutes_by_weekday = models.JSONField(help_text="Seven whole numbers, Monday first.")
    has_gym = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "athlete_availability"
        verbose_name_plural = "availability"

    def __str__(self):
        return f"Availability of {self.athlete}"

    def clean(self):
        super().clean()
        validate_document(
            self.minutes_by_weekday, schema="accounts:availability", field="minutes_by_weekday"
        )

    def minutes_on(self, weekday: int) -> int:
        """Minutes available on a weekday (0 = Monday)."""
        return self.minutes_by_weekday[weekday]


class ApiToken(models.Model):
    """A personal access token: a script calls the API as its owner (docs/api.md).

    Only a SHA-256 of the secret is kept (accounts/tokens.py): the secret is shown once, at
    creation, and a lost one is revoked and replaced, never recovered. `prefix` is the start
    of the secret, enough for the owner to tell their tokens apart on the tokens page.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, validators=[MinLengthValidator(1)])
    prefix = models.CharField(max_length=16)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Written at most once a minute per token (accounts/tokens.py), not on every request.
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "api_tokens"
        verbose_name = "API token"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "created_at"], name="idx_api_token_user")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def status(self, now) -> str:
        if self.revoked_at:
            return "revoked"
        if self.expires_at and now >= self.expires_at:
            return "expired"
        return "active"
