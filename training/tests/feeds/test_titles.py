"""A session in a few words and its lines as plain text (training.display), as a calendar
event reads them."""

from types import SimpleNamespace

from training.display import session_title, session_view, text_lines
from training.targets import Benchmarks
from training.tests.factories import TRACK_INTERVALS


class Benchmark(SimpleNamespace):
    exercise_id = None


def view_of(session_type, prescription, benchmarks=(), names=None):
    session = SimpleNamespace(type=session_type, prescription=prescription, estimated_duration=60)
    return session_view(session, Benchmarks(benchmarks), names or {})


def test_a_strength_session_is_named_by_its_exercises():
    item = {"sets": 3, "reps": 5, "intensity": {"type": "rpe", "value": 8}}
    prescription = {"exercises": [{**item, "exerciseId": "a"}, {**item, "exerciseId": "b"}]}
    view = view_of("strength", prescription, names={"a": "Back Squat", "b": "Bench Press"})

    assert session_title(view) == "Strength: Back Squat, Bench Press"


def test_an_endurance_session_is_named_by_modality_amount_and_intensity():
    ride = {"modality": "bike", "duration": {"value": 2.5, "unit": "hours"},
            "intensity": {"type": "ftp_percent", "value": 70}}  # fmt: skip

    assert session_title(view_of("endurance", ride)) == "Bike 2.5 h 70% FTP"
    assert session_title(view_of("endurance", TRACK_INTERVALS)) == "Run 24 min intervals"


def test_the_plain_lines_nest_steps_under_their_repeat_with_targets():
    pace = Benchmark(metric_type="pace_5k", value=270, established_at=None)

    lines = text_lines(view_of("endurance", TRACK_INTERVALS, [pace]))

    assert lines[1].startswith("  Warm-up 15 min Z1 Zone 1 (no heart-rate zone")
    assert lines[2:4] == ["  6 ×", "    Work 400 m at 5k pace → 4:30 /km"]
    assert text_lines(view_of("endurance", TRACK_INTERVALS), coach=True)[3] == (
        "    Work 400 m at 5k pace 5 km pace — needs 5 km pace"
    )
