"""What reading a text can say back: errors that point at a line and a word, and notes."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class TextError:
    """One problem in a text: where it is (line and column, both from 1), the word it is
    about (empty when the problem is something missing at the end of a line), and why.

    Every error of a text is collected, not only the first, so a coach fixes a pasted week in
    one pass; anything with an error is written nowhere."""

    line: int
    column: int
    word: str
    reason: str

    @property
    def what(self) -> str:
        """The word and the reason, without the place: `“3x8-1O”: reps must be 1–50`."""
        return f"“{self.word}”: {self.reason}" if self.word else self.reason

    def __str__(self) -> str:
        return f"Line {self.line}, column {self.column}, {self.what}"


class TextErrors(Exception):
    """Raised where a caller wants an exception rather than a list (the command, the service's
    callers); carries every error."""

    def __init__(self, errors: list[TextError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors
