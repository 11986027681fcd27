"""A read the ORM defines once and compiles once per process.

Django builds a queryset's SQL again on every evaluation; for the few reads every page view
makes (an athlete's week, the builder's plan and sessions) building it cost two to three
times running it. `CompiledRead` keeps the queryset as the one definition of the read: it
is built once with stand-in values and compiled, and each call runs that SQL with the
caller's values through `Model.objects.raw()`, whose rows are model instances like the
queryset's (annotations included, as the database wrote them: a UUID annotation is text on
SQLite, a boolean may be 0 or 1).

Only for reads without select_related or prefetches (raw() maps columns by name). Every
stand-in must be a value the query holds nowhere else (`stand_in` gives UUIDs and dates
that no data has); the query's own literals stay as compiled.
"""

import uuid
from collections.abc import Callable
from datetime import date, timedelta

from django.db import connection


def _param(value):
    """A value as the ORM passes it to this database (a UUID is hex text on SQLite)."""
    if isinstance(value, uuid.UUID) and not connection.features.has_native_uuid_field:
        return value.hex
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


class CompiledRead:
    """`build(**stand_ins)` returns the queryset; `read(**values)` its rows for `values`."""

    def __init__(self, build: Callable, **stand_ins):
        self._build = build
        self._stand_ins = stand_ins
        self._compiled: dict[str, tuple] = {}  # database vendor → (model, sql, slots)

    def _compile(self) -> tuple:
        queryset = self._build(**self._stand_ins)
        sql, params = queryset.query.sql_with_params()
        names = {_param(value): name for name, value in self._stand_ins.items()}
        # Each parameter: the name of the caller's value it takes, or the query's own literal.
        slots = [(names.get(param), param) for param in params]
        missing = set(self._stand_ins) - {name for name, _ in slots}
        if missing:
            raise ValueError(f"The query does not use {', '.join(sorted(missing))}.")
        return queryset.model, sql, slots

    def read(self, **values) -> list:
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            compiled = self._compiled[connection.vendor] = self._compile()
        model, sql, slots = compiled
        params = [_param(values[name]) if name else literal for name, literal in slots]
        return list(model.objects.raw(sql, params))


def stand_in(kind: type, number: int):
    """A value no query holds as a literal and no row has: UUID(int=number) or a date in
    the first years of the calendar."""
    if kind is uuid.UUID:
        return uuid.UUID(int=number)
    if kind is date:
        return date(1, 1, 1) + timedelta(days=number)
    raise TypeError(f"No stand-in for {kind.__name__}.")
