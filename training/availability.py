"""Where planned sessions fall outside what the athlete said they can do (issue 13): a day they
cannot train, more minutes than they have that day, loaded lifts without a gym.

These are warnings for the coach, never refusals (the athlete may have said otherwise in
person). The builder, the calendar and program application all ask `clashes`, so the three
say the same thing. Pure: sessions come in as they are read, availability as stored."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist

from accounts.models import WEEKDAYS
from training.models import SessionType
from training.prescription import Prescription

LOADED = "percent_1rm"  # an intensity that needs a bar and plates


def availability_of(athlete):
    """The athlete's stated accounts.Availability, or None before they have said (no warnings
    then). Read through the athlete (select_related("availability") saves the query)."""
    try:
        return athlete.availability
    except ObjectDoesNotExist:
        return None


def describe(availability) -> str:
    """One line for the coach: "Mon 60 min, Wed 45 min, Sat 120 min; no gym"."""
    if availability is None:
        return "Not stated yet."
    days = [
        f"{WEEKDAYS[index][:3]} {minutes} min"
        for index, minutes in enumerate(availability.minutes_by_weekday)
        if minutes
    ]
    gym = "a gym" if availability.has_gym else "no gym"
    return f"{', '.join(days) or 'No day'}; {gym}."


@dataclass(frozen=True)
class Clash:
    day: date
    text: str


def session_minutes(session) -> int | None:
    """How long a session takes, by the builder's rule (training.display.SessionView.minutes):
    an endurance session's prescribed duration, otherwise the coach's estimate."""
    if session.type == SessionType.ENDURANCE:
        return Prescription.of(session.type, session.prescription).whole_minutes
    return session.estimated_duration


def needs_gym(session) -> bool:
    """A strength session with a lift at %1RM: a loaded bar, so a gym (RPE-only work, such as
    pull-ups at RPE 8, may be done anywhere)."""
    if session.type != SessionType.STRENGTH:
        return False
    plan = Prescription.of(session.type, session.prescription)
    return any(item.intensity.type == LOADED for item in plan.items)


def clashes(availability, sessions, name: str) -> list[Clash]:
    """What a coach should know about `sessions` (anything with date, type, focus,
    prescription and estimated_duration) against `availability` (accounts.Availability, or
    None when the athlete has not said: no warnings), in date order. `name` is the athlete's."""
    if availability is None:
        return []
    by_day = defaultdict(list)
    for session in sessions:
        by_day[session.date].append(session)
    found = []
    for day in sorted(by_day):
        planned = by_day[day]
        free = availability.minutes_on(day.weekday())
        weekday = f"{day:%A}"
        if free == 0:
            found.append(Clash(day, f"{weekday} {day:%-d %b}: {name} cannot train on {weekday}s."))
        else:
            minutes = sum(session_minutes(session) or 0 for session in planned)
            if minutes > free:
                found.append(
                    Clash(
                        day,
                        f"{weekday} {day:%-d %b}: {minutes} min planned, "
                        f"{name} has {free} min that day.",
                    )
                )
        if not availability.has_gym:
            for session in planned:
                if needs_gym(session):
                    title = session.focus or "a strength session"
                    found.append(
                        Clash(
                            day,
                            f"{weekday} {day:%-d %b}: {title} has lifts at %1RM, "
                            f"and {name} has no gym.",
                        )
                    )
    return found
