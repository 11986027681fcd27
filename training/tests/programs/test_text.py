"""A program as text: week headers over the week syntax, errors at the program's lines, the
name and description of a file, and the round trip (printed text reads back the same)."""

from dataclasses import dataclass

from training.programs.text import parse_program, write_program
from training.tests.programs.conftest import PROGRAM_TEXT
from training.tests.text.conftest import CATALOG, names  # noqa: F401 (fixture)


def test_weeks_hold_their_sessions_and_a_header_alone_is_a_rest_week(names):  # noqa: F811
    read = parse_program(PROGRAM_TEXT, names)
    assert read.ok, read.errors
    assert read.week_count == 3 and read.session_count == 5
    assert [s.weekday for s in read.weeks[1]] == [0, 1, 3, 5]
    assert read.weeks[2] == []
    assert [(s.weekday, s.focus) for s in read.weeks[3]] == [(2, "Easy")]


def test_errors_name_the_program_s_line_and_word(names):  # noqa: F811
    text = "Week 1\nMon Legs\n  Back squat 5x5 @75%\nWeek 2\nTue\n  Bak squat 5x5 @75%\n"
    read = parse_program(text, names)
    assert not read.ok and read.weeks == {}
    (error,) = read.errors
    assert (error.line, error.word) == (6, "Bak squat")
    assert "Back Squat" in error.reason


def test_weeks_are_numbered_in_order_from_1(names):  # noqa: F811
    read = parse_program("Week 1\nWeek 3\nMon\n  Run 30min Z2\n", names)
    assert [(e.line, e.word) for e in read.errors] == [(2, "Week")]
    assert "this one is Week 2" in read.errors[0].reason


def test_lines_before_week_1_and_an_empty_text_are_errors(names):  # noqa: F811
    read = parse_program("Mon Legs\n  Back squat 5x5 @75%\n", names)
    assert read.errors[0].line == 1 and "start with a week" in read.errors[0].reason
    assert "starts with Week 1" in parse_program("\n# nothing\n", names).errors[0].reason


def test_at_most_16_weeks(names):  # noqa: F811
    text = "".join(f"Week {n}\n" for n in range(1, 18))
    read = parse_program(text, names)
    assert [e.line for e in read.errors] == [17]
    assert "at most 16 weeks" in read.errors[0].reason


def test_a_file_s_name_and_description_lead(names):  # noqa: F811
    read = parse_program(
        "Program: Base block\nDescription: Four easy weeks\n" + PROGRAM_TEXT, names
    )
    assert read.ok and read.name == "Base block" and read.description == "Four easy weeks"
    short = parse_program("Program: X\n" + PROGRAM_TEXT, names)
    assert short.errors[0].line == 1 and "2–100 characters" in short.errors[0].reason


def _shape(read):
    return {
        week: [(s.weekday, s.type, s.focus, s.estimated_duration, s.prescription) for s in listed]
        for week, listed in read.weeks.items()
    }


@dataclass
class _Stored:
    """A ProgramSession as the printer reads one."""

    week: int
    weekday: int
    type: str
    focus: str | None
    estimated_duration: int | None
    prescription: dict
    order: int


def test_round_trip_prints_what_reads_back_the_same(names):  # noqa: F811
    read = parse_program(PROGRAM_TEXT, names)
    sessions = [
        _Stored(week, s.weekday, s.type, s.focus, s.estimated_duration, s.prescription, order)
        for week, listed in read.weeks.items()
        for order, s in enumerate(listed)
    ]
    ids = {exercise_id: name for name, exercise_id in CATALOG.items()}
    text = write_program(3, sessions, ids, name="Base block", description="Line one\nLine two")
    head = "Program: Base block\nDescription: Line one\nDescription: Line two\n\nWeek 1\n"
    assert text.startswith(head)
    assert "Week 2\n\nWeek 3\nWed Easy\n  Run 30min Z2\n" in text
    again = parse_program(text, names)
    assert again.ok, again.errors
    assert _shape(again) == _shape(read)
    assert (again.name, again.description) == ("Base block", "Line one\nLine two")
    assert _shape(parse_program(write_program(3, sessions, ids), names)) == _shape(read)
