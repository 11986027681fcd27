"""One file, whatever its format: sniff, read in one pass, sum up, or say what is wrong."""

import logging
import struct
from collections.abc import Sequence
from typing import BinaryIO

from logging_app.activity_files.activity import (
    Activity,
    FileProblem,
    Unreadable,
)
from logging_app.activity_files.fit import fit_fields, read_fit
from logging_app.activity_files.gpx import read_gpx
from logging_app.activity_files.streams import Sniffed, sniff_format
from logging_app.activity_files.tcx import read_tcx
from logging_app.activity_files.track import Track

logger = logging.getLogger(__name__)

UNKNOWN = "this is not a FIT, GPX or TCX file (nor a zip of them)."


def _xml_fields(summary: dict, track: Track) -> dict:
    """GPX and TCX state little beyond their points: the rest comes from the track."""
    return {
        "sport": summary["sport"],
        "modality": summary["modality"],
        "started_at": track.first_time,
        "duration_s": track.duration_s,
        "moving_s": summary.get("moving_s") or track.moving,
        "distance_m": summary.get("distance_m") or track.distance_m,
        "avg_hr": track.avg_hr,
        "max_hr": track.max_hr,
        "avg_power": track.avg_power,
    }


def read_file(
    name: str,
    sniffed: Sniffed,
    kind: str | None,
    hr_zone_uppers: Sequence[float] | None,
) -> Activity | FileProblem:
    """Read one sniffed file of format `kind` (None: unknown) into an Activity, or the
    FileProblem that says why not."""
    try:
        if not sniffed.head:
            raise Unreadable("the file is empty.")
        if kind is None:
            raise Unreadable(UNKNOWN)
        track = Track(hr_zone_uppers)
        if kind == "fit":
            fields = fit_fields(read_fit(sniffed.stream, track), track)
        else:
            reader = read_gpx if kind == "gpx" else read_tcx
            fields = _xml_fields(reader(sniffed.stream, track), track)
        sha256, _ = sniffed.finish()
    except Unreadable as problem:
        return FileProblem(name, str(problem))
    except (ValueError, LookupError, struct.error, UnicodeError, OverflowError):
        # A decoder tripping over bytes it cannot make sense of, past the checks above.
        logger.warning("Unreadable watch file %s", name, exc_info=True)
        return FileProblem(name, "the file is damaged and cannot be read.")
    return Activity(
        file_name=name,
        format=kind,
        sha256=sha256,
        zone_seconds=track.zones,
        **fields,
    )


def read_member(
    name: str, source: BinaryIO, hr_zone_uppers, limit: int, over_limit: str
) -> Activity | FileProblem:
    """A zip's member: at most `limit` bytes (else `over_limit` says why), and not a zip."""
    sniffed = Sniffed(source, limit, over_limit)
    kind = sniff_format(sniffed.head)
    if kind == "zip":
        return FileProblem(name, "a zip inside a zip is not opened; upload it on its own.")
    return read_file(name, sniffed, kind, hr_zone_uppers)
