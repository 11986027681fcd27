"""Endurance metrics: volume by modality, TSS estimates, CTL/ATL/TSB, sessions cut short.

TSS here is always an estimate: without normalized power (not logged) it comes from the
zone or from average power, per insights-reference.md "Endurance fitness and fatigue".
Strength has no TSS; it counts in the session-RPE load only.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from insights.engine.inputs import Logged
from insights.engine.metrics import ewma, session_minutes
from training.prescription import EndurancePrescription, Intensity, planned_minutes

MODALITIES = ("run", "bike", "row", "swim")
KM_PER_UNIT = {"km": 1.0, "miles": 1.609344, "meters": 0.001}
# IF by zone (convention: midpoints of Coggan's levels; insights-reference "Endurance").
ZONE_INTENSITY_FACTOR = {1: 0.50, 2: 0.65, 3: 0.83, 4: 0.98, 5: 1.13}
# TSS = hours × IF^k × 100; k = 3 for swimming, whose drag grows with the cube of speed.
TSS_EXPONENT = {"swim": 3}
DEFAULT_TSS_EXPONENT = 2
# FTP is a cycling benchmark: a rower's watts cannot be divided by it.
POWER_MODALITIES = frozenset({"bike"})
# Time constants (days) of fitness (CTL) and fatigue (ATL).
CTL_DAYS = 42
ATL_DAYS = 7
# Convention: under 90 % of the planned minutes is "cut short" (interference rule).
CUT_SHORT_SHARE = 0.9
# Coggan's power levels as (upper bound in % FTP, level); above 120 % is level 6.
COGGAN_LEVEL_CEILINGS = ((55, 1), (75, 2), (90, 3), (105, 4), (120, 5))
COGGAN_TOP_LEVEL = 6
# Zones (or Coggan levels) 1–2 are the "easy" sessions of the easy-too-hard rule.
EASY_ZONE_MAX = 2
HR_ZONES = (1, 2, 3, 4, 5)
# Convention: race paces as zones (Friel: 5 km and 10 km pace in zone 5, half-marathon pace
# at threshold, zone 4), for interval steps prescribed at a race pace.
RACE_PACE_ZONE = {"5k": 5, "10k": 5, "half_marathon": 4}


def distance_km(distance) -> float | None:
    """A `{value, unit}` distance in km (miles × 1.609344, meters ÷ 1000)."""
    if not isinstance(distance, Mapping) or distance.get("unit") not in KM_PER_UNIT:
        return None
    value = distance.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) * KM_PER_UNIT[distance["unit"]]


def endurance_logs(logs: Iterable[Logged]) -> list[Logged]:
    return [log for log in logs if log.type == "endurance"]


def volume_by_modality(logs: Iterable[Logged]) -> dict[str, dict[str, float]]:
    """Minutes (and km, when any distance was logged) per modality, in MODALITIES order."""
    totals: dict[str, dict[str, float]] = {}
    for log in endurance_logs(logs):
        modality = log.actual_data.get("modality")
        if modality not in MODALITIES:
            continue
        entry = totals.setdefault(modality, {"minutes": 0.0})
        entry["minutes"] += session_minutes(log) or 0.0
        km = distance_km(log.actual_data.get("distance"))
        if km is not None:
            entry["distanceKm"] = entry.get("distanceKm", 0.0) + km
    return {modality: totals[modality] for modality in MODALITIES if modality in totals}


def endurance_minutes(logs: Iterable[Logged]) -> float:
    return sum(session_minutes(log) or 0.0 for log in endurance_logs(logs))


def coggan_level(percent_ftp: float) -> int:
    """Coggan's level (1–6) of a % of FTP; a gap such as 55–56 goes to the lower level."""
    for ceiling, level in COGGAN_LEVEL_CEILINGS:
        if percent_ftp <= ceiling:
            return level
    return COGGAN_TOP_LEVEL


def _top(first, last):
    """A range's harder end (a step may write it either way round); a lone value as it is."""
    numbers = [n for n in (first, last) if isinstance(n, int | float) and not isinstance(n, bool)]
    return max(numbers) if numbers else None


def intensity_zone(intensity: Intensity) -> int | None:
    """An intensity's zone: heart-rate or pace zone 1–5 (a range's top), the Coggan level of
    a %FTP (a range's top), or a race pace's zone (RACE_PACE_ZONE)."""
    if intensity.type == "ftp_percent":
        percent = _top(intensity.value, intensity.value_to)
        return None if percent is None else coggan_level(percent)
    if intensity.type == "race_pace":
        return RACE_PACE_ZONE.get(intensity.race)
    if intensity.type in ("heart_rate_zone", "pace_zone"):
        zone = _top(intensity.zone, intensity.zone_to)
        return zone if zone in HR_ZONES else None
    return None


def prescribed_zone(plan: EndurancePrescription) -> int | None:
    """The planned zone: heart-rate or pace zone 1–5, or the Coggan level of a %FTP. A session
    of interval steps that states no intensity of its own is planned at its hardest step
    (docs/decisions.md): a track session of Z1 jogs and 5 km-pace reps is not an easy one."""
    own = intensity_zone(plan.intensity) if plan.intensity.type else None
    if own is not None or not plan.steps:
        percent = plan.intensity.ftp_percent
        return coggan_level(percent) if percent is not None else plan.zone
    zones = [zone for step, _ in plan.counted_steps if (zone := intensity_zone(step.intensity))]
    return max(zones) if zones else None


def is_easy(plan: EndurancePrescription) -> bool:
    zone = prescribed_zone(plan)
    return zone is not None and zone <= EASY_ZONE_MAX


def hr_zone(avg_hr, bounds: Mapping[int, float] | None) -> int | None:
    """Zone N spans (upper bound of N−1, upper bound of N] (docs/decisions.md); above
    zone 5's bound still counts as zone 5. Needs all five bounds."""
    if avg_hr is None or not bounds or any(zone not in bounds for zone in HR_ZONES):
        return None
    return next((zone for zone in HR_ZONES if avg_hr <= bounds[zone]), HR_ZONES[-1])


def intensity_factor(log: Logged, ftp: float | None, bounds) -> float | None:
    """IF, from the best evidence available: average power ÷ FTP (cycling), else the zone
    of the logged average heart rate, else the prescribed %FTP or zone; None if none."""
    data = log.actual_data
    power = data.get("avgPower")
    modality = data.get("modality")
    if ftp and modality in POWER_MODALITIES and isinstance(power, int | float) and power > 0:
        return float(power) / ftp
    zone = hr_zone(data.get("avgHeartRate"), bounds)
    if zone is not None:
        return ZONE_INTENSITY_FACTOR[zone]
    return planned_intensity_factor(log.plan)


def planned_intensity_factor(plan: EndurancePrescription) -> float | None:
    """The IF the plan implies: its %FTP or zone; for interval steps with no intensity of the
    session's own, the duration-weighted IF of its timed steps (insights-reference.md,
    "Intervals"), each step's from its %FTP or zone (a range's harder end). Distance steps
    have no time without a pace, so they weigh only when no step is timed (their hardest
    then, as prescribed_zone reads them)."""
    percent = plan.intensity.ftp_percent
    if percent is not None:
        return percent / 100
    if not plan.steps or plan.intensity.type:
        zone = prescribed_zone(plan)
        return ZONE_INTENSITY_FACTOR.get(zone) if zone is not None else None
    weighted = minutes = 0.0
    for step, repeats in plan.counted_steps:
        step_minutes = step.minutes
        factor = _step_factor(step.intensity)
        if step_minutes and factor is not None:
            weighted += step_minutes * repeats * factor
            minutes += step_minutes * repeats
    if minutes:
        return weighted / minutes
    zone = prescribed_zone(plan)
    return ZONE_INTENSITY_FACTOR.get(zone) if zone is not None else None


def _step_factor(intensity: Intensity) -> float | None:
    """One step's IF: its %FTP ÷ 100 (a range's harder end), else its zone's."""
    if intensity.type == "ftp_percent":
        percent = _top(intensity.value, intensity.value_to)
        return None if percent is None else percent / 100
    zone = intensity_zone(intensity)
    return ZONE_INTENSITY_FACTOR.get(zone) if zone is not None else None


def tss(log: Logged, ftp: float | None = None, bounds=None) -> float | None:
    """Estimated TSS = hours × IF² × 100 (swim: IF³); None without minutes or an IF."""
    if log.type != "endurance":
        return None
    minutes = session_minutes(log)
    factor = intensity_factor(log, ftp, bounds)
    if minutes is None or factor is None:
        return None
    exponent = TSS_EXPONENT.get(log.actual_data.get("modality"), DEFAULT_TSS_EXPONENT)
    return minutes / 60 * factor**exponent * 100


def daily_tss(logs: Iterable[Logged], start: dt.date, days: int, ftp=None, bounds=None):
    """TSS per day from `start`; days without endurance work are 0."""
    series = [0.0] * days
    for log in endurance_logs(logs):
        index = (log.completed_on - start).days
        value = tss(log, ftp, bounds)
        if 0 <= index < days and value is not None:
            series[index] += value
    return series


def fitness_and_fatigue(series: Sequence[float]) -> tuple[list[float], list[float]]:
    """CTL and ATL per day: X_t = X_{t−1} + (TSS_t − X_{t−1})/N, i.e. an EWMA with
    λ = 1/N, seeded like the load EWMAs (metrics.SEED_DAYS)."""
    return ewma(series, 1 / CTL_DAYS), ewma(series, 1 / ATL_DAYS)


def form(ctl: Sequence[float], atl: Sequence[float]) -> float | None:
    """TSB going into the next day: the last day's CTL − ATL."""
    return ctl[-1] - atl[-1] if ctl and atl else None


def ctl_ramp(ctl: Sequence[float], days: int = 7) -> float | None:
    """CTL change over the last week (points per week)."""
    return ctl[-1] - ctl[-1 - days] if len(ctl) > days else None


def cut_short(log: Logged) -> bool | None:
    """True when an endurance session was stopped (`completed: false`) or lasted under
    CUT_SHORT_SHARE of its plan; None when there is nothing to compare."""
    if log.type != "endurance":
        return None
    if log.actual_data.get("completed") is False:
        return True
    planned = planned_minutes(log.plan, log.estimated_duration)
    done = session_minutes(log)
    if not planned or done is None:
        return None
    return done < CUT_SHORT_SHARE * planned
