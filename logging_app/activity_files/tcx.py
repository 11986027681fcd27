"""TCX activities: the Activity's Sport, laps (timer time, distance) and track points
(time, cumulative distance, heart rate, watts in the TPX extension)."""

from logging_app.activity_files.activity import Unreadable
from logging_app.activity_files.sports import word_modality
from logging_app.activity_files.track import Track
from logging_app.activity_files.xml_stream import (
    child_text,
    descendant_number,
    ended_elements,
    local,
    number,
    parse_time,
)

_NAMES = frozenset({"Trackpoint", "Activity", "Lap/TotalTimeSeconds", "Lap/DistanceMeters"})


def read_tcx(stream, track: Track) -> dict:
    """Feed the track points to `track`; sum the laps' timer time and distance."""
    sport = None
    lap_seconds = lap_meters = None
    points = 0
    for name, element in ended_elements(stream, _NAMES):
        if name == "Trackpoint":
            points += 1
            when = parse_time(child_text(element, "Time"))
            if when is not None:
                heart = next((c for c in element if local(c.tag) == "HeartRateBpm"), None)
                track.add(
                    when.timestamp(),
                    hr=None if heart is None else descendant_number(heart, ("Value",)),
                    power=descendant_number(element, ("Watts",)),
                    distance_m=number(child_text(element, "DistanceMeters")),
                )
        elif name == "Activity":
            sport = sport if sport is not None else (element.get("Sport") or "").lower()
        elif name in ("TotalTimeSeconds", "DistanceMeters"):
            value = number(element.text) or 0.0
            if name == "TotalTimeSeconds":
                lap_seconds = (lap_seconds or 0.0) + value
            else:
                lap_meters = (lap_meters or 0.0) + value
    if not points:
        raise Unreadable("the file has no track points (a TCX without a recorded track).")
    if not track.samples:
        raise Unreadable("its track points have no times, so the start and duration are unknown.")
    sport = sport or ""
    return {
        "sport": sport,
        "modality": word_modality(sport),
        "moving_s": lap_seconds,
        "distance_m": lap_meters,
    }
