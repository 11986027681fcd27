"""Reading a file once: its bytes are hashed and counted as the decoder pulls them.

The decoders read in small pieces (fitdecode asks for a few bytes per field), so the hashing
sits under an io.BufferedReader: the buffer serves the small reads in C, and the hash and the
size check see 64 KB blocks. Nothing here holds more than one block.
"""

import hashlib
import io
from typing import BinaryIO

from logging_app.activity_files.activity import MAX_UPLOAD_BYTES, Unreadable

BLOCK = 64 * 1024
SNIFF_BYTES = 1024


FILE_TOO_LARGE = f"the file is over {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


class _HashingRaw(io.RawIOBase):
    """A raw stream over `source` that hashes and counts every byte it passes on, and
    refuses to pass on more than `limit` (a zip member may decompress to more than it said)."""

    def __init__(self, source: BinaryIO, prefix: bytes, limit: int, over_limit: str):
        self._source = source
        self._pending = prefix
        self._limit = limit
        self._over_limit = over_limit
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._pending:
            data, self._pending = self._pending[: len(buffer)], self._pending[len(buffer) :]
        else:
            data = self._source.read(len(buffer))
        if not data:
            return 0
        self.size += len(data)
        if self.size > self._limit:
            raise Unreadable(self._over_limit)
        self.sha256.update(data)
        buffer[: len(data)] = data
        return len(data)


class Sniffed:
    """A file's first bytes (to tell its format) and a buffered, hashing stream of all of it."""

    def __init__(self, source: BinaryIO, limit=MAX_UPLOAD_BYTES, over_limit=FILE_TOO_LARGE):
        self.head = source.read(SNIFF_BYTES)
        self._raw = _HashingRaw(source, self.head, limit, over_limit)
        self.stream = io.BufferedReader(self._raw, BLOCK)

    def finish(self) -> tuple[str, int]:
        """Read what the decoder left (a FIT file's trailing bytes) and give the file's
        SHA-256 and size: the hash is of the whole file, not of what the decoder needed."""
        while self.stream.read(BLOCK):
            pass
        return self._raw.sha256.hexdigest(), self._raw.size


def sniff_format(head: bytes) -> str | None:
    """ "fit", "gpx", "tcx", "zip" or None, from the first bytes (never the file's name)."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT":
        return "fit"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if b"<trainingcenterdatabase" in text:
            return "tcx"
        if b"<gpx" in text:
            return "gpx"
    return None
