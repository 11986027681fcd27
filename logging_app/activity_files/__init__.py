"""Reading watch files (FIT, GPX, TCX, or a zip of them) into activities, for the import.

`read_upload` is the one entry point (the interface in issue 14's brief): one pass over each
file, hashed while read, every problem a FileProblem in words and never an exception.
"""

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from logging_app.activity_files.activity import (
    MAX_FILES,
    MAX_UPLOAD_BYTES,
    Activity,
    FileProblem,
    Unreadable,
)
from logging_app.activity_files.single import read_file
from logging_app.activity_files.streams import FILE_TOO_LARGE, Sniffed, sniff_format
from logging_app.activity_files.zips import read_zip

# A zip from a stream that cannot seek is copied; up to this much stays in memory.
SPOOL_IN_MEMORY = 8 * 1024 * 1024

__all__ = ["MAX_FILES", "MAX_UPLOAD_BYTES", "Activity", "FileProblem", "read_upload"]


def _size(stream: BinaryIO) -> int | None:
    """The stream's length without reading it, when it can seek (uploads can)."""
    try:
        position = stream.tell()
        size = stream.seek(0, 2)
        stream.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return size - position


def read_upload(
    name: str, stream: BinaryIO, *, hr_zone_uppers: Sequence[float] | None
) -> Iterator[Activity | FileProblem]:
    """Everything in one upload: a single FIT/GPX/TCX file, or a zip of them (at most 100
    files, 50 MB uncompressed in all, ratio/zip-bomb guarded). Yields one Activity or
    FileProblem per file, in the zip's order; a problem with one file never stops the others.
    A zip that is itself unreadable or over a limit yields a single FileProblem for the zip.
    """
    size = _size(stream)
    if size is not None and size > MAX_UPLOAD_BYTES:
        yield FileProblem(name, FILE_TOO_LARGE)
        return
    sniffed = Sniffed(stream)
    kind = sniff_format(sniffed.head)
    if kind != "zip":
        yield read_file(name, sniffed, kind, hr_zone_uppers)
        return
    try:
        stream.seek(0)
    except (AttributeError, OSError, ValueError):
        # A zip is read through its central directory, at its end: a stream that cannot
        # seek is copied first, through the sniffed stream's counter (so at most 50 MB).
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as copy:
            try:
                shutil.copyfileobj(sniffed.stream, copy)
            except Unreadable as problem:
                yield FileProblem(name, str(problem))
                return
            copy.seek(0)
            yield from read_zip(name, copy, hr_zone_uppers)
        return
    yield from read_zip(name, stream, hr_zone_uppers)
