"""A person's secret calendar URL, stored as the digest of its secret (training.feeds.secrets).

Imported by training.models (the app's models module) so Django registers it there."""

import uuid

from django.db import models
from django.db.models import Q

from accounts.models import User


class CalendarFeed(models.Model):
    """One secret URL of a person's calendar: an athlete's sessions, or a coach's athletes'.

    Rows are kept when revoked (the audit entries name them); one live row per person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # CASCADE: the URL is the person's, erased with them.
    user = models.ForeignKey(User, models.CASCADE, related_name="calendar_feeds")
    # SHA-256 (hex) of the URL's secret; the unique index is the lookup.
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "calendar_feeds"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_calendar_feed_per_user",
                violation_error_message="This person already has a calendar URL.",
            )
        ]

    def __str__(self):
        state = "revoked" if self.revoked_at else "live"
        return f"Calendar feed of {self.user} ({state})"
