import uuid

import factory
from django.utils import timezone

from logging_app.models import WorkoutLog
from training.tests.factories import TrainingSessionFactory


def endurance_actual(**overrides):
    return {
        "modality": "run",
        "duration": {"value": 47, "unit": "minutes"},
        "distance": {"value": 8.2, "unit": "km"},
        "avgHeartRate": 141,
        "avgPower": None,
        "completed": True,
        **overrides,
    }


class WorkoutLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkoutLog

    session = factory.SubFactory(TrainingSessionFactory)
    athlete = factory.SelfAttribute("session.plan.athlete")
    completed_at = factory.LazyFunction(timezone.now)
    actual_data = factory.LazyFunction(endurance_actual)
    rpe = 6
    notes = "Easy."


def log_body(session, **overrides) -> dict:
    """A sync API body for one of `session`'s logs, as the phone's outbox sends it."""
    return {
        "id": str(uuid.uuid4()),
        "sessionId": str(session.pk),
        "completedAt": timezone.now().isoformat(),
        "actualData": endurance_actual(),
        "rpe": 6,
        "notes": "Felt easy.",
        **overrides,
    }
