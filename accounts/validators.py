"""Password rules of the spec that Django's stock validators do not cover."""

import re

from django.core.exceptions import ValidationError


class CharacterClassValidator:
    """Require an upper-case letter, a lower-case letter and a digit (the spec's rule)."""

    rules = (
        (re.compile(r"[A-Z]"), "an upper-case letter"),
        (re.compile(r"[a-z]"), "a lower-case letter"),
        (re.compile(r"[0-9]"), "a digit"),
    )

    def validate(self, password, user=None):
        missing = [name for pattern, name in self.rules if not pattern.search(password)]
        if missing:
            raise ValidationError(
                "Your password needs " + ", ".join(missing) + ".",
                code="password_character_classes",
            )

    def get_help_text(self):
        return "Your password needs an upper-case letter, a lower-case letter and a digit."
