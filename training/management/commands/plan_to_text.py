"""Print one athlete's week as text (docs/text-syntax.md): what plan_from_text reads back."""

from django.core.management.base import BaseCommand

from training.selectors import builder_week, exercise_names
from training.text import write_week
from training.text.commands import add_week_options, athlete_and_week


class Command(BaseCommand):
    help = "Print an athlete's week (the plan that stands for it) as text."

    def add_arguments(self, parser):
        add_week_options(parser)

    def handle(self, *args, **options):
        athlete, monday = athlete_and_week(options)
        week = builder_week(athlete, monday)
        self.stdout.write(write_week(week.sessions, exercise_names(week.sessions)), ending="")
