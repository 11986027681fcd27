"""GPX tracks: points with times, and heart rate, power from the usual extensions
(Garmin's gpxtpx:TrackPointExtension hr, a <power> element)."""

from gpxpy.geo import haversine_distance

from logging_app.activity_files.activity import Unreadable
from logging_app.activity_files.sports import word_modality
from logging_app.activity_files.track import Track
from logging_app.activity_files.xml_stream import (
    child_text,
    descendant_number,
    ended_elements,
    number,
    parse_time,
)

_NAMES = frozenset({"trkpt", "trkseg", "trk/type"})


def read_gpx(stream, track: Track) -> dict:
    """Feed the track points to `track`, summing distance within each segment."""
    sport = ""
    points = 0
    distance = 0.0
    previous = None  # (lat, lon) of the last point of this segment
    for name, element in ended_elements(stream, _NAMES):
        if name == "type":
            sport = sport or (element.text or "").strip().lower()
            continue
        if name == "trkseg":
            previous = None  # a new segment starts after a pause: no distance across it
            continue
        points += 1
        lat, lon = number(element.get("lat")), number(element.get("lon"))
        if lat is not None and lon is not None:
            if previous is not None:
                distance += haversine_distance(previous[0], previous[1], lat, lon)
            previous = (lat, lon)
        when = parse_time(child_text(element, "time"))
        if when is not None:
            track.add(
                when.timestamp(),
                hr=descendant_number(element, ("hr", "HeartRate", "heartrate")),
                power=descendant_number(element, ("power", "PowerInWatts", "Watts")),
                distance_m=distance if previous is not None else None,
            )
    if not points:
        raise Unreadable("the file has no track points (a GPX without a recorded track).")
    if not track.samples:
        raise Unreadable("its track points have no times, so the start and duration are unknown.")
    return {"sport": sport, "modality": word_modality(sport)}
