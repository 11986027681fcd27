"""What the two text commands share: finding the athlete and the week from their options."""

from django.core.management.base import CommandError

from accounts.models import Athlete
from hybridpeaks.core.converters import parse_day


def add_week_options(parser) -> None:
    parser.add_argument("--athlete", required=True, help="the athlete's e-mail address")
    parser.add_argument("--week", required=True, help="the week's Monday, YYYY-MM-DD")


def athlete_and_week(options):
    """The athlete (with their coach, whose catalog and name the commands use) and the
    Monday; a clear CommandError for an unknown e-mail or a day that is not a Monday."""
    email = options["athlete"]
    athlete = (
        Athlete.objects.select_related("user", "coach__user")
        .filter(user__email__iexact=email)
        .first()
    )
    if athlete is None:
        raise CommandError(f"No athlete signs in as {email}.")
    monday = parse_day(options["week"])
    if monday is None or monday.weekday() != 0:
        raise CommandError(f"--week: {options['week']} is not a Monday (YYYY-MM-DD).")
    return athlete, monday
