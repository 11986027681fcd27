"""The page benchmark's two ceilings: what the framework alone costs on this machine.

`manage.py benchmark_pages` measures every main page against these, served by the same
gunicorn in the same run, so a page's figure reads as a share of what any page could do
here, whatever the machine. C0 is a 2 KB template page for an anonymous visitor through
the project's whole middleware; C3 is the same page signed in (the session and the user
are read) plus 3 small queries. They exist only when BENCHMARK_CEILINGS is on (settings),
never in a normal deployment.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from training.models import Exercise

TEMPLATE = "benchmark/ceiling.html"
ROWS = [f"Row {n} of the ceiling page" for n in range(1, 6)]


@require_GET
def c0(request):
    """A 2 KB template page, anonymous: no query at all."""
    return render(request, TEMPLATE, {"name": "C0", "rows": ROWS, "count": None})


@login_required
@require_GET
def c3(request):
    """The same page signed in, plus exactly 3 small queries evaluated here, not in the
    template: a short sorted slice, a count and an exists, all on the indexed catalog."""
    system = Exercise.objects.filter(created_by__isnull=True)
    rows = list(system.order_by("name").values_list("name", flat=True)[:5])
    count = system.count()
    own = Exercise.objects.filter(created_by__user=request.user).exists()
    context = {"name": "C3", "rows": rows, "count": count, "own": own}
    return render(request, TEMPLATE, context)
