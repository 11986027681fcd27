"""Hostile or garbled text never breaks the parser (a 500 in the preview): any text gives
sessions that pass the schema, or errors that point inside the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hybridpeaks.core.json_validation import schema_problems
from training.tests.text.test_round_trip import NAMES
from training.text import parse_steps, parse_week

WORDS = [
    "Mon", "Tue", "sunday", "Run", "Bike", "Swim", "Back squat", "Pull-up", "RDL", "5x5",
    "3x8-10", "0x0", "99x99", "@75%", "@RPE7.5", "RPE", "@", "rest", "tempo", "3010", "90s",
    "45min", "45", "1h30", "2h", "0.5h", "400m", "5km", "3mi", "Z2", "Z2-Z3", "Z9", "pace",
    "@5k", "5k", "half", "70%", "88-94%", "FTP", "6x(", "x(", "(", ")", ",", ":", "~60min",
    "~", "warm-up", "cd", "#", "-", "×", "é", "\t", "1e9", "999999999999999999999min",
]  # fmt: skip
lines = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
indented = st.tuples(st.sampled_from(["", "  ", "\t"]), lines).map("".join)
texts = st.lists(indented, max_size=12).map("\n".join) | st.text(max_size=300)


def check(week, text):
    line_count = max(1, len(text.splitlines()))
    for error in week.errors:
        assert 1 <= error.line <= line_count and error.column >= 1 and error.reason
    for session in week.sessions:
        schema = f"training:prescription_{session.type}"
        assert schema_problems(session.prescription, schema=schema) == []
    assert not (week.errors and week.sessions)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_text_gives_valid_sessions_or_located_errors(text):
    check(parse_week(text, NAMES), text)


@settings(max_examples=200, deadline=None)
@given(lines | st.text(max_size=200))
def test_any_intervals_text_gives_valid_steps_or_errors(text):
    steps, errors = parse_steps(text)
    assert (steps is None) or not errors
    if steps is not None:
        document = {"modality": "run", "steps": steps}
        assert schema_problems(document, schema="training:prescription_endurance") == []
