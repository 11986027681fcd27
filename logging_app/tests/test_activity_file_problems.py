"""Files that cannot be read: each gets its own sentence naming it, and the rest of the
upload still reads (issue 14, "No duplicates, no half-imports")."""

import io
import struct
import zipfile
from pathlib import Path

import pytest
from garmin_fit_sdk import Encoder

from logging_app.activity_files import MAX_UPLOAD_BYTES, Activity, FileProblem, read_upload
from logging_app.tests.fit_files import MESG, START, fit_activity

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "activities"
GPX = (SAMPLES / "morning_run.gpx").read_bytes()


def read_all(name, data):
    return list(read_upload(name, io.BytesIO(data), hr_zone_uppers=None))


def sentences(results):
    return [str(result) for result in results]


def make_zip(members, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_truncated_fit():
    data = fit_activity(120)
    assert sentences(read_all("run.fit", data[: len(data) // 2])) == [
        "run.fit: the file is cut short (truncated FIT data)."
    ]


def test_fit_with_a_bad_checksum():
    data = bytearray(fit_activity(120))
    data[300] ^= 0xFF
    assert sentences(read_all("run.fit", bytes(data))) == [
        "run.fit: the file is damaged (its FIT checksum does not match)."
    ]


def test_a_fit_workout_is_not_an_activity():
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": MESG["FILE_ID"], "type": "workout", "time_created": START})
    assert sentences(read_all("plan.fit", encoder.close())) == [
        "plan.fit: this is a FIT workout file, not a recorded activity."
    ]


def test_empty_and_unknown_files():
    assert sentences(read_all("run.fit", b"")) == ["run.fit: the file is empty."]
    assert sentences(read_all("run.gpx", b"%PDF-1.7 not a track")) == [
        "run.gpx: this is not a FIT, GPX or TCX file (nor a zip of them)."
    ]


def test_xml_that_is_not_well_formed():
    broken = GPX[: len(GPX) // 2]
    (problem,) = read_all("cut.gpx", broken)
    assert isinstance(problem, FileProblem)
    assert str(problem).startswith("cut.gpx: the file is not well-formed XML (line ")


class _Endless(io.RawIOBase):
    """A stream that cannot seek and never ends: a GPX opening, then comments forever."""

    def __init__(self):
        self._head = b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>'

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._head or b"<!--" + b"x" * (len(buffer) - 7) + b"-->"
        self._head = b""
        chunk = chunk[: len(buffer)]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_file_over_the_limit_is_refused_before_reading_when_its_size_is_known():
    class Huge(io.BytesIO):
        def seek(self, offset, whence=0):
            return MAX_UPLOAD_BYTES + 1 if whence == 2 else super().seek(offset, whence)

    assert sentences(read_upload("big.fit", Huge(b"x"), hr_zone_uppers=None)) == [
        "big.fit: the file is over 50 MB."
    ]


def test_a_stream_over_the_limit_is_stopped_while_reading():
    results = list(read_upload("endless.gpx", _Endless(), hr_zone_uppers=None))
    assert sentences(results) == ["endless.gpx: the file is over 50 MB."]


def test_a_zip_mixing_good_and_bad_files_reads_each_in_order():
    fit = fit_activity(60)
    data = make_zip(
        [
            ("run.fit", fit),
            ("notes.txt", b"my splits"),
            ("cut.fit", fit[:100]),
            ("morning_run.gpx", GPX),
            ("no_points.gpx", (SAMPLES / "no_points.gpx").read_bytes()),
            ("inner.zip", make_zip([("a.fit", fit)])),
            ("empty.tcx", b""),
            ("__MACOSX/._run.fit", b"\x00\x05\x16\x07"),
            ("ride.tcx", (SAMPLES / "evening_ride.tcx").read_bytes()),
        ]
    )
    results = read_all("week.zip", data)
    kinds = [(type(r).__name__, r.file_name) for r in results]
    assert kinds == [
        ("Activity", "run.fit"),
        ("FileProblem", "notes.txt"),
        ("FileProblem", "cut.fit"),
        ("Activity", "morning_run.gpx"),
        ("FileProblem", "no_points.gpx"),
        ("FileProblem", "inner.zip"),
        ("FileProblem", "empty.tcx"),
        ("Activity", "ride.tcx"),
    ]
    assert str(results[5]) == "inner.zip: a zip inside a zip is not opened; upload it on its own."
    assert [r.format for r in results if isinstance(r, Activity)] == ["fit", "gpx", "tcx"]


def test_a_zip_of_more_than_100_files_is_one_problem():
    data = make_zip([(f"run{n}.fit", b"x") for n in range(101)])
    assert sentences(read_all("all.zip", data)) == [
        "all.zip: the zip holds 101 files; at most 100 are read at once."
    ]


def test_a_zip_bomb_is_refused_from_its_headers():
    data = make_zip([("ok.fit", fit_activity(30)), ("bomb.gpx", b"\x00" * 5_000_000)])
    assert sentences(read_all("bomb.zip", data)) == [
        "bomb.zip: bomb.gpx would grow over 100 times when unpacked (a zip bomb?); "
        "nothing in the zip was read."
    ]


def _lie_about_size(data: bytes, size: int) -> bytes:
    """Rewrite every header's uncompressed size (local header +22, central directory +24)."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = patched.find(signature)
        while start != -1:
            struct.pack_into("<I", patched, start + offset, size)
            start = patched.find(signature, start + 4)
    return bytes(patched)


def test_a_zip_over_50_mb_uncompressed_in_all_is_one_problem():
    data = _lie_about_size(make_zip([("a.gpx", GPX), ("b.gpx", GPX)]), 30 * 1024 * 1024)
    assert sentences(read_all("big.zip", data)) == [
        "big.zip: the zip's files are over 50 MB uncompressed in all."
    ]


def test_a_member_that_unpacks_to_more_than_it_declared_is_stopped_while_reading():
    fit = fit_activity(30)
    lying = _lie_about_size(make_zip([("lies.gpx", GPX)], zipfile.ZIP_STORED), 1000)
    archive = make_zip([("run.fit", fit)])
    results = read_all("lies.zip", lying) + read_all("ok.zip", archive)
    assert sentences(results)[0] == "lies.gpx: the file is damaged in the zip."
    assert isinstance(results[1], Activity)


def test_a_damaged_zip_is_one_problem():
    assert sentences(read_all("broken.zip", b"PK\x03\x04" + b"\x00" * 200)) == [
        "broken.zip: the zip is damaged and cannot be opened."
    ]


def test_an_empty_zip():
    assert sentences(read_all("none.zip", make_zip([]))) == ["none.zip: the zip holds no files."]


class _OneWay(io.RawIOBase):
    """A stream that can only be read forwards (a pipe, a network body)."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)

    def readable(self):
        return True

    def readinto(self, buffer):
        return self._data.readinto(buffer)


def test_a_zip_from_a_stream_that_cannot_seek_is_still_read():
    data = make_zip([("run.fit", fit_activity(30)), ("notes.txt", b"splits")])
    results = list(read_upload("week.zip", _OneWay(data), hr_zone_uppers=None))
    assert [type(r).__name__ for r in results] == ["Activity", "FileProblem"]


def test_a_heart_rate_of_zero_is_a_lost_strap_not_a_sample():
    # 60 s at 150 bpm, then 60 s of 0 (no contact): the average and the zones ignore the 0s.
    activity = read_all(
        "strap.fit", fit_activity(120, heart_rate=lambda s: 150 if s < 60 else 0, session=False)
    )[0]
    assert (activity.avg_hr, activity.max_hr) == (150, 150)


# The byte that breaks each stream: a deflate block of the reserved type 3, or lzma
# properties (after zip's 4-byte lzma header) it cannot know.
@pytest.mark.parametrize(("compression", "at"), [(zipfile.ZIP_DEFLATED, 0), (zipfile.ZIP_LZMA, 4)])
def test_a_member_whose_compressed_bytes_are_damaged_is_its_own_problem(compression, at):
    """zlib's or lzma's own error (not a BadZipFile) on a damaged stream: the member's
    problem, and the next member still reads, rather than the whole batch failing in the
    worker."""
    fit = fit_activity(60)
    data = bytearray(make_zip([("bad.gpx", GPX), ("good.fit", fit)], compression))
    data[30 + len("bad.gpx") + at] = 0xFF
    results = read_all("week.zip", bytes(data))
    assert sentences(results)[0] == "bad.gpx: the file is damaged in the zip."
    assert isinstance(results[1], Activity) and results[1].file_name == "good.fit"


def test_a_zip_needing_a_newer_unzip_is_one_problem():
    """A central directory asking for zip version 25.5: zipfile's NotImplementedError."""
    data = bytearray(make_zip([("a.gpx", GPX)]))
    data[data.find(b"PK\x01\x02") + 6] = 0xFF  # "version needed to extract"
    assert sentences(read_all("new.zip", bytes(data))) == [
        "new.zip: the zip is damaged and cannot be opened."
    ]


def test_a_member_whose_header_is_before_the_zip_is_its_own_problem():
    """The end record moved the central directory 1 MB on: the first member's header is then
    before the file's start, and zipfile's seek there a ValueError."""
    data = bytearray(make_zip([("a.gpx", GPX)]))
    end = data.rfind(b"PK\x05\x06")
    offset = struct.unpack_from("<I", data, end + 16)[0]
    struct.pack_into("<I", data, end + 16, offset + 1024 * 1024)
    assert sentences(read_all("moved.zip", bytes(data))) == [
        "a.gpx: the file is damaged in the zip."
    ]
