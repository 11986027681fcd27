from django.db import migrations, models
from django.db.models import F


def publish_existing(apps, schema_editor):
    """Plans made before drafts existed were all visible to their athletes: they stay so,
    published when they were made."""
    TrainingPlan = apps.get_model("training", "TrainingPlan")
    TrainingPlan.objects.filter(published_at__isnull=True).update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_exercise_outlives_coach"),
    ]

    operations = [
        migrations.AddField(
            model_name="trainingplan",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(publish_existing, migrations.RunPython.noop),
    ]
