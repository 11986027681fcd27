"""How a stepped endurance session reads on a page (issue 13): the session's totals, then
one line per step with its concrete target, a repeat's steps nested under its "6 ×"."""

from decimal import Decimal
from types import SimpleNamespace

from training.display import session_view
from training.targets import Benchmarks
from training.tests.target_cases import Bench

HR = [Bench(f"HR_zone_{n}", Decimal(b)) for n, b in enumerate([114, 133, 152, 171, 190], 1)]
ALL = Benchmarks([*HR, Bench("FTP", Decimal(250)), Bench("pace_5k", Decimal(275))])


def z(zone, **more):
    return {"type": "heart_rate_zone", "zone": zone, **more}


def timed(kind, value, intensity, unit="minutes"):
    return {"kind": kind, "duration": {"value": value, "unit": unit}, "intensity": intensity}


TRACK = {
    "modality": "run",
    "steps": [
        timed("warmup", 15, z(1)),
        {"repeat": 6, "steps": [
            {"kind": "work", "distance": {"value": 400, "unit": "meters"},
             "intensity": {"type": "race_pace", "race": "5k"}},
            timed("recovery", 90, z(1), unit="seconds"),
        ]},
        timed("cooldown", 10, z(1, zoneTo=2)),
    ],
}  # fmt: skip
BIKE = {
    "modality": "bike",
    "steps": [
        timed("warmup", 15, z(1)),
        {"repeat": 5, "steps": [
            timed("work", 3, {"type": "ftp_percent", "value": 105, "valueTo": 110}),
            timed("recovery", 2, z(1)),
        ]},
        timed("cooldown", 10, z(1)),
    ],
}  # fmt: skip


def view(prescription, benchmarks=ALL):
    session = SimpleNamespace(type="endurance", prescription=prescription, estimated_duration=None)
    return session_view(session, benchmarks, {})


def rows(lines):
    return [
        (line.label, line.prescription, line.target.text, rows(line.steps)) if line.steps
        else (line.label, line.prescription, line.target.text)
        for line in lines
    ]  # fmt: skip


def test_a_track_session_lists_its_steps_with_their_targets():
    track = view(TRACK)
    assert rows(track.lines) == [
        ("Run", "34 min + 2.4 km", ""),  # 15 + 6 × 1.5 + 10; the 400 m reps are not timed
        ("Warm-up", "15 min Z1", "95–114 bpm"),
        ("6 ×", "", "", [
            ("Work", "400 m at 5k pace", "4:35 /km"),
            ("Recovery", "90 s Z1", "95–114 bpm"),
        ]),
        ("Cool-down", "10 min Z1–2", "95–133 bpm"),
    ]  # fmt: skip
    assert track.minutes == 34 and track.untimed_distance == "2.4 km"
    assert track.missing == []


def test_a_bike_session_shows_ftp_ranges_as_watts_and_its_total_time():
    bike = view(BIKE)
    assert bike.lines[0].prescription == "50 min" and bike.minutes == 50
    assert bike.untimed_distance == ""
    work = bike.lines[2].steps[0]
    assert (work.prescription, work.target.text) == ("3 min 105–110% FTP", "263–275 W")


def test_without_benchmarks_the_steps_read_as_written_and_the_card_names_what_is_missing():
    track = view(TRACK, Benchmarks())
    assert track.lines[2].steps[0].target.text == "5 km pace"
    assert track.missing == ["5 km pace", "heart-rate zone 1 and 5 upper bounds",
                             "heart-rate zone 2 and 5 upper bounds"]  # fmt: skip


def test_a_stated_duration_is_the_total_and_nothing_is_said_untimed():
    track = view({**TRACK, "duration": {"value": 50, "unit": "minutes"}})
    assert track.lines[0].prescription == "50 minutes"
    assert track.minutes == 50 and track.untimed_distance == ""


def test_a_session_without_steps_reads_as_before():
    plain = view({"modality": "run", "duration": {"value": 45, "unit": "minutes"},
                  "intensity": z(2), "distance": {"value": 8, "unit": "km"}})  # fmt: skip
    assert rows(plain.lines) == [("Run", "45 minutes · 8 km", "115–133 bpm")]


def test_miles_and_hours_read_in_their_own_units():
    miles = view({"modality": "run", "steps": [
        {"repeat": 4, "steps": [{"kind": "work", "distance": {"value": 1, "unit": "miles"},
                                 "intensity": {"type": "pace_zone", "zone": 4}}]},
        timed("cooldown", 0.5, z(1), unit="hours"),
    ]})  # fmt: skip
    assert miles.lines[0].prescription == "30 min + 4 mi"
    assert miles.lines[1].steps[0].prescription == "1 mi pace Z4"
    assert miles.lines[2].prescription == "0.5 h Z1"
    assert miles.untimed_distance == "4 mi"
