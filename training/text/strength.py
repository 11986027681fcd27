"""A strength line: `Back squat 5x5 @75% rest 3min tempo 3010`.

    line := NAME SETSxREPS[-MAX] (@PERCENT% | @RPE VALUE) [rest TIME] [tempo DDDD]

The name is every word before the sets × reps and must name an exercise of the coach's
catalog (names.ExerciseNames). A rep range (`3x8-10`) is stored as reps 8, repsMax 10.
Bounds are the strength schema's (hybridpeaks.core.json_validation.number_rules), not copies.
"""

import re
from functools import cache

from hybridpeaks.core.json_validation import number_rules, schema_validator
from training.text import amounts
from training.text.errors import TextError
from training.text.lexer import Token
from training.text.names import ExerciseNames

SETS_REPS = re.compile(r"(\d+)[x×](\d+)(?:[-–](\d+))?$")
PERCENT = re.compile(r"@?" + amounts.NUM + r"%(?:1rm)?$")
RPE = re.compile(r"@?rpe" + amounts.NUM + r"$")
TEMPO = re.compile(r"\d{4}$")
SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600}
SCHEMA = "training:prescription_strength"


@cache
def limits() -> dict[str, tuple]:
    """(lowest, highest) of each number a line holds, read once from the schema: its plain
    bounds, and RPE's from the intensity's if/then (which number_rules does not walk)."""
    rules = number_rules(SCHEMA)

    def bounds(path):
        return rules[path]["min"], rules[path]["max"]

    intensity = schema_validator(SCHEMA).schema["properties"]["exercises"]["items"]
    rpe = intensity["properties"]["intensity"]["then"]["properties"]["value"]
    return {
        "sets": bounds("exercises.*.sets"),
        "reps": bounds("exercises.*.reps"),
        "percent_1rm": bounds("exercises.*.intensity.value"),
        "rpe": (rpe["minimum"], rpe["maximum"]),
        "rest": bounds("exercises.*.restSeconds"),
    }


class StrengthReader:
    def __init__(self, line: int, text: str, names: ExerciseNames):
        self.line = line
        self.text = text
        self.names = names
        self.errors: list[TextError] = []
        self.notes: list[TextError] = []

    def error(self, token: Token, reason: str) -> None:
        self.errors.append(TextError(self.line, token.column, token.text, reason))

    def read(self, tokens: list[Token]) -> dict | None:
        """One prescription item (`exercises[i]`); None when the line has errors."""
        at = next((i for i, t in enumerate(tokens) if SETS_REPS.match(t.lower)), None)
        if at is None:
            self.error(tokens[-1], "sets × reps are missing, such as 3x8 (or 3x8-10)")
            return None
        if at == 0:
            self.error(tokens[0], "start with the exercise's name, such as Back squat 5x5 @75%")
            return None
        item = {"exerciseId": self._exercise(tokens[0], tokens[at])}
        item.update(self._sets_reps(tokens[at]))
        self._options(item, tokens, at + 1)
        if "intensity" not in item and not self.errors:
            self.error(tokens[at], "add an intensity after the reps: @75% or @RPE8")
        return None if self.errors else item

    def _exercise(self, first: Token, stop: Token) -> str | None:
        typed = self.text[first.column - 1 : stop.column - 1].strip()
        found, candidates = self.names.find(typed)
        if found:
            return found
        word = Token(typed, first.column)
        close = " or ".join(
            [", ".join(candidates[:-1]), candidates[-1]] if len(candidates) > 2 else candidates
        )
        reason = "is not an exercise of your catalog"
        self.error(word, f"{reason}; did you mean {close}?" if close else reason)
        return None

    def _sets_reps(self, token: Token) -> dict:
        match = SETS_REPS.match(token.lower)
        sets, reps = int(match[1]), int(match[2])
        self._limit(token, "sets", sets)
        self._limit(token, "reps", reps)
        if match[3]:
            top = int(match[3])
            self._limit(token, "reps", top)
            if top <= reps:
                self.error(token, "a rep range goes from low to high, such as 3x8-10")
            return {"sets": sets, "reps": reps, "repsMax": top}
        return {"sets": sets, "reps": reps}

    def _limit(self, token: Token, what: str, value) -> None:
        low, high = limits()[what]
        if not low <= value <= high:
            name = {"percent_1rm": "% 1RM", "rpe": "RPE"}.get(what, what)
            self.error(token, f"{name} must be {low}–{high}")

    def _options(self, item: dict, tokens: list[Token], i: int) -> None:
        while i < len(tokens):
            token, word = tokens[i], tokens[i].lower
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            percent, rpe = PERCENT.match(word), RPE.match(word)
            if percent or rpe:
                kind = "percent_1rm" if percent else "rpe"
                value = amounts.number((percent or rpe)[1])
                self._limit(token, kind, value)
                if "intensity" in item:
                    self.error(token, "one intensity per exercise")
                item["intensity"] = {"type": kind, "value": value}
            elif word == "rest" and following is not None:
                item["restSeconds"] = self._rest(following)
                i += 1
            elif word == "tempo" and following is not None:
                if not TEMPO.match(following.text):
                    self.error(following, "a tempo is four digits, such as 3010")
                item["tempo"] = following.text
                i += 1
            elif word in {"rest", "tempo"}:
                self.error(token, f"{word} needs a value, such as rest 90s or tempo 3010")
            else:
                self.error(token, "not an intensity (@75%, @RPE8), rest (rest 90s) or tempo")
            i += 1

    def _rest(self, token: Token) -> int | None:
        amount = amounts.read_amount(token.text)
        if not amount or amount[0] != "duration":
            self.error(token, "rest is a time, such as 90s or 3min")
            return None
        seconds = amount[1]["value"] * SECONDS[amount[1]["unit"]]
        low, high = limits()["rest"]
        if not float(seconds).is_integer() or not low <= seconds <= high:
            self.error(token, f"rest is whole seconds up to {high} ({high // 60}min)")
            return None
        return int(seconds)
