"""What a rule returns: one observation, with the numbers behind it."""

from collections.abc import Mapping
from dataclasses import dataclass, field

SAFETY, FATIGUE, PROGRESSION, INFO = "safety", "fatigue", "progression", "info"
# Findings are reported safety first, then fatigue, then progression (insights-reference
# "Rules"); plain information comes last.
KIND_ORDER = (SAFETY, FATIGUE, PROGRESSION, INFO)


@dataclass(frozen=True)
class Finding:
    """One rule's observation.

    `pattern` says what the week showed; `suggestion` (optional) what to change; `reasoning`
    quotes the numbers so a coach can check them; `numbers` holds them for a narrator.
    `holds_progression`: while this finding stands, no suggestion may add load.
    `progresses`: this finding's suggestion would add load or test maxima.
    """

    rule: str
    kind: str
    pattern: str
    reasoning: str
    suggestion: str | None = None
    numbers: Mapping[str, object] = field(default_factory=dict)
    holds_progression: bool = False
    progresses: bool = False
