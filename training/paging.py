"""A page of a queryset and the count it was cut from, read in one query.

Django's Paginator asks the database twice, a COUNT and then the slice. On a page whose
whole budget is a handful of queries (the catalog, the athlete's history), the count is a
window over the same rows instead: SQL computes window functions before LIMIT and OFFSET,
so every row of the slice carries the number of rows that matched. Only a page past the end
(an old link, a hand-typed number) costs a second query, to find the last page.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

FOUND = "paging_found"
# Page numbers above this are past the end of any list here; a larger one (a hand-typed
# 10**30) would overflow the database's OFFSET.
MAX_PAGE = 1_000_000


class _Counted(Paginator):
    """A Paginator told its count instead of asking for it."""

    def __init__(self, count: int, per_page: int):
        super().__init__((), per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


def _number(raw) -> int:
    """The page asked for; anything that is not a positive whole number means the first, and
    a number beyond MAX_PAGE is past the end (the last page)."""
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def page_of(queryset, raw_number, per_page: int) -> Page:
    """The page `raw_number` (a query-string value) of the ordered `queryset`; a number past
    the end gives the last page, as Paginator.get_page does."""
    number = _number(raw_number)
    counted = queryset.annotate(**{FOUND: Window(Count("pk"))})
    start = (number - 1) * per_page
    rows = list(counted[start : start + per_page])
    if rows:
        total = getattr(rows[0], FOUND)
    else:
        total = queryset.count() if number > 1 else 0
        last = max((total + per_page - 1) // per_page, 1)
        if number > last:
            number, start = last, (last - 1) * per_page
            rows = list(counted[start : start + per_page])
    paginator = _Counted(total, per_page)
    return Page(rows, number, paginator)
