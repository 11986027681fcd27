"""A week (or a single session) as text: day headers, each followed by its lines.

    week    := (header line*)*
    header  := DAY [title] [~MINUTES]       a line starting (unindented) with Mon … Sunday
    line    := strength line | endurance line (strength.py, endurance.py)

Each header opens one session: its lines are all strength lines (one exercise each) or one
endurance line. `~60min` after a strength session's title is its estimated duration; an
endurance session's comes from its prescription. Blank lines and lines starting with `#` are
skipped. Every error of the text is collected; a text with errors gives no session.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from hybridpeaks.core.json_validation import schema_problems
from training.builder import estimated_minutes
from training.models import ESTIMATED_MINUTES_MAX, ESTIMATED_MINUTES_MIN
from training.text.amounts import read_amount
from training.text.endurance import MODALITIES, EnduranceReader
from training.text.errors import TextError
from training.text.lexer import Token, tokenize
from training.text.names import ExerciseNames
from training.text.strength import SETS_REPS, StrengthReader

DAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
DAY_WORDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FOCUS_MAX = 200


@dataclass
class TextSession:
    """A session read from text: its weekday (0 = Monday), what it stores, and its header's
    line (for the preview)."""

    weekday: int
    type: str
    focus: str | None
    estimated_duration: int | None
    prescription: dict
    line: int

    def fields(self, monday: date) -> dict:
        """The TrainingSession fields of this session in the week starting `monday`."""
        return {
            "date": monday + timedelta(days=self.weekday),
            "type": self.type,
            "focus": self.focus,
            "estimated_duration": self.estimated_duration,
            "prescription": self.prescription,
        }


@dataclass
class WeekText:
    sessions: list[TextSession] = field(default_factory=list)
    errors: list[TextError] = field(default_factory=list)
    notes: list[TextError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Open:
    """A session being read: its header and the lines read so far."""

    header: Token
    line: int
    weekday: int
    focus: str | None
    estimate: int | None
    type: str | None = None
    items: list = field(default_factory=list)
    where: dict = field(default_factory=dict)  # JSON path → (line, token)


def parse_week(text: str, names: ExerciseNames) -> WeekText:
    result = WeekText()
    current: _Open | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        tokens = tokenize(line)
        first = tokens[0]
        if not line[0].isspace() and first.lower.rstrip(":") in DAYS:
            _close(current, result)
            current = _header(number, line, tokens, result)
        elif current is None:
            result.errors.append(
                TextError(number, first.column, first.text, "start with a day, such as Mon")
            )
        else:
            _read_line(current, number, line, tokens, names, result)
    _close(current, result)
    if result.errors:
        result.sessions = []
    result.errors.sort()
    return result


def _header(number: int, line: str, tokens: list[Token], result: WeekText) -> _Open:
    day = tokens[0]
    estimate = None
    rest = tokens[1:]
    if rest and rest[0].text == ":":
        rest = rest[1:]  # `Mon: Legs`
    if rest and rest[-1].text.startswith("~"):
        estimate = _estimate(number, rest[-1], result)
        rest = rest[:-1]
    focus = None
    if rest:
        focus = line[rest[0].column - 1 : rest[-1].column - 1 + len(rest[-1].text)].strip()
        if len(focus) > FOCUS_MAX:
            result.errors.append(
                TextError(
                    number,
                    rest[0].column,
                    rest[0].text,
                    f"a title is at most {FOCUS_MAX} characters",
                )
            )
    return _Open(day, number, DAYS[day.lower.rstrip(":")], focus or None, estimate)


def _estimate(number: int, token: Token, result: WeekText) -> int | None:
    amount = read_amount(token.text[1:])
    minutes = None
    if amount and amount[0] == "duration" and amount[1]["unit"] != "seconds":
        value = amount[1]["value"] * (60 if amount[1]["unit"] == "hours" else 1)
        minutes = int(value) if float(value).is_integer() else None
    if minutes is None or not ESTIMATED_MINUTES_MIN <= minutes <= ESTIMATED_MINUTES_MAX:
        reason = (
            f"an estimated duration is whole minutes, {ESTIMATED_MINUTES_MIN}–"
            f"{ESTIMATED_MINUTES_MAX}, such as ~60min or ~1h30"
        )
        result.errors.append(TextError(number, token.column, token.text, reason))
        return None
    return minutes


def _read_line(current: _Open, number, line, tokens, names, result: WeekText) -> None:
    endurance = tokens[0].lower in MODALITIES and not any(SETS_REPS.match(t.lower) for t in tokens)
    kind = "endurance" if endurance else "strength"
    if current.type and current.type != kind:
        reason = f"a session is strength or endurance: put this {kind} line under a day of its own"
        result.errors.append(TextError(number, tokens[0].column, tokens[0].text, reason))
        return
    if kind == "endurance" and current.items:
        reason = "one endurance line per session: put this one under a day of its own"
        result.errors.append(TextError(number, tokens[0].column, tokens[0].text, reason))
        return
    current.type = kind
    if endurance:
        reader = EnduranceReader(number)
        item = reader.read(tokens)
        current.where.update({path: (number, token) for path, token in reader.where.items()})
    else:
        reader = StrengthReader(number, line, names)
        item = reader.read(tokens)
        result.notes.extend(reader.notes)
        current.where[("exercises", len(current.items))] = (number, tokens[0])
    result.errors.extend(reader.errors)
    current.items.append(item)


def _close(current: _Open | None, result: WeekText) -> None:
    if current is None:
        return
    header = current.header
    if not current.items:
        result.errors.append(
            TextError(
                current.line, header.column, header.text, "this day has no session lines under it"
            )
        )
        return
    if None in current.items:
        return  # its lines' errors are said already
    if current.type == "strength":
        prescription, estimate = {"exercises": current.items}, current.estimate
    else:
        prescription = current.items[0]
        if current.estimate is not None:
            reason = "an endurance session's minutes come from its duration: remove the ~"
            result.errors.append(TextError(current.line, header.column, header.text, reason))
        estimate = estimated_minutes(prescription)
    for path, problem in schema_problems(
        prescription, schema=f"training:prescription_{current.type}"
    ):
        line, token = _located(current, tuple(path))
        result.errors.append(
            TextError(line, token.column, token.text, f"{_json_key(path)} {problem}")
        )
    result.sessions.append(
        TextSession(
            current.weekday, current.type, current.focus, estimate, prescription, current.line
        )
    )


def _located(current: _Open, path: tuple) -> tuple[int, Token]:
    """The word a JSON path came from: the longest recorded prefix of the path."""
    for end in range(len(path), -1, -1):
        if path[:end] in current.where:
            return current.where[path[:end]]
    return current.line, current.header


def _json_key(path) -> str:
    named = [part for part in path if isinstance(part, str)]
    return named[-1] if named else "the session"


def parse_steps(text: str, modality: str = "run") -> tuple[list | None, list[TextError]]:
    """An endurance session's steps typed on their own (the builder's Intervals field):
    `15min Z1, 5x(3min 105% FTP, 2min Z1), 10min Z1`, always read as steps (a lone step too),
    with the schema's rules checked here so each problem points at its word. Line breaks
    read as spaces; columns count from the start of the text."""
    reader = EnduranceReader(1)
    tokens = tokenize(text.replace("\r", " ").replace("\n", " "))
    if not tokens:
        return None, []
    items = reader.items(tokens, tokens[0])
    steps = reader.steps(items) if items and not reader.errors else None
    if steps is not None:
        document = {"modality": modality, "steps": steps}
        for path, problem in schema_problems(document, schema="training:prescription_endurance"):
            token = next(
                (reader.where[tuple(path[:end])] for end in range(len(path), 0, -1)
                 if tuple(path[:end]) in reader.where),
                tokens[0],
            )  # fmt: skip
            reader.error(token, f"{_json_key(path)} {problem}")
    return (None if reader.errors else steps), sorted(reader.errors)
