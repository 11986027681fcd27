"""Exercise names as a coach types them, matched to the catalog the coach may use.

A name matches an exercise's name or one of its aliases (`Exercise.aliases`: RDL, OHP…, from
the catalog file for system exercises, typed by a coach for their own) whatever the case,
the accents, the hyphens and the spaces: "back squat", "Back-Squat" and "BACKSQUAT" are the
Back Squat, "Pull ups" is the Pull-Up. An exact (case-insensitive) name wins over any looser
reading, so a coach's own "Pullup" and the system "Pull-Up" each stay reachable; a name
wins over another exercise's alias.
"""

import difflib
import unicodedata
from collections.abc import Iterable

from training.selectors import exercises_visible_to

SUGGESTIONS = 3


def folded(name: str) -> str:
    """Lower case without accents, with hyphens, dots and slashes read as spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    for mark in "-_./":
        plain = plain.replace(mark, " ")
    return " ".join(plain.split())


def _key(name: str) -> str:
    return folded(name).replace(" ", "")


class ExerciseNames:
    """The exercises a coach may prescribe, by every spelling that names them."""

    def __init__(self, exercises: Iterable[tuple]):
        """`exercises`: (id, name) or (id, name, aliases) of each exercise."""
        self.names: dict[str, str] = {}  # id → name
        self._exact: dict[str, str] = {}  # name.casefold() → id
        self._loose: dict[str, set[str]] = {}  # folded key → ids
        aliases: dict[str, set[str]] = {}  # folded alias → ids
        for exercise_id, name, *others in exercises:
            exercise_id = str(exercise_id)
            self.names[exercise_id] = name
            self._exact[name.casefold()] = exercise_id
            self._loose.setdefault(_key(name), set()).add(exercise_id)
            for alias in others[0] if others else ():
                aliases.setdefault(_key(alias), set()).add(exercise_id)
        for key, ids in aliases.items():
            self._loose.setdefault(key, ids)  # a name wins over another exercise's alias

    @classmethod
    def for_coach(cls, coach) -> "ExerciseNames":
        """The coach's catalog (system, public and their own exercises), in one query."""
        return cls(exercises_visible_to(coach).values_list("pk", "name", "aliases"))

    def find(self, typed: str) -> tuple[str | None, list[str]]:
        """(the id the name means, None) — or (None, the names it could mean): two or more
        exercises when the typed name is ambiguous, else the closest names (maybe none)."""
        exact = self._exact.get(typed.casefold())
        if exact:
            return exact, []
        key = _key(typed)
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            ids = self._loose.get(candidate) if candidate else None
            if ids and len(ids) == 1:
                return next(iter(ids)), []
            if ids:
                return None, sorted(self.names[i] for i in ids)
        return None, self.closest(typed)

    def closest(self, typed: str) -> list[str]:
        spelled = {folded(name): name for name in self.names.values()}
        matches = difflib.get_close_matches(folded(typed), list(spelled), SUGGESTIONS, 0.6)
        return [spelled[match] for match in matches]
