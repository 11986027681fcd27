"""Optional: an LLM rephrases the week's findings in friendlier words, and nothing more.

Only the deterministic findings are sent (no names, no emails). The reply must be JSON of the
same shape, keep every number, and pass the schemas; otherwise, and on any timeout or error,
the deterministic text stands and the reason is logged. Any OpenAI-compatible
chat-completions endpoint works (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL).
"""

import json
import logging
import re
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError

from hybridpeaks.core.json_validation import validate_document

logger = logging.getLogger(__name__)

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
INSTRUCTIONS = (
    "You rephrase a training week's analysis for an athlete and their coach: warm, plain, "
    "brief. Keep the meaning, keep every number exactly as written, add no advice and no new "
    "facts, never mention injury risk. Answer with JSON only, of exactly the same shape as the "
    'input: {"patterns": [strings], "suggestions": [{"suggestion", "reasoning"}], '
    '"fatigueAnalysis": string}, with the same number of items in the same order.'
)


def configured() -> bool:
    return bool(settings.LLM_BASE_URL and settings.LLM_MODEL)


def narrate(findings: dict) -> dict:
    """The findings rephrased, or the findings themselves when the narrator is off or fails."""
    if not configured():
        return findings
    try:
        reply = _ask(findings)
        _check(findings, reply)
    except (OSError, ValueError, KeyError, TypeError, ValidationError) as problem:
        # OSError covers timeouts, refused connections and HTTP errors (urllib's are OSErrors).
        logger.warning("LLM narrator not used, deterministic text kept: %s", problem)
        return findings
    return reply


def _ask(findings: dict) -> dict:
    body = {
        "model": settings.LLM_MODEL,
        "temperature": 0.2,
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": json.dumps(findings, ensure_ascii=False)},
        ],
    }
    request = urllib.request.Request(  # noqa: S310 (the configured endpoint; http or https)
        settings.LLM_BASE_URL.rstrip("/") + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.LLM_API_KEY}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=settings.LLM_TIMEOUT) as response:  # noqa: S310
        payload = json.load(response)
    content = payload["choices"][0]["message"]["content"].strip()
    content = content.removeprefix("```json").removeprefix("```").removesuffix("```")
    reply = json.loads(content)
    if not isinstance(reply, dict):
        raise ValueError("the reply is not a JSON object")
    return reply


def _texts(findings: dict) -> list[str]:
    """Every text of the findings, in a fixed order, to compare original and reply."""
    texts = list(findings["patterns"])
    for item in findings["suggestions"]:
        texts += [item["suggestion"], item["reasoning"]]
    return [*texts, findings["fatigueAnalysis"]]


def _check(original: dict, reply: dict) -> None:
    if set(reply) != set(original):
        raise ValueError(f"the reply has keys {sorted(reply)}")
    validate_document(reply["patterns"], schema="insights:patterns")
    validate_document(reply["suggestions"], schema="insights:suggestions")
    if not isinstance(reply["fatigueAnalysis"], str) or not reply["fatigueAnalysis"].strip():
        raise ValueError("the fatigue analysis is missing")
    if len(reply["patterns"]) != len(original["patterns"]) or len(reply["suggestions"]) != len(
        original["suggestions"]
    ):
        raise ValueError("the reply has a different number of items")
    for before, after in zip(_texts(original), _texts(reply), strict=True):
        lost = set(NUMBER.findall(before)) - set(NUMBER.findall(after))
        if lost:
            raise ValueError(f"the reply dropped the numbers {sorted(lost)}")
