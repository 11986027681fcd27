from datetime import timedelta

import factory
from django.utils import timezone

from insights.models import AIWeeklySummary
from training.tests.factories import TrainingPlanFactory


class WeeklySummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AIWeeklySummary

    plan = factory.SubFactory(TrainingPlanFactory)
    athlete = factory.SelfAttribute("plan.athlete")
    week_end_date = factory.LazyAttribute(lambda s: s.plan.week_start_date + timedelta(days=6))
    adherence_rate = "0.800"
    total_volume = factory.LazyFunction(lambda: {"strength": "1200kg", "endurance": "240min"})
    fatigue_analysis = "Load was steady."
    patterns = factory.LazyFunction(lambda: ["4/5 sessions done"])
    suggestions = factory.LazyFunction(
        lambda: [{"suggestion": "Keep the loads", "reasoning": "RPE matched the plan (7 vs 7)."}]
    )
    generated_at = factory.LazyFunction(timezone.now)
