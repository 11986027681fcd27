"""What reading one watch file gives: an Activity, or a FileProblem in words.

The import service (helper "import", logging_app) only ever sees these two shapes, whatever
the format, so a new format is a new reader here and nothing there.
"""

from dataclasses import dataclass
from datetime import datetime

# The limits per upload: a file, or all of a zip's files together, uncompressed.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_FILES = 100


@dataclass(frozen=True)
class Activity:
    """One activity read from a watch file."""

    file_name: str  # the member's name inside a zip, or the upload's name
    format: str  # "fit" | "gpx" | "tcx"
    sha256: str  # hex digest of the file's bytes, computed while streaming
    sport: str  # as the file names it, lower case ("running", "biking"); "" when it names none
    modality: str | None  # "run" | "bike" | "row" | "swim"; None for any other sport
    started_at: datetime  # aware, UTC
    duration_s: float  # elapsed, start to end
    moving_s: float | None
    distance_m: float | None
    avg_hr: int | None
    max_hr: int | None
    avg_power: float | None
    zone_seconds: tuple[float, float, float, float, float] | None

    @property
    def has_sensors(self) -> bool:
        """Heart rate or power: of two copies of one activity, the one with sensors wins."""
        return self.avg_hr is not None or self.avg_power is not None


class FileProblem(Exception):
    """A file that could not be read; `str()` is a sentence for the athlete naming the file,
    e.g. 'run.fit: the file is cut short (truncated FIT data).'"""

    def __init__(self, file_name: str, reason: str):
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"{file_name}: {reason}")


class Unreadable(Exception):
    """Raised inside a reader with the reason only; read_upload adds the file's name."""
