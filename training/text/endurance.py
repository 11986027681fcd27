"""An endurance line: `Run 45min Z2`, or steps separated by commas with `6x(…)` repeats.

    line     := MODALITY [summary ":"] item ("," item)*
    item     := step | COUNT "x" "(" step ("," step)* ")"
    step     := [KIND] amount… intensity (in any order)

A single step without a kind word is a plain session (`duration`, optional `distance`,
`intensity`), when the schema's plain session can hold it (minutes or hours, one zone or one
%FTP); anything else is stored as `steps`. The optional summary before a colon is the plain
session's duration, distance and intensity kept beside steps.
"""

import re
from dataclasses import dataclass, field

from training.text import amounts
from training.text.errors import TextError
from training.text.kinds import KIND_NAMES, inferred_kinds
from training.text.lexer import Token

MODALITIES = {"run": "run", "bike": "bike", "ride": "bike", "row": "row", "swim": "swim"}
REPEAT = re.compile(r"(\d+)[x×]$")
PLAIN_INTENSITIES = {"heart_rate_zone", "pace_zone", "ftp_percent"}
UNKNOWN_WORD = (
    "not a duration (45min, 1h30, 90s), a distance (400m, 5km, 3mi) or an intensity "
    "(Z2, Z2-Z3, 70% FTP, 88-94% FTP, pace Z3, @5k pace)"
)


@dataclass
class Segment:
    """One step as typed, before it is known to be a step or a whole plain session."""

    first: Token
    kind: str | None = None
    duration: dict | None = None
    distance: dict | None = None
    intensity: dict | None = None

    def step(self, kind: str) -> dict:
        amount = {"duration": self.duration} if self.duration else {"distance": self.distance}
        return {"kind": self.kind or kind, **amount, "intensity": self.intensity}


@dataclass
class Repeat:
    first: Token
    count: int
    segments: list = field(default_factory=list)


class EnduranceReader:
    """Reads one line; `errors` collects every problem, `where` maps a JSON path (a tuple) to
    the word it came from, so a schema problem found later still points at a word."""

    def __init__(self, line: int):
        self.line = line
        self.errors: list[TextError] = []
        self.where: dict[tuple, Token] = {}

    def error(self, token: Token, reason: str) -> None:
        self.errors.append(TextError(self.line, token.column, token.text, reason))

    def read(self, tokens: list[Token]) -> dict | None:
        """The prescription of a line starting with its modality; None if it has errors."""
        modality = MODALITIES[tokens[0].lower]
        self.where[()] = tokens[0]
        document = self.read_body(tokens[0], tokens[1:], {"modality": modality})
        return None if self.errors else document

    def read_body(self, start: Token, tokens: list[Token], document: dict) -> dict:
        colons = [i for i, token in enumerate(tokens) if token.text == ":"]
        summary, has_summary = None, bool(colons)
        if colons:
            for extra in colons[1:]:
                self.error(tokens[extra], "one colon per line, after the summary")
            summary = self.segment(tokens[: colons[0]], start, summary=True)
            # Read on past a second colon as if it were a comma, so it is the only error.
            tokens = [Token(",", t.column) if t.text == ":" else t for t in tokens[colons[0] + 1 :]]
        errors_before = len(self.errors)
        items = self.items(tokens, start)
        if not items:
            if len(self.errors) == errors_before:
                self.error(start, "add a duration or distance and an intensity, such as 45min Z2")
            return document
        if not has_summary and self._plain(items):
            segment = items[0]
            return {**document, **self._plain_json(segment)}
        if summary is not None:  # None when the summary has errors, said already
            document.update(self._plain_json(summary, optional=True))
        return {**document, "steps": self.steps(items)}

    def items(self, tokens: list[Token], start: Token) -> list:
        items, current, i = [], [], 0
        while i < len(tokens):
            token = tokens[i]
            count = REPEAT.match(token.lower)
            if token.text == ",":
                self._close(items, current, token)
                current = []
            elif count and tokens[i + 1 : i + 2] and tokens[i + 1].text == "(":
                if current:
                    self.error(token, "put a comma before a repeat")
                    self._close(items, current, token)
                    current = []
                i = self._repeat(items, tokens, i, int(count[1]))
                if i < len(tokens) and tokens[i].text != ",":
                    self.error(tokens[i], "put a comma after a repeat's “)”")
                    while i < len(tokens) and tokens[i].text != ",":
                        i += 1
                if i == len(tokens) - 1:
                    self.error(tokens[i], "a step is missing after this comma")
                i += 1  # past the comma
                continue
            elif token.text in "()":
                self.error(token, "parentheses belong to a repeat, such as 6x(400m Z4, 90s Z1)")
            else:
                current.append(token)
            i += 1
        if current or (tokens and tokens[-1].text == ","):
            self._close(items, current, tokens[-1] if tokens else start)
        return items

    def _close(self, items: list, current: list[Token], at: Token) -> None:
        if not current:
            self.error(at, "a step is missing here (two commas, or a comma at an end)")
            return
        segment = self.segment(current, current[0])
        if segment:
            items.append(segment)

    def _repeat(self, items: list, tokens: list[Token], i: int, count: int) -> int:
        """Reads `Nx( … )` from tokens[i]; returns the index after its `)`."""
        start = tokens[i]
        depth_end = next(
            (j for j in range(i + 2, len(tokens)) if tokens[j].text in "()"), len(tokens)
        )
        if depth_end == len(tokens) or tokens[depth_end].text == "(":
            if depth_end < len(tokens):
                self.error(tokens[depth_end], "repeats go one level deep")
            else:
                self.error(start, "this repeat's “(” is never closed")
            return len(tokens)
        if not 2 <= count <= 50:
            self.error(start, "a repeat is done 2 to 50 times")
        repeat = Repeat(start, count)
        inner = []
        for token in [*tokens[i + 2 : depth_end], None]:
            if token is None or token.text == ",":
                if inner:
                    segment = self.segment(inner, inner[0])
                    if segment:
                        repeat.segments.append(segment)
                else:
                    self.error(token or tokens[depth_end], "a step is missing here")
                inner = []
            else:
                inner.append(token)
        items.append(repeat)
        return depth_end + 1

    def segment(self, tokens: list[Token], start: Token, summary=False) -> Segment | None:
        segment = Segment(tokens[0] if tokens else start)
        errors_before = len(self.errors)
        i = 0
        if tokens and not summary and tokens[0].lower in KIND_NAMES:
            segment.kind, i = KIND_NAMES[tokens[0].lower], 1
        while i < len(tokens):
            i = self._word(segment, tokens, i)
        if not summary and len(self.errors) == errors_before:
            if segment.intensity is None:
                self.error(segment.first, "this step needs an intensity, such as Z2 or 70% FTP")
            if segment.duration is None and segment.distance is None:
                self.error(segment.first, "this step needs a duration or a distance")
        return segment if len(self.errors) == errors_before else None

    def _word(self, segment: Segment, tokens: list[Token], i: int) -> int:
        """Reads the word at tokens[i] (and a second one when it belongs to it) into the
        segment; returns the index of the next word."""
        token = tokens[i]
        word = token.lower
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        amount = amounts.read_amount(word)
        if amount:
            name, value = amount
            if getattr(segment, name) is not None:
                self.error(token, f"a second {name} in one step")
            setattr(segment, name, value)
            return i + 1
        if word == "hr" and amounts.read_zone(following):
            return i + 1  # `HR Z2` says what `Z2` says
        if word == "pace" and amounts.read_zone(following):
            return self._intensity(segment, token, "pace_zone", following, i + 2)
        if amounts.read_zone(word):
            return self._intensity(segment, token, "heart_rate_zone", word, i + 1)
        race = amounts.RACES.get(word.lstrip("@"))
        if race and (following == "pace" or word.startswith("@")):
            self._set(segment, token, {"type": "race_pace", "race": race})
            return i + 2 if following == "pace" else i + 1
        percent = amounts.read_percent(word.lstrip("@"))
        if percent:
            value, to, ftp = percent
            if not ftp and following != "ftp":
                self.error(token, "a percentage of what? Write it as 70% FTP")
                return i + 1
            if to is not None and to < value:
                self.error(token, "a range goes from low to high, such as 88-94% FTP")
            self._set(segment, token, _present(type="ftp_percent", value=value, valueTo=to))
            return i + 1 if ftp else i + 2
        self.error(token, self._unknown(word))
        return i + 1

    def _intensity(self, segment, token, kind, word, after) -> int:
        zone, to = amounts.read_zone(word)
        if to is not None and to < zone:
            self.error(token, "a range goes from low to high, such as Z2-Z3")
        self._set(segment, token, _present(type=kind, zone=zone, zoneTo=to))
        return after

    def _set(self, segment: Segment, token: Token, intensity: dict) -> None:
        if segment.intensity is not None:
            self.error(token, "a second intensity in one step (separate steps with commas)")
        segment.intensity = intensity

    @staticmethod
    def _unknown(word: str) -> str:
        if amounts.NUMBER_ONLY.match(word):
            return f"a number without a unit: write {word}min, {word}s, {word}m or {word}km"
        if word.lstrip("@") in amounts.RACES:
            return f"write {word.lstrip('@')} pace (or @{word.lstrip('@')}) for a race pace"
        return UNKNOWN_WORD

    def _plain(self, items: list) -> bool:
        """Whether a line of one step without a kind word is a plain session."""
        if len(items) != 1 or not isinstance(items[0], Segment) or items[0].kind:
            return False
        segment = items[0]
        intensity = segment.intensity or {}
        return (
            segment.duration is not None
            and segment.duration["unit"] in {"minutes", "hours"}
            and intensity.get("type") in PLAIN_INTENSITIES
            and "zoneTo" not in intensity
            and "valueTo" not in intensity
        )

    def _plain_json(self, segment: Segment, optional=False) -> dict:
        """The plain session's keys; as a summary beside steps, each is optional."""
        if segment.duration and segment.duration["unit"] == "seconds":
            self.error(segment.first, "a session's duration is in min or h (seconds are for steps)")
        intensity = segment.intensity
        if intensity and (
            intensity["type"] not in PLAIN_INTENSITIES or {"zoneTo", "valueTo"} & set(intensity)
        ):
            self.error(segment.first, "a session's overall intensity is one zone or one % FTP")
        for key in ("duration", "distance", "intensity"):
            self.where[(key,)] = segment.first
        return _present(duration=segment.duration, distance=segment.distance, intensity=intensity)

    def steps(self, items: list) -> list:
        shapes = [
            [s.intensity for s in item.segments] if isinstance(item, Repeat) else item.intensity
            for item in items
        ]
        kinds = inferred_kinds(shapes)
        steps = []
        for place, (item, kind) in enumerate(zip(items, kinds, strict=True)):
            self.where[("steps", place)] = item.first
            if isinstance(item, Repeat):
                inner = []
                for j, (segment, inner_kind) in enumerate(zip(item.segments, kind, strict=True)):
                    self.where[("steps", place, "steps", j)] = segment.first
                    inner.append(self._step(segment, inner_kind))
                steps.append({"repeat": item.count, "steps": inner})
            else:
                steps.append(self._step(item, kind))
        return steps

    def _step(self, segment: Segment, kind: str) -> dict:
        if segment.duration and segment.distance:
            self.error(segment.first, "a step has a duration or a distance, not both")
        return segment.step(kind)


def _present(**fields) -> dict:
    return {key: value for key, value in fields.items() if value is not None}
