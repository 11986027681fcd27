"""Reading watch files: each field from FIT (built with Garmin's encoder), GPX and TCX
(the samples in fixtures/activities/), and time in zone by hand-computed examples."""

import hashlib
import io
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from logging_app.activity_files import Activity, FileProblem, read_upload
from logging_app.activity_files.sports import fit_modality, word_modality
from logging_app.activity_files.zones import MAX_HOLD_S, zone_of
from logging_app.tests.fit_files import START, fit_activity

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "activities"
ZONES = (130, 140, 150, 160, 170)  # upper bounds of zones 1–5, bpm


def read_one(name, data, zones=ZONES):
    (result,) = read_upload(name, io.BytesIO(data), hr_zone_uppers=zones)
    return result


def test_fit_fields_from_the_session_message():
    data = fit_activity(600, heart_rate=lambda s: 150, power=lambda s: 250, speed_m_s=3.0)
    activity = read_one("run.fit", data)
    assert activity == Activity(
        file_name="run.fit",
        format="fit",
        sha256=hashlib.sha256(data).hexdigest(),
        sport="running",
        modality="run",
        started_at=START,
        duration_s=600.0,
        moving_s=600.0,
        distance_m=1800.0,
        avg_hr=150,
        max_hr=150,
        avg_power=250,
        zone_seconds=(0.0, 0.0, 600.0, 0.0, 0.0),
    )
    assert activity.has_sensors


def test_fit_without_a_session_message_sums_its_records():
    data = fit_activity(
        100, heart_rate=lambda s: 120 + s // 10, power=lambda s: 100 + s, session=False
    )
    activity = read_one("ride.fit", data)
    assert activity.started_at == START
    assert activity.duration_s == 100.0
    assert activity.distance_m == 300.0
    assert activity.moving_s == 100.0
    assert activity.avg_hr == round(sum(120 + s // 10 for s in range(101)) / 101)
    assert activity.max_hr == 130
    assert activity.avg_power == 150.0


def test_fit_without_heart_rate_or_power_has_no_sensors_and_no_zones():
    activity = read_one("run.fit", fit_activity(60, heart_rate=None, speed_m_s=None))
    assert (activity.avg_hr, activity.max_hr, activity.avg_power) == (None, None, None)
    assert activity.zone_seconds is None
    assert activity.distance_m is None
    assert not activity.has_sensors


def test_no_zones_without_the_athletes_bounds():
    assert read_one("run.fit", fit_activity(60), zones=None).zone_seconds is None


@pytest.mark.parametrize(
    ("sport", "sub_sport", "modality"),
    [
        ("running", "generic", "run"),
        ("running", "treadmill", "run"),
        ("cycling", "indoor_cycling", "bike"),
        ("cycling", "virtual_activity", "bike"),
        ("rowing", "indoor_rowing", "row"),
        ("fitness_equipment", "indoor_rowing", "row"),
        ("swimming", "lap_swimming", "swim"),
        ("swimming", "open_water", "swim"),
        ("walking", "generic", None),
        ("training", "strength_training", None),
    ],
)
def test_fit_sport_to_modality(sport, sub_sport, modality):
    activity = read_one("a.fit", fit_activity(30, sport=sport, sub_sport=sub_sport))
    assert (activity.sport, activity.modality) == (sport, modality)


def test_words_to_modality():
    assert [word_modality(w) for w in ("Running", "Biking", "VirtualRide", "Other", "")] == [
        "run",
        "bike",
        "bike",
        None,
        None,
    ]
    assert fit_modality(None, None) is None


def test_zone_boundaries_follow_the_apps_convention():
    # Zone N spans (upper of N−1, upper of N]; at or below zone 1 is 1, above zone 5 is 5.
    cases = {60: 0, 130: 0, 131: 1, 140: 1, 150: 2, 160: 3, 161: 4, 170: 4, 205: 4}
    assert {bpm: zone_of(bpm, ZONES) for bpm in cases} == cases


def test_zone_seconds_by_hand():
    # 1 Hz; 125 bpm for s 0–9, 145 for 10–29, 175 for 30–40. Each sample holds until the
    # next: zone 1 gets 10 s, zone 3 20 s, zone 5 10 s (the last sample holds nothing).
    def heart(s):
        return 125 if s < 10 else 145 if s < 30 else 175

    activity = read_one("z.fit", fit_activity(40, heart_rate=heart))
    assert activity.zone_seconds == (10.0, 0.0, 20.0, 0.0, 10.0)


def test_a_gap_counts_at_most_the_hold_cap():
    # Records every 120 s (a paused watch): each holds MAX_HOLD_S, not 120 s.
    activity = read_one("gap.fit", fit_activity(360, heart_rate=lambda s: 135, step_s=120))
    assert activity.zone_seconds == (0.0, 3 * MAX_HOLD_S, 0.0, 0.0, 0.0)
    assert activity.duration_s == 360.0


def test_gpx_run_with_heart_rate_extension():
    data = (SAMPLES / "morning_run.gpx").read_bytes()
    activity = read_one("morning_run.gpx", data)
    assert activity.format == "gpx"
    assert activity.sha256 == hashlib.sha256(data).hexdigest()
    assert (activity.sport, activity.modality) == ("running", "run")
    assert activity.started_at == datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    assert activity.duration_s == 300.0  # 61 points, 5 s apart
    assert activity.moving_s == 300.0
    assert activity.distance_m == pytest.approx(1001.9, abs=0.5)  # 60 × 0.00015° of latitude
    assert (activity.avg_hr, activity.max_hr, activity.avg_power) == (145, 160, None)
    # HR 130 + i // 2 at point i, 5 s each: i 0–1 in zone 1, 2–21 zone 2, 22–41 zone 3,
    # 42–59 zone 4 (point 60 is the last and holds nothing).
    assert activity.zone_seconds == (10.0, 100.0, 100.0, 90.0, 0.0)


def test_tcx_ride_with_heart_rate_and_watts():
    data = (SAMPLES / "evening_ride.tcx").read_bytes()
    activity = read_one("evening_ride.tcx", data)
    assert activity.format == "tcx"
    assert (activity.sport, activity.modality) == ("biking", "bike")
    assert activity.started_at == datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    assert activity.duration_s == 360.0
    assert activity.moving_s == 360.0  # two laps' TotalTimeSeconds
    assert activity.distance_m == 2880.0  # two laps' DistanceMeters, not the points' too
    assert (activity.avg_hr, activity.max_hr) == (138, 156)
    assert activity.avg_power == pytest.approx((19 * 180 + 18 * 240) / 37, abs=0.05)
    # HR 120 + i every 10 s: i 0–10 zone 1, 11–20 zone 2, 21–30 zone 3, 31–35 zone 4.
    assert activity.zone_seconds == (110.0, 100.0, 100.0, 50.0, 0.0)


def test_the_format_is_sniffed_not_taken_from_the_name():
    activity = read_one("ride.gpx", fit_activity(30))
    assert activity.format == "fit"
    tcx = read_one("export.xml", (SAMPLES / "evening_ride.tcx").read_bytes())
    assert tcx.format == "tcx"


def test_gpx_without_points():
    problem = read_one("no_points.gpx", (SAMPLES / "no_points.gpx").read_bytes())
    assert isinstance(problem, FileProblem)
    assert str(problem) == (
        "no_points.gpx: the file has no track points (a GPX without a recorded track)."
    )
    assert problem.file_name == "no_points.gpx"


def test_gpx_points_without_times():
    gpx = (
        b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        b'<trk><trkseg><trkpt lat="52.5" lon="13.4"/><trkpt lat="52.6" lon="13.4"/>'
        b"</trkseg></trk></gpx>"
    )
    assert str(read_one("notime.gpx", gpx)) == (
        "notime.gpx: its track points have no times, so the start and duration are unknown."
    )


def test_gpx_segments_do_not_add_distance_across_a_pause():
    point = '<trkpt lat="{}" lon="13.4"><time>2026-11-28T07:{:02d}:00Z</time></trkpt>'
    segments = (
        "<trkseg>" + point.format(52.5, 0) + point.format(52.501, 1) + "</trkseg>"
        "<trkseg>" + point.format(52.6, 10) + point.format(52.601, 11) + "</trkseg>"
    )
    gpx = (
        f'<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk>{segments}</trk></gpx>'
    )
    activity = read_one("two.gpx", gpx.encode())
    assert activity.distance_m == pytest.approx(2 * 111.2, abs=0.5)
    assert activity.duration_s == 660.0
    assert activity.sport == ""
    assert activity.modality is None


def test_a_long_gpx_is_streamed_not_loaded_whole():
    # 4 hours at 1 Hz: 14,400 points, about 2 MB of XML. Read in blocks with each point
    # dropped once read, the reader's own allocations stay far below the file's size.
    point = (
        '<trkpt lat="52.{:06d}" lon="13.4"><time>{}</time>'
        "<extensions><hr>{}</hr></extensions></trkpt>"
    )
    points = "".join(
        point.format(n, (START + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ"), 140)
        for n in range(14_400)
    )
    data = f'<gpx version="1.1"><trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>'
    data = data.encode()
    tracemalloc.start()
    try:
        activity = read_one("long.gpx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert activity.duration_s == 14_399.0
    assert len(data) > 1_500_000
    assert peak < 500_000
