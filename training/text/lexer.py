"""Words of a line, each with the column it starts at, so an error can point at it.

Parentheses, commas and colons are words of their own (`6x(400m` is `6x`, `(`, `400m`), and a
few spellings a coach types with a space are joined into the one word the parser reads:
`45 min` → `45min`, `70 %` → `70%`, `@ 5k` → `@5k`, `RPE 8` → `RPE8`, `5 x 5` → `5x5`.
"""

import re
from dataclasses import dataclass

WORD = re.compile(r"[(),:]|[^\s(),:]+")
NUMBER = re.compile(r"\d+(?:\.\d+)?$")
PERCENT_NUMBER = re.compile(r"@?\d+(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?)?$")
UNIT_WORDS = {
    "s", "sec", "secs", "second", "seconds",
    "min", "mins", "minute", "minutes",
    "h", "hr", "hrs", "hour", "hours",
    "m", "km", "mi", "mile", "miles", "%",
}  # fmt: skip
TIMES = {"x", "×"}


@dataclass(frozen=True)
class Token:
    text: str
    column: int  # from 1

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(line: str) -> list[Token]:
    raw = [Token(m.group(), m.start() + 1) for m in WORD.finditer(line)]
    return _join(raw)


def _join(tokens: list[Token]) -> list[Token]:
    joined: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and _joins(token, following):
            merged = Token(token.text + following.text, token.column)
            tokens = [*tokens[:i], merged, *tokens[i + 2 :]]
            continue  # the merged word may join the next one too (`5 x 5`)
        joined.append(token)
        i += 1
    return joined


def _joins(token: Token, following: Token) -> bool:
    text, next_text = token.text, following.text
    if NUMBER.match(text) and next_text.lower() in UNIT_WORDS:
        return True
    if next_text == "%" and PERCENT_NUMBER.match(text):
        return True  # `@80 %`, `88-94 %`
    if text == "@":
        return next_text not in {"(", ")", ",", ":"}
    if text.upper() in {"RPE", "@RPE"} and NUMBER.match(next_text):
        return True
    if NUMBER.match(text) and next_text in TIMES:
        return True  # `5 x` → `5x`, read on by the next rule or left as a repeat's count
    if re.fullmatch(r"\d+[x×]", text) and next_text[:1].isdigit():
        return True
    return bool(NUMBER.match(text) and re.fullmatch(r"[x×]\d+.*", next_text))
