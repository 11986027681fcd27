"""Screening athletes' notes for pain, injury or illness words (the safety rule).

A keyword screen, deliberately simple and biased towards flagging: a false alarm costs a
conversation with the coach, a miss could cost an injury. It only flags; it never judges
what the words mean medically. A word right after a negation ("no pain", "didn't hurt",
"pain-free") is not flagged, since those notes report the opposite.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from insights.engine.inputs import Logged

PAIN_WORDS = frozenset(
    {
        *("pain", "pains", "painful", "hurt", "hurts", "hurting"),
        *("injury", "injuries", "injured", "sprain", "sprained", "strained", "tweaked"),
        *("sore", "soreness", "ache", "aches", "aching", "niggle", "twinge"),
        *("ill", "illness", "sick", "sickness", "fever", "flu", "covid", "nausea", "dizzy"),
    }
)
NEGATIONS = frozenset({"no", "not", "without", "never", "zero", "none"})
# "no knee pain": a negation up to this many words before the pain word still applies.
NEGATION_REACH = 2
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class PainMention:
    date: dt.date
    words: tuple[str, ...]


def _negated(words: list[str], index: int) -> bool:
    before = words[max(0, index - NEGATION_REACH) : index]
    after = words[index + 1 : index + 2]
    return any(w in NEGATIONS or w.endswith("n't") for w in before) or after == ["free"]


def pain_words(notes: str | None) -> tuple[str, ...]:
    """The pain, injury or illness words a note uses (not negated), in order, once each."""
    if not notes:
        return ()
    words = WORD.findall(notes.lower().replace("’", "'"))
    found = [w for i, w in enumerate(words) if w in PAIN_WORDS and not _negated(words, i)]
    return tuple(dict.fromkeys(found))


def pain_mentions(logs: Iterable[Logged]) -> list[PainMention]:
    """One mention per log whose notes use a pain word, in date order."""
    mentions = [PainMention(log.completed_on, pain_words(log.notes)) for log in logs]
    return sorted((m for m in mentions if m.words), key=lambda m: m.date)
