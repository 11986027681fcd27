"""Training's part of a personal data export: plans with sessions, benchmarks, exercises,
programs, calendar URLs."""

from django.db.models import Q

from training.models import BenchmarkMetric, CalendarFeed, Exercise, Program, TrainingPlan


def _plan(plan) -> dict:
    return {
        "id": str(plan.pk),
        "athleteId": str(plan.athlete_id),
        "weekStartDate": plan.week_start_date.isoformat(),
        "status": plan.status,
        "version": plan.version,
        "sessions": [
            {
                "id": str(s.pk),
                "date": s.date.isoformat(),
                "type": s.type,
                "focus": s.focus,
                "estimatedDuration": s.estimated_duration,
                "prescription": s.prescription,
            }
            for s in plan.sessions.all()
        ],
    }


def export(user) -> dict:
    plans = TrainingPlan.objects.prefetch_related("sessions").order_by("week_start_date")
    data = {
        # An athlete's own plans as they see them (a draft is still the coach's: published
        # plans only); for a coach, every plan they wrote, drafts included.
        "plans": [
            _plan(p)
            for p in plans.filter(
                Q(athlete_id=user.pk, published_at__isnull=False) | Q(coach_id=user.pk)
            )
        ],
        "benchmarks": [
            {
                "metricType": b.metric_type,
                "value": str(b.value),
                "unit": b.unit,
                "exerciseId": str(b.exercise_id) if b.exercise_id else None,
                "establishedAt": b.established_at.isoformat(),
            }
            for b in BenchmarkMetric.objects.filter(athlete_id=user.pk)
        ],
        "exercises": [
            {
                "id": str(e.pk),
                "name": e.name,
                "category": e.category,
                "muscleGroups": e.muscle_groups,
                "aliases": e.aliases,
                "isPublic": e.is_public,
            }
            for e in Exercise.objects.filter(created_by_id=user.pk)
        ],
        # A coach's programs, their own work (erased with them).
        "programs": [
            {
                "id": str(p.pk),
                "name": p.name,
                "description": p.description,
                "weeks": p.weeks,
                "sessions": [
                    {
                        "week": s.week,
                        "weekday": s.weekday,
                        "type": s.type,
                        "focus": s.focus,
                        "estimatedDuration": s.estimated_duration,
                        "prescription": s.prescription,
                    }
                    for s in p.sessions.all()
                ],
            }
            for p in Program.objects.filter(coach_id=user.pk).prefetch_related("sessions")
        ],
        # When each calendar URL was made and turned off; the secret itself is not stored.
        "calendarFeeds": [
            {
                "createdAt": f.created_at.isoformat(),
                "revokedAt": f.revoked_at.isoformat() if f.revoked_at else None,
            }
            for f in CalendarFeed.objects.filter(user_id=user.pk)
        ],
    }
    return data
