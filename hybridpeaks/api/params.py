"""Reading the read endpoints' query parameters, and their refusals.

Every refusal has the sync API's shape (`errors` and `messages`, keyed by what they concern),
here keyed by the query parameter, so a script learns which one to fix. A parameter the
endpoint does not take is refused too: `?form=2026-01-01` silently listing everything would
hide the typo.
"""

import uuid
from dataclasses import dataclass

from django.http import JsonResponse

from hybridpeaks.core.converters import FIRST_DAY, LAST_DAY, parse_day

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# Far past any real history (100 a page: a million rows), and a bounded OFFSET for the database.
MAX_PAGE = 10_000


class BadParameter(Exception):
    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name, self.problem = name, problem


class NotFound(Exception):
    """An object, or an athlete named in a parameter, that is not the requester's."""

    def __init__(self, name: str, problem: str):
        super().__init__(problem)
        self.name, self.problem = name, problem


def refusal(status: int, name: str, problem: str) -> JsonResponse:
    errors = {name: problem}
    messages = {name: f"{name}: {problem}" if status == 400 else problem}
    return JsonResponse({"errors": errors, "messages": messages}, status=status)


PAGING = ("page", "pageSize")


def only(request, allowed) -> None:
    for name in request.GET:
        if name not in allowed:
            raise BadParameter(name, f"is not a parameter here (these are: {', '.join(allowed)})")


def day(request, name: str):
    """An optional `YYYY-MM-DD` day, within the days the app knows (2000–2099)."""
    value = request.GET.get(name)
    if value is None:
        return None
    parsed = parse_day(value)
    if parsed is None:
        raise BadParameter(name, f"must be a day YYYY-MM-DD from {FIRST_DAY} to {LAST_DAY}")
    return parsed


def day_range(request) -> tuple:
    """`from` and `to`, both optional, both inclusive; `to` before `from` is refused."""
    first, last = day(request, "from"), day(request, "to")
    if first and last and last < first:
        raise BadParameter("to", "must not be before from")
    return first, last


def whole(request, name: str, *, default: int, low: int, high: int) -> int:
    value = request.GET.get(name)
    if value is None:
        return default
    # Longer than `high` is out of range unread: int() refuses strings past 4,300 digits.
    digits = value.isascii() and value.isdigit() and len(value) <= len(str(high))
    if not digits or not low <= int(value) <= high:
        raise BadParameter(name, f"must be a whole number from {low} to {high}")
    return int(value)


def uuid_param(request, name: str) -> uuid.UUID | None:
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadParameter(name, "must be an id (a UUID)") from None


def choice(request, name: str, choices) -> str | None:
    value = request.GET.get(name)
    if value is not None and value not in choices:
        raise BadParameter(name, f"must be one of {', '.join(choices)}")
    return value


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @classmethod
    def of(cls, request) -> "Page":
        number = whole(request, "page", default=1, low=1, high=MAX_PAGE)
        size = whole(request, "pageSize", default=DEFAULT_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE)
        return cls(number, size)

    def rows(self, queryset) -> tuple[list, bool]:
        """This page's rows, and whether another page follows: one row more is read, never
        a COUNT(*) of the whole history."""
        start = (self.number - 1) * self.size
        rows = list(queryset[start : start + self.size + 1])
        return rows[: self.size], len(rows) > self.size

    def answer(self, request, results: list, more: bool) -> JsonResponse:
        following = None
        if more:
            query = request.GET.copy()
            query["page"] = str(self.number + 1)
            following = f"{request.path}?{query.urlencode()}"
        return JsonResponse(
            {"results": results, "page": self.number, "pageSize": self.size, "next": following}
        )
