"""Helpers for each app's schema tests: build a document with keys changed or left out, and
read the messages the shared validator refuses it with.

They live beside the validator so every app's tests may import them (core imports no app).
"""

import pytest
from django.core.exceptions import ValidationError

from hybridpeaks.core.json_validation import validate_document

UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
OTHER_UUID = "9b2c1f6e-7d4a-4e0b-8c3d-2a1f0e9d8c7b"
MISSING = object()  # a key to leave out of a built document


def merged(base: dict, changes: dict) -> dict:
    """`base` with `changes` applied; a change to MISSING leaves that key out."""
    combined = {**base, **changes}
    return {key: value for key, value in combined.items() if value is not MISSING}


def rejected(document, schema: str) -> list[str]:
    """The messages validate_document raises for `document`; fails if it is accepted."""
    with pytest.raises(ValidationError) as caught:
        validate_document(document, schema=schema)
    return caught.value.messages
