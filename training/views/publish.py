"""Publishing a plan: the coach's draft becomes what the athlete sees.

Apart from the builder's other views because it is the one write that changes who sees a plan
rather than what it holds; it answers like them (the builder region, 409 when stale).
"""

from django.views.decorators.http import require_POST

from accounts.permissions import coach_required
from training import services
from training.views.plans import _after_change, _plan, _stale, _version


@coach_required
@require_POST
def publish_plan(request, plan_id):
    plan = _plan(request, plan_id)
    athlete, monday = plan.athlete, plan.week_start_date
    try:
        version = _version(request)
        services.publish_plan(plan=plan, version=version, by=request.user, request=request)
    except services.StalePlan as stale:
        return _stale(request, athlete, monday, stale)
    return _after_change(request, athlete, monday, f"Published: {athlete.name} now sees this week.")
