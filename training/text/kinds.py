"""Which steps are warm-up, work, recovery and cool-down when the text does not say.

The rule (docs/text-syntax.md): only a session with some hard step has a warm-up, recoveries
or a cool-down, and then an easy step (amounts.is_easy: zone 1–2, ≤ 75 % FTP) reads as
- the warm-up when it opens the session and the cool-down when it closes it (with something
  between, a session of one step has neither),
- a recovery anywhere else, in a repeat too when the repeat holds a hard step;
every other step is work. A word (`warm-up`, `work`, `recovery`, `cool-down`) says otherwise.

The reading depends on intensities and places only, never on other steps' kinds, so the
printer writes a kind's word exactly where this rule would read another kind.
"""

from training.text.amounts import is_easy

KIND_NAMES = {
    "warmup": "warmup", "warm-up": "warmup", "wu": "warmup",
    "work": "work", "interval": "work",
    "recovery": "recovery", "rec": "recovery", "recover": "recovery",
    "cooldown": "cooldown", "cool-down": "cooldown", "cd": "cooldown",
}  # fmt: skip
KIND_WORDS = {"warmup": "warm-up", "work": "work", "recovery": "recovery", "cooldown": "cool-down"}


def inferred_kinds(items: list) -> list:
    """`items` holds, in order, a step's intensity (a dict) or a repeat's list of them; the
    answer has the same shape with each intensity replaced by the kind it reads as."""
    hard = any(
        not is_easy(intensity)
        for item in items
        for intensity in (item if isinstance(item, list) else [item])
    )
    last = len(items) - 1
    kinds = []
    for place, item in enumerate(items):
        if isinstance(item, list):
            hard_inside = any(not is_easy(intensity) for intensity in item)
            kinds.append(["recovery" if hard_inside and is_easy(i) else "work" for i in item])
        elif not hard or not is_easy(item):
            kinds.append("work")
        elif place == 0 and last > 0:
            kinds.append("warmup")
        elif place == last and last > 0:
            kinds.append("cooldown")
        else:
            kinds.append("recovery")
    return kinds
