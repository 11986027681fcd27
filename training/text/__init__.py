"""Plans as text: a coach types a session or a whole week, and any prescription prints back.

`parse_week(text, names)` → WeekText (sessions, or every error with its line and word);
`parse_steps(text)` → an endurance session's steps (the builder's Intervals field);
`write_week(sessions, names)` and `write_steps(steps)` print them back; `ExerciseNames` is
the coach's catalog by name and alias. The syntax: docs/text-syntax.md. Pure, apart from
ExerciseNames.for_coach (one query) and `commands` (the management commands' options).
Writing a week is services.write_week's job; this package only reads and prints.
"""

from training.text.errors import TextError, TextErrors
from training.text.names import ExerciseNames
from training.text.printer import write_steps, write_week
from training.text.week import TextSession, WeekText, parse_steps, parse_week

__all__ = [
    "ExerciseNames",
    "TextError",
    "TextErrors",
    "TextSession",
    "WeekText",
    "parse_steps",
    "parse_week",
    "write_steps",
    "write_week",
]
