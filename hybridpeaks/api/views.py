"""The read endpoints of /api/v1/: a person's own plans, sessions, logs, benchmarks and weekly
summaries (an athlete's own; a coach's athletes'), beside the sync endpoints of
logging_app/api.py, which keep their own views and behaviour.

Every read is scoped to the requester (accounts.permissions.api_scope): another person's
object is a 404, as on the pages. Athletes see published plans only, as on their pages; a
coach sees drafts too. Archived plans are history and are not listed (the builder does not
show them either). Lists are paged (params.Page) and newest first, except athletes (by
name) and sessions (in calendar order).
"""

from functools import wraps

from django.db.models import Prefetch
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import api_person_required, api_scope, athletes_visible_to, is_coach
from hybridpeaks.api import params, shapes
from hybridpeaks.api.params import BadParameter, NotFound, Page
from insights.models import AIWeeklySummary
from logging_app import api as sync
from logging_app.models import WorkoutLog
from training.models import BenchmarkMetric, MetricType, TrainingPlan, TrainingSession


def read_endpoint(*allowed: str):
    """GET only, signed in (cookie or token) as a coach or athlete, never cached, taking the
    query parameters `allowed`; a bad or unknown parameter is a 400 naming it, and what is
    not the requester's a 404."""

    def decorator(view):
        @api_person_required
        @require_GET
        @never_cache
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                params.only(request, allowed)
                return view(request, *args, **kwargs)
            except BadParameter as bad:
                return params.refusal(400, bad.name, bad.problem)
            except NotFound as missing:
                return params.refusal(404, missing.name, missing.problem)

        return wrapped

    return decorator


LISTED = ("athlete", "from", "to", *params.PAGING)


def _athlete_filter(request, path: str = "athlete") -> dict:
    """`?athlete=<id>`: one of the requester's athletes (a coach), or themself (an athlete)."""
    athlete_id = params.uuid_param(request, "athlete")
    if athlete_id is None:
        return {}
    if not athletes_visible_to(request.user).filter(pk=athlete_id).exists():
        raise NotFound("athlete", "No such athlete of yours.")
    return {f"{path}_id": athlete_id}


def _within_days(request, queryset, field: str):
    """`?from=` and `?to=` (days, both included) on `field`, each when given."""
    first, last = params.day_range(request)
    if first:
        queryset = queryset.filter(**{f"{field}__gte": first})
    if last:
        queryset = queryset.filter(**{f"{field}__lte": last})
    return queryset


def _one(queryset, pk, name: str):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise NotFound("id", f"No such {name} of yours.")
    return found


def _plans(user):
    plans = TrainingPlan.objects.standing().filter(api_scope(user))
    return plans if is_coach(user) else plans.published()


def _sessions(user):
    plans = _plans(user)
    logs = Prefetch("logs", queryset=WorkoutLog.objects.only("id", "session_id"))
    return (
        TrainingSession.objects.filter(plan__in=plans)
        .select_related("plan")
        .prefetch_related(logs)
        .order_by("date", "created_at", "pk")
    )


@read_endpoint()
def me(request):
    return JsonResponse(shapes.person_json(request.user))


@read_endpoint(*params.PAGING)
def athletes(request):
    page = Page.of(request)
    found = athletes_visible_to(request.user).select_related("user").order_by("name", "pk")
    rows, more = page.rows(found)
    return page.answer(request, [shapes.athlete_json(athlete) for athlete in rows], more)


@read_endpoint(*LISTED)
def plans(request):
    page = Page.of(request)
    found = _plans(request.user).filter(**_athlete_filter(request))
    found = _within_days(request, found, "week_start_date")
    rows, more = page.rows(found.order_by("-week_start_date", "pk"))
    return page.answer(request, [shapes.plan_json(plan) for plan in rows], more)


@read_endpoint()
def plan(request, pk):
    found = _one(_plans(request.user), pk, "plan")
    sessions = _sessions(request.user).filter(plan=found)
    return JsonResponse({**shapes.plan_json(found), "sessions": shapes.sessions_json(sessions)})


@read_endpoint(*LISTED)
def sessions(request):
    page = Page.of(request)
    found = _sessions(request.user).filter(**_athlete_filter(request, "plan__athlete"))
    found = _within_days(request, found, "date")
    rows, more = page.rows(found)
    return page.answer(request, shapes.sessions_json(rows), more)


@read_endpoint()
def session(request, pk):
    found = _one(_sessions(request.user), pk, "session")
    return JsonResponse(shapes.sessions_json([found])[0])


@read_endpoint(*LISTED)
def log_list(request):
    """Logs by the day they were completed, in the requester's time zone (the middleware
    activates it, and `__date` reads in it)."""
    page = Page.of(request)
    found = WorkoutLog.objects.filter(api_scope(request.user), **_athlete_filter(request))
    found = _within_days(request, found, "completed_at__date")
    rows, more = page.rows(found.order_by("-completed_at", "pk"))
    return page.answer(request, [sync.log_json(log) for log in rows], more)


@require_http_methods(["GET", "POST"])
def workout_logs(request):
    """One URL, two endpoints: POST is the sync API's (unchanged), GET lists logs."""
    if request.method == "POST":
        return sync.workout_logs(request)
    return log_list(request)


@read_endpoint("athlete", "metric", *params.PAGING)
def benchmarks(request):
    page = Page.of(request)
    metric = params.choice(request, "metric", MetricType.values)
    found = BenchmarkMetric.objects.filter(api_scope(request.user), **_athlete_filter(request))
    if metric:
        found = found.filter(metric_type=metric)
    found = found.select_related("exercise").order_by("-established_at", "-created_at", "pk")
    rows, more = page.rows(found)
    return page.answer(request, [shapes.benchmark_json(benchmark) for benchmark in rows], more)


@read_endpoint(*LISTED)
def summaries(request):
    page = Page.of(request)
    found = AIWeeklySummary.objects.filter(api_scope(request.user), **_athlete_filter(request))
    found = _within_days(request, found, "week_end_date")
    rows, more = page.rows(found.order_by("-week_end_date", "pk"))
    return page.answer(request, [shapes.summary_json(summary) for summary in rows], more)


@read_endpoint()
def summary(request, pk):
    found = _one(AIWeeklySummary.objects.filter(api_scope(request.user)), pk, "summary")
    return JsonResponse(shapes.summary_json(found))
