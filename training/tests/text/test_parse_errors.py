"""Every kind of error names its line, its word and a reason; all of a text's errors are
reported at once, and a text with any error gives no session."""

import pytest

from training.text import parse_steps, parse_week


def errors(names, text):
    week = parse_week(text, names)
    assert week.sessions == []
    return [(e.line, e.column, e.word) for e in week.errors], [e.reason for e in week.errors]


@pytest.mark.parametrize(
    ("line", "word", "reason"),
    [
        ("Back sqat 5x5 @75%", "Back sqat", "did you mean Back Squat"),
        ("Front squat 5x5 @75%", "Front squat", "not an exercise of your catalog"),
        ("Back squat @75%", "@75%", "sets × reps are missing"),
        ("5x5 @75%", "5x5", "start with the exercise's name"),
        ("Back squat 5x5", "5x5", "add an intensity"),
        ("Back squat 25x5 @75%", "25x5", "sets must be 1–20"),
        ("Back squat 5x60 @75%", "5x60", "reps must be 1–50"),
        ("Back squat 3x10-8 @75%", "3x10-8", "from low to high"),
        ("Back squat 5x5 @175%", "@175%", "% 1RM must be 0–100"),
        ("Back squat 5x5 @RPE11", "@RPE11", "RPE must be 1–10"),
        ("Back squat 5x5 @75% @RPE8", "@RPE8", "one intensity per exercise"),
        ("Back squat 5x5 @75% rest 3", "3", "rest is a time"),
        ("Back squat 5x5 @75% rest 400m", "400m", "rest is a time"),
        ("Back squat 5x5 @75% rest 11min", "11min", "up to 600"),
        ("Back squat 5x5 @75% tempo 31X0", "31X0", "four digits"),
        ("Back squat 5x5 @75% tempo", "tempo", "needs a value"),
        ("Back squat 5x5 @75% heavy", "heavy", "not an intensity"),
    ],
)
def test_strength_errors(names, line, word, reason):
    where, reasons = errors(names, f"Mon Legs\n  {line}\n")
    assert where == [(2, 3 + line.index(word), word)]
    assert reason in reasons[0]


@pytest.mark.parametrize(
    ("line", "word", "reason"),
    [
        ("Run", "Run", "add a duration or distance"),
        ("Run 45 Z2", "45", "without a unit"),
        ("Run 45min", "45min", "needs an intensity"),
        ("Run Z2", "Z2", "needs a duration or a distance"),
        ("Run 45min Z2 Z3", "Z3", "a second intensity"),
        ("Run 45min 30min Z2", "30min", "a second duration"),
        ("Run 45min Z3-Z2", "Z3-Z2", "from low to high"),
        ("Bike 45min 94-88% FTP", "94-88%", "from low to high"),
        ("Bike 45min 70%", "70%", "a percentage of what"),
        ("Run 45min 5k", "5k", "race pace"),
        ("Run 45min fast", "fast", "not a duration"),
        ("Run 10min Z1, 1x(3min Z4), 5min Z1", "1x", "2 to 50 times"),
        ("Run 10min Z1, 3x(3min Z4, 2x(1min Z5)), 5min Z1", "(", "one level deep"),
        ("Run 10min Z1, 3x(3min Z4, 2min Z1", "3x", "never closed"),
        ("Run 10min Z1, 3x(3min Z4) 5min Z1", "5min", "put a comma after"),
        ("Run 10min Z1 3x(3min Z4), 5min Z1", "3x", "put a comma before a repeat"),
        ("Run 10min Z1,, 5min Z1", ",", "a step is missing"),
        ("Run 10min Z1, (3min Z4)", "(", "parentheses belong to a repeat"),
        ("Run 10min 2km Z1, 5min Z4", "10min", "a duration or a distance, not both"),
        ("Run 90s Z2: 10min Z1, 5min Z4", "90s", "min or h"),
        ("Run 30min Z2-Z3: 10min Z1, 5min Z4", "30min", "one zone or one % FTP"),
        ("Run 30min: 10min Z1: 5min Z4", ":", "one colon per line"),
        ("Run 2000min Z2", "2000min", "must be ≤ 1440"),
    ],
)
def test_endurance_errors(names, line, word, reason):
    where, reasons = errors(names, f"Tue Run\n  {line}\n")
    # The error's column points at its word in the line (a word may occur twice).
    hits = [i for i, (n, column, w) in enumerate(where) if n == 2 and w == word]
    assert any(line[where[i][1] - 3 :].startswith(word) for i in hits), (where, reasons)
    assert any(reason in reasons[i] for i in hits), reasons


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("  Run 45min Z2\n", (1, 3, "Run"), "start with a day"),
        ("Mon Legs\nTue Run\n  Run 30min Z2\n", (1, 1, "Mon"), "no session lines"),
        ("Mon Legs ~0min\n  Back squat 5x5 @75%\n", (1, 10, "~0min"), "estimated duration"),
        ("Mon Run ~30min\n  Run 30min Z2\n", (1, 1, "Mon"), "come from its duration"),
        (
            "Mon Mixed\n  Back squat 5x5 @75%\n  Run 30min Z2\n",
            (3, 3, "Run"),
            "strength or endurance",
        ),
        ("Mon Runs\n  Run 30min Z2\n  Run 30min Z2\n", (3, 3, "Run"), "one endurance line"),
        (f"Mon {'x' * 201}\n  Run 30min Z2\n", (1, 5, "x" * 201), "at most 200"),
    ],
)
def test_structure_errors(names, text, where, reason):
    week = parse_week(text, names)
    assert week.sessions == []
    assert [((e.line, e.column, e.word), e.reason) for e in week.errors if e.line == where[0]]
    error = next(e for e in week.errors if (e.line, e.column, e.word) == where)
    assert reason in error.reason


def test_every_error_of_a_text_is_reported_in_line_order(names):
    text = "Mon Legs\n  Back sqat 5x5 @75%\n  Bench press 5x5 @175%\nTue\n  Run 45 Z2\n"
    where, _ = errors(names, text)
    assert [line for line, _, _ in where] == [2, 3, 5]


def test_an_error_reads_with_its_line_column_and_word(names):
    [error] = parse_week("Mon\n  Run 45 Z2\n", names).errors
    assert str(error).startswith("Line 2, column 7, “45”: a number without a unit")


def test_the_intervals_field_s_errors_point_at_columns_of_the_text():
    steps, errors = parse_steps("15min Z1, 5x(3min 305% FTP, 2min Z1), 10min Z1")
    assert steps is None
    assert [(e.line, e.column, e.word) for e in errors] == [(1, 14, "3min")]
    assert "≤ 200" in errors[0].reason
    assert parse_steps("   ") == (None, [])
