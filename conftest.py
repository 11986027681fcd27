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


@pytest.fixture
def unreachable_database():
    """While the test runs, the default connection points at a PostgreSQL that is not there.

    Only PostgreSQL can be unreachable (SQLite is a file), so elsewhere the test is skipped.
    """
    if connection.vendor != "postgresql":
        pytest.skip("An embedded SQLite database cannot be unreachable.")
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9")  # nothing listens on port 9
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)
