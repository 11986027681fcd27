"""FIT activities, read with fitdecode in one streamed pass.

fitdecode decodes frame by frame from a file object, so memory stays flat whatever the
length; Garmin's own Decoder reads the whole file into memory first (docs/decisions.md
"FIT decoder"). The watch's session message, when there is one, gives the figures Garmin
Connect shows (elapsed and timer time, distance, averages); the records give the samples
for zones and whatever the session lacks.
"""

from datetime import UTC, datetime

import fitdecode
from fitdecode.processors import FIT_DATETIME_MIN, FIT_UTC_REFERENCE, DataProcessorBase

from logging_app.activity_files.activity import Unreadable
from logging_app.activity_files.sports import fit_modality
from logging_app.activity_files.track import Track

_SESSION_FIELDS = (
    "sport",
    "sub_sport",
    "start_time",
    "total_elapsed_time",
    "total_timer_time",
    "total_distance",
    "avg_heart_rate",
    "max_heart_rate",
    "avg_power",
)


class _RawTimes(DataProcessorBase):
    """fitdecode's processors run four hooks per field (by method-name lookups) and turn
    every record's timestamp into a datetime; we need seconds for the sums and a datetime
    once, so this one does nothing (values are still scaled and named by the reader).
    Measured: the difference between costing more and less than the plain decode."""

    def on_process_type(self, reader, field_data):
        pass

    def on_process_field(self, reader, field_data):
        pass

    def on_process_unit(self, reader, field_data):
        pass

    def on_process_message(self, reader, data_message):
        pass


def _posix(fit_time) -> float | None:
    """A FIT date_time (seconds since 1989-12-31 UTC) as POSIX seconds; smaller values are a
    device's relative clock, not a time of day."""
    if not isinstance(fit_time, int) or fit_time < FIT_DATETIME_MIN:
        return None
    return float(fit_time + FIT_UTC_REFERENCE)


def _number(value):
    """fitdecode gives None for invalid values, and a tuple for an array field."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _add_record(fields, track: Track) -> None:
    """One record's sample. The hot loop of a long file (14,400 records for 4 hours): one
    pass over the fields, no dict per record."""
    when = hr = power = distance = None
    for field in fields:
        name = field.name
        if name == "timestamp":
            when = field.value
        elif name == "heart_rate":
            hr = field.value
        elif name == "power":
            power = field.value
        elif name == "distance":
            distance = field.value
    seconds = _posix(when)
    if seconds is not None:
        track.add(seconds, hr=_number(hr), power=_number(power), distance_m=_number(distance))


def read_fit(stream, track: Track) -> dict:
    """Feed the records to `track`; return the file's own summary (session, sport)."""
    summary: dict = {}
    data = fitdecode.FIT_FRAME_DATA
    try:
        reader = fitdecode.FitReader(
            stream,
            processor=_RawTimes(),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        )
        for frame in reader:
            if frame.frame_type != data:
                continue
            name = frame.name
            if name == "record":
                _add_record(frame.fields, track)
            elif name == "session" and "session" not in summary:
                summary["session"] = {f: frame.get_value(f, fallback=None) for f in _SESSION_FIELDS}
            elif name == "sport" and "sport" not in summary:
                summary["sport"] = (
                    frame.get_value("sport", fallback=None),
                    frame.get_value("sub_sport", fallback=None),
                )
            elif name == "file_id":
                summary["type"] = frame.get_value("type", fallback=None)
    except fitdecode.FitEOFError:
        raise Unreadable("the file is cut short (truncated FIT data).") from None
    except fitdecode.FitCRCError:
        raise Unreadable("the file is damaged (its FIT checksum does not match).") from None
    except fitdecode.FitHeaderError:
        raise Unreadable("the file is damaged (its FIT header is not valid).") from None
    except fitdecode.FitError:
        raise Unreadable("the file is damaged and cannot be read as FIT data.") from None
    file_type = summary.get("type")
    if file_type not in (None, "activity"):
        raise Unreadable(f"this is a FIT {file_type} file, not a recorded activity.")
    return summary


def fit_fields(summary: dict, track: Track) -> dict:
    """The Activity's fields from the session message, falling back to the records."""
    session = summary.get("session") or {}
    sport, sub_sport = summary.get("sport") or (session.get("sport"), session.get("sub_sport"))
    sport, sub_sport = (str(value) if value is not None else None for value in (sport, sub_sport))
    start = _posix(session.get("start_time"))
    started = datetime.fromtimestamp(start, UTC) if start is not None else track.first_time
    if started is None:
        raise Unreadable("the file has no timed records (no activity in it).")
    elapsed = _number(session.get("total_elapsed_time"))
    avg_hr, max_hr = _number(session.get("avg_heart_rate")), _number(session.get("max_heart_rate"))
    return {
        "sport": (sport or "").lower(),
        "modality": fit_modality(sport, sub_sport),
        "started_at": started,
        "duration_s": float(elapsed) if elapsed is not None else track.duration_s,
        "moving_s": _number(session.get("total_timer_time")) or track.moving,
        "distance_m": _number(session.get("total_distance")) or track.distance_m,
        "avg_hr": int(avg_hr) if avg_hr is not None else track.avg_hr,
        "max_hr": int(max_hr) if max_hr is not None else track.max_hr,
        "avg_power": _number(session.get("avg_power")) or track.avg_power,
    }
