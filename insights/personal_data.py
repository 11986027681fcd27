"""Insights' part of a personal data export: every weekly summary."""

from insights.models import AIWeeklySummary


def export(user) -> dict:
    return {
        "weeklySummaries": [
            {
                "weekEndDate": s.week_end_date.isoformat(),
                "adherenceRate": str(s.adherence_rate),
                "totalVolume": s.total_volume,
                "fatigueAnalysis": s.fatigue_analysis,
                "patterns": s.patterns,
                "suggestions": s.suggestions,
                "disclaimer": s.disclaimer,
                "generatedAt": s.generated_at.isoformat(),
            }
            for s in AIWeeklySummary.objects.filter(athlete_id=user.pk).order_by("week_end_date")
        ]
    }
