"""Planned load per day, for the planned-versus-done chart.

Planned load = planned minutes × the session RPE the plan implies, in the same units (AU)
as the logged session-RPE load. A plan states no session RPE, so it is derived by the
conventions named below; a coach can tune them here.
"""

import statistics
from collections.abc import Iterable

from insights.engine.endurance import prescribed_zone
from insights.engine.inputs import DAYS_IN_WEEK, Planned
from insights.engine.metrics import loads_by_day
from insights.engine.strength import prescribed_rpe
from training.prescription import planned_minutes

# Convention: session RPE expected per endurance zone, matching Foster's CR-10 words
# (2 easy, 3 moderate, 5 hard, 7 very hard, 9 near maximal) to zones 1–5.
ZONE_SESSION_RPE = {1: 2, 2: 3, 3: 5, 4: 7, 5: 9}
# A %FTP prescription maps to its Coggan level first; level 6 (above 120 %) is maximal.
LEVEL_SESSION_RPE = {**ZONE_SESSION_RPE, 6: 10}
# Convention: a strength session's RPE is the mean of its exercises' RPEs (as prescribed,
# or read from the chart for %1RM), kept on the 1–10 scale.
MIN_SESSION_RPE, MAX_SESSION_RPE = 1.0, 10.0
# Convention: when no exercise yields an RPE (e.g. %1RM for more than 10 reps), assume a
# moderately hard session rather than drawing no planned bar at all.
DEFAULT_STRENGTH_SESSION_RPE = 6.0


def planned_session_rpe(session: Planned) -> float | None:
    """The session RPE the plan implies."""
    if session.type == "endurance":
        zone = prescribed_zone(session.plan)
        return None if zone is None else float(LEVEL_SESSION_RPE[zone])
    if session.type != "strength":
        return None
    rpes = [
        target[1] for item in session.plan.items if (target := prescribed_rpe(item)) is not None
    ]
    if not rpes:
        return DEFAULT_STRENGTH_SESSION_RPE
    return min(max(statistics.fmean(rpes), MIN_SESSION_RPE), MAX_SESSION_RPE)


def planned_session_minutes(session: Planned) -> float | None:
    if session.type == "endurance":
        return planned_minutes(session.plan, session.estimated_duration)
    return None if session.estimated_duration is None else float(session.estimated_duration)


def planned_session_load(session: Planned) -> float | None:
    """Planned minutes × planned session RPE; None when either is unknown."""
    rpe, minutes = planned_session_rpe(session), planned_session_minutes(session)
    return None if rpe is None or minutes is None else rpe * minutes


def planned_daily_loads(planned: Iterable[Planned], week_start) -> list[float]:
    """Planned load per day of the week, Monday first."""
    return loads_by_day(
        planned,
        week_start,
        DAYS_IN_WEEK,
        day_of=lambda session: session.date,
        load_of=planned_session_load,
    )
