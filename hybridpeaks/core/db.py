"""Letting the database decide races: an INSERT that a unique constraint may refuse."""

from contextlib import nullcontext

from django.db import IntegrityError, transaction


def insert_once(instance) -> bool:
    """INSERT `instance`; False when the database refused it (another writer got there first).

    Inside a transaction (a caller's, a test's) the INSERT runs in a savepoint, so a refusal
    does not break the transaction. In autocommit the INSERT is a transaction of its own, and
    wrapping it would only add BEGIN and COMMIT: two queries on budgeted paths.
    """
    in_transaction = transaction.get_connection().in_atomic_block
    try:
        with transaction.atomic() if in_transaction else nullcontext():
            instance.save(force_insert=True)
    except IntegrityError:
        return False
    return True
