"""A zip of watch files, guarded against zip bombs before and while reading.

Before reading, from the central directory: at most MAX_FILES files, at most
MAX_UPLOAD_BYTES uncompressed in all, no member compressed more than MAX_RATIO times. While
reading, each member may not pass on more bytes than it declared nor than the upload has left
(zipfile already stops at the declared size and checks the CRC; the count is ours, so a
lying header cannot get past it either way).
"""

import lzma
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from logging_app.activity_files.activity import MAX_FILES, MAX_UPLOAD_BYTES, Activity, FileProblem
from logging_app.activity_files.single import read_member

# Watch files compress 3–20 times (GPX's repeated tags most); a 1,000-times member is a bomb.
MAX_RATIO = 100
# Folders and the resource forks macOS adds to a zip it makes are not files the athlete chose.
_SKIPPED_PREFIXES = ("__MACOSX/",)
_LYING = "the file unpacks to more than the zip says (a zip bomb?)."


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [
        info
        for info in archive.infolist()
        if not info.is_dir() and not info.filename.startswith(_SKIPPED_PREFIXES)
    ]


def _zip_problem(members: list[zipfile.ZipInfo]) -> str | None:
    """Why the zip as a whole is refused, from its headers alone; None when it is not."""
    if len(members) > MAX_FILES:
        return f"the zip holds {len(members)} files; at most {MAX_FILES} are read at once."
    if sum(info.file_size for info in members) > MAX_UPLOAD_BYTES:
        megabytes = MAX_UPLOAD_BYTES // (1024 * 1024)
        return f"the zip's files are over {megabytes} MB uncompressed in all."
    for info in members:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return (
                f"{info.filename} would grow over {MAX_RATIO} times when unpacked "
                "(a zip bomb?); nothing in the zip was read."
            )
    return None


def read_zip(
    name: str, source: BinaryIO, hr_zone_uppers: Sequence[float] | None
) -> Iterator[Activity | FileProblem]:
    """Each member's Activity or FileProblem in the zip's order; a zip that cannot be opened
    or breaks a limit is one FileProblem for the zip."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        # NotImplementedError: a header asking for a newer zip version than zipfile reads.
        yield FileProblem(name, "the zip is damaged and cannot be opened.")
        return
    with archive:
        members = _members(archive)
        problem = _zip_problem(members)
        if problem:
            yield FileProblem(name, problem)
            return
        if not members:
            yield FileProblem(name, "the zip holds no files.")
            return
        left = MAX_UPLOAD_BYTES
        for info in members:
            yield _read_member(archive, info, min(info.file_size, left), hr_zone_uppers)
            left -= info.file_size


def _read_member(archive, info, limit, hr_zone_uppers) -> Activity | FileProblem:
    if info.flag_bits & 0x1:
        return FileProblem(info.filename, "the file is encrypted in the zip.")
    try:
        with archive.open(info) as member:
            return read_member(info.filename, member, hr_zone_uppers, limit, _LYING)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        zlib.error,
        lzma.LZMAError,
    ):
        # zipfile's own checks (a bad CRC, a size that does not match, a method it lacks, a
        # header offset before the file's start), and zlib's or lzma's on a damaged stream,
        # which zipfile lets through as they are. (A reader's own errors are read_file's.)
        return FileProblem(info.filename, "the file is damaged in the zip.")
