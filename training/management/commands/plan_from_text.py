"""Write one athlete's week from a text file (docs/text-syntax.md) as a new version of the
week's plan, through services.write_week, on behalf of the athlete's coach.

Every error is printed with its line, column and word, the exit code is non-zero and nothing
is written. The version replaced is the one standing when the command starts: a plan changed
meanwhile (a coach in the builder) is a conflict, not an overwrite.
"""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from training import services
from training.models import PlanStatus, TrainingPlan
from training.text import ExerciseNames, parse_week
from training.text.commands import add_week_options, athlete_and_week


class Command(BaseCommand):
    help = "Write an athlete's week from a text file (FILE, or - for standard input)."

    def add_arguments(self, parser):
        add_week_options(parser)
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, **options):
        athlete, monday = athlete_and_week(options)
        text = self._read(options["file"])
        coach = athlete.coach
        result = parse_week(text, ExerciseNames.for_coach(coach))
        for note in result.notes:
            self.stderr.write(f"{options['file']}:{note.line}:{note.column}: note: {note.what}")
        if result.errors:
            for error in result.errors:
                self.stderr.write(f"{options['file']}:{error.line}:{error.column}: {error.what}")
            count = len(result.errors)
            raise CommandError(f"{count} error{'s' if count != 1 else ''}: nothing was written.")
        standing = TrainingPlan.objects.filter(
            athlete=athlete, week_start_date=monday, status=PlanStatus.ACTIVE
        ).first()
        try:
            plan = services.write_week(
                athlete=athlete,
                coach=coach,
                week_start=monday,
                sessions=[session.fields(monday) for session in result.sessions],
                version=standing.version if standing else None,
            )
        except services.StalePlan as stale:
            raise CommandError(
                f"The plan changed meanwhile (now version {stale.plan.version}): nothing was "
                "written; run the command again."
            ) from None
        except ValidationError as error:
            raise CommandError("; ".join(error.messages) + " Nothing was written.") from None
        count = len(result.sessions)
        draft = ", a draft: publish it in the builder" if plan.is_draft else ""
        self.stdout.write(
            f"Wrote {count} session{'s' if count != 1 else ''} for {athlete} in the week of "
            f"{monday:%Y-%m-%d} (plan version {plan.version}{draft})."
        )

    @staticmethod
    def _read(name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        try:
            with open(name, encoding="utf-8") as file:
                return file.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{name}: {error}") from None
