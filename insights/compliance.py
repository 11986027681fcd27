"""How closely a done session followed its plan: the compliance colour, as TrainingPeaks
draws it, in one pure rule that the calendar (and the roster's compliance figures) read.

A session is measured by what it was planned to be: its duration in minutes, or, for a
strength session, its volume in repetitions (sets × reps; a lift's weight is often an RPE with
no number to compare). What was done comes from its log. The figures themselves are
worked out by `planned_amount` / `done_amount`; `compliance` only compares them, so the rule
is testable without a database and the same for every page.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from insights.engine.strength import exercises_of, number_or_none, sets_of
from training.models import SessionType
from training.prescription import Prescription, minutes_of, planned_minutes

# The bands, in whole percent of the plan (TrainingPeaks' own): green within ±20 %, yellow
# 50–79 % or 121–150 %, red beyond either.
GREEN = (80, 120)
YELLOW = (50, 150)


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Compliance:
    """A session's colour, and the words and mark that say the same without colour."""

    colour: Colour
    label: str  # "On target", "Partly done", "Missed", …
    icon: str  # ✓ ~ ✗ or ○: the colour is never the only signal
    percent: int | None = None  # done ÷ planned, when both are known

    @property
    def text(self) -> str:
        return f"{self.label} ({self.percent} %)" if self.percent is not None else self.label


PLANNED = Compliance(Colour.NEUTRAL, "Planned", "○")
MISSED = Compliance(Colour.RED, "Missed", "✗")
# Logged, but the plan states nothing to measure against (no duration, no reps): attended,
# and adherence counts any log as done (insights.engine.metrics.done_sessions).
DONE = Compliance(Colour.GREEN, "Done", "✓")


def compliance(*, planned: float | None, done: float | None, logged: bool, day: date, today: date):
    """The colour of a session planned on `day`, seen on the athlete's `today`.

    Not logged: neutral while its day has not passed (the future, and today's session the
    athlete may still do), red (missed) once it has. Logged: done ÷ planned in whole percent
    against the bands; a log with nothing to compare (no planned or no done figure) is done.
    """
    if not logged:
        return PLANNED if day >= today else MISSED
    if not planned or done is None:
        return DONE
    percent = round(done * 100 / planned)
    if GREEN[0] <= percent <= GREEN[1]:
        return Compliance(Colour.GREEN, "On target", "✓", percent)
    if YELLOW[0] <= percent <= YELLOW[1]:
        label = "Partly done" if percent < GREEN[0] else "More than planned"
        return Compliance(Colour.YELLOW, label, "~", percent)
    label = "Far under plan" if percent < YELLOW[0] else "Far over plan"
    return Compliance(Colour.RED, label, "✗", percent)


@dataclass(frozen=True)
class Amount:
    """A planned or done figure with its unit: minutes, or repetitions (strength volume)."""

    value: float
    unit: str  # "min" or "reps"

    @property
    def text(self) -> str:
        return f"{round(self.value)} {self.unit}"


def _reps(items) -> float:
    return sum((item.sets or 0) * (item.reps or 0) for item in items)


def planned_amount(session_type: str, prescription, estimated_duration) -> Amount | None:
    """What a session is measured by: a strength session's repetitions when its lifts state
    sets and reps, else its minutes (an endurance session's prescribed duration, else the
    coach's estimate); None when the plan states neither."""
    plan = Prescription.of(session_type, prescription)
    if session_type == SessionType.STRENGTH:
        reps = _reps(plan.items)
        if reps:
            return Amount(reps, "reps")
    minutes = planned_minutes(plan, estimated_duration)
    return Amount(minutes, "min") if minutes else None


def done_amount(planned: Amount | None, actual_data) -> Amount | None:
    """The log's figure in the plan's unit: the repetitions of the sets done (skipped lifts
    left out), or the logged duration; None when the log does not say."""
    if planned is not None and planned.unit == "reps":
        exercises = [e for e in exercises_of(actual_data) if not e.get("skipped")]
        reps = sum(number_or_none(s.get("reps")) or 0 for e in exercises for s in sets_of(e))
        return Amount(reps, "reps")
    minutes = minutes_of(actual_data.get("duration")) if isinstance(actual_data, dict) else None
    return Amount(minutes, "min") if minutes is not None else None
