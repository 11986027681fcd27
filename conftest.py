"""Fixtures shared by every app's tests."""

from contextlib import contextmanager

import pytest
from django.db import IntegrityError, connection, transaction


@contextmanager
def _db_rejects(constraint: str):
    """Expect the database itself (not Python) to refuse the write, naming `constraint`.

    PostgreSQL names every violated constraint; SQLite names check constraints but reports
    unique ones by their columns, so there only the kind of failure is checked.
    """
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "postgresql" or "CHECK" in message:
        assert constraint in message, message


@pytest.fixture
def db_rejects():
    return _db_rejects
