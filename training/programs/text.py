"""A program as text: the week syntax of training.text under `Week 1`, `Week 2` … headers.

    program := [Program: NAME] [Description: TEXT]* (WEEK N  week)+

Each week's lines are read by training.text.parse_week itself (one reader of sessions for
the builder's text mode and for programs), given the text with every other line blanked so
its errors keep the line numbers of the whole program. Weeks are numbered 1, 2, 3 … in order;
a week header with nothing under it is a week without sessions (a rest week). The optional
`Program:` and `Description:` lines before Week 1 carry the name and description in an
exported file. Pure apart from the ExerciseNames given.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from training.programs.models import DESCRIPTION_MAX, NAME_MAX, WEEKS_MAX
from training.text import ExerciseNames, TextError, TextSession, parse_week, write_week
from training.text.lexer import tokenize

WEEK = re.compile(r"^week\s*(\S*)\s*:?\s*$", re.IGNORECASE)
META = re.compile(r"^(program|description)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass
class ProgramText:
    """A program read from text: its weeks (week number → sessions read, in order), the
    name and description the text states (None when it does not), errors and notes."""

    weeks: dict[int, list[TextSession]] = field(default_factory=dict)
    name: str | None = None
    description: str | None = None
    errors: list[TextError] = field(default_factory=list)
    notes: list[TextError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def week_count(self) -> int:
        return len(self.weeks)

    @property
    def session_count(self) -> int:
        return sum(len(sessions) for sessions in self.weeks.values())


def _error(number: int, line: str, reason: str) -> TextError:
    tokens = tokenize(line)
    word = tokens[0].text if tokens else ""
    return TextError(number, tokens[0].column if tokens else 1, word, reason)


def parse_program(text: str, names: ExerciseNames) -> ProgramText:
    result = ProgramText()
    lines = text.splitlines()
    blocks: list[tuple[int, list[int]]] = []  # (week number, the line numbers of its lines)
    descriptions = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        week = WEEK.match(stripped) if not line[0].isspace() else None
        if week:
            expected = len(blocks) + 1
            if week.group(1) != str(expected):
                reason = f"weeks are numbered in order: this one is Week {expected}"
                result.errors.append(_error(number, line, reason))
            if expected > WEEKS_MAX:
                reason = f"a program has at most {WEEKS_MAX} weeks"
                result.errors.append(_error(number, line, reason))
            blocks.append((expected, []))
            continue
        meta = META.match(stripped) if not blocks and not line[0].isspace() else None
        if meta and meta.group(1).lower() == "program":
            result.name = meta.group(2).strip()
            if not 2 <= len(result.name) <= NAME_MAX:
                reason = f"a program's name is 2–{NAME_MAX} characters"
                result.errors.append(_error(number, line, reason))
        elif meta:
            descriptions.append(meta.group(2).strip())
        elif not blocks:
            result.errors.append(_error(number, line, "start with a week, such as Week 1"))
        else:
            blocks[-1][1].append(number)
    if descriptions:
        result.description = "\n".join(descriptions)
        if len(result.description) > DESCRIPTION_MAX:
            reason = f"a description is at most {DESCRIPTION_MAX} characters"
            result.errors.append(TextError(1, 1, "Description", reason))
    if not blocks and not result.errors:
        result.errors.append(TextError(1, 1, "", "a program starts with Week 1"))
    for week, numbers in blocks:
        # The week's own lines, every other line blank: parse_week skips blank lines, so
        # its errors name the program's line numbers.
        wanted = set(numbers)
        own = "\n".join(line if n in wanted else "" for n, line in enumerate(lines, start=1))
        read = parse_week(own, names)
        result.weeks[week] = read.sessions
        result.errors.extend(read.errors)
        result.notes.extend(read.notes)
    if result.errors:
        result.weeks = {}
    result.errors.sort()
    return result


@dataclass(frozen=True)
class _Dated:
    """A program session as training.text's printer reads a session (it prints its day from
    a date): any Monday-based week will do, only the weekday is printed."""

    date: date
    type: str
    focus: str | None
    estimated_duration: int | None
    prescription: dict


def write_program(
    weeks: int, sessions, names, *, name: str | None = None, description: str = ""
) -> str:
    """`sessions` (ProgramSession-like: week, weekday, type, focus, estimated_duration,
    prescription) under their week headers, every week printed even when empty; `name` and
    `description` lead when given (an exported file). What is printed parses back to the same
    program (the round-trip test)."""
    monday = date(2024, 1, 1)  # a Monday
    head = []
    if name:
        head.append(f"Program: {' '.join(name.split())}")
        head += [f"Description: {line}" for line in description.splitlines() if line.strip()]
    parts = []
    by_week: dict[int, list] = {n: [] for n in range(1, weeks + 1)}
    for session in sessions:
        by_week.setdefault(session.week, []).append(session)
    for week, listed in sorted(by_week.items()):
        dated = [
            _Dated(
                monday + timedelta(days=s.weekday),
                s.type,
                s.focus,
                s.estimated_duration,
                s.prescription,
            )
            for s in sorted(listed, key=lambda s: (s.weekday, getattr(s, "order", 0)))
        ]
        parts.append(f"Week {week}\n" + write_week(dated, names))
    # A blank line between weeks (and after a file's name and description), for the reader.
    return "\n".join(head) + ("\n\n" if head else "") + "\n".join(parts)
