"""Reading a week of text: the issue's example exactly, headers, strength lines, and the
schema's verdict on everything the parser makes."""

from datetime import date

from hybridpeaks.core.json_validation import schema_problems
from training.tests.text.conftest import CATALOG
from training.text import parse_week

ISSUE_WEEK = """\
Mon Lower body
  Back squat 5x5 @75% rest 3min
  Romanian deadlift 3x8-10 @RPE7.5 tempo 3010
  Pull-up 4x8 @RPE8
Tue Easy run
  Run 45min Z2
Thu Track
  Run 15min Z1, 6x(400m @5k pace, 90s Z1), 10min Z1
Sat Long ride
  Bike 2h30 70% FTP
"""


def zone(n, **extra):
    return {"type": "heart_rate_zone", "zone": n, **extra}


def test_the_issue_s_week_parses_exactly(names):
    week = parse_week(ISSUE_WEEK, names)
    assert week.errors == []
    assert [(s.weekday, s.type, s.focus) for s in week.sessions] == [
        (0, "strength", "Lower body"),
        (1, "endurance", "Easy run"),
        (3, "endurance", "Track"),
        (5, "endurance", "Long ride"),
    ]
    lower, easy, track, ride = (s.prescription for s in week.sessions)
    assert lower == {
        "exercises": [
            {"exerciseId": CATALOG["Back Squat"], "sets": 5, "reps": 5,
             "intensity": {"type": "percent_1rm", "value": 75}, "restSeconds": 180},
            {"exerciseId": CATALOG["Romanian Deadlift"], "sets": 3, "reps": 8, "repsMax": 10,
             "intensity": {"type": "rpe", "value": 7.5}, "tempo": "3010"},
            {"exerciseId": CATALOG["Pull-Up"], "sets": 4, "reps": 8,
             "intensity": {"type": "rpe", "value": 8}},
        ]
    }  # fmt: skip
    assert easy == {"modality": "run", "duration": {"value": 45, "unit": "minutes"},
                    "intensity": zone(2)}  # fmt: skip
    assert track == {
        "modality": "run",
        "steps": [
            {"kind": "warmup", "duration": {"value": 15, "unit": "minutes"}, "intensity": zone(1)},
            {"repeat": 6, "steps": [
                {"kind": "work", "distance": {"value": 400, "unit": "meters"},
                 "intensity": {"type": "race_pace", "race": "5k"}},
                {"kind": "recovery", "duration": {"value": 90, "unit": "seconds"},
                 "intensity": zone(1)},
            ]},
            {"kind": "cooldown", "duration": {"value": 10, "unit": "minutes"},
             "intensity": zone(1)},
        ],
    }  # fmt: skip
    assert ride == {"modality": "bike", "duration": {"value": 150, "unit": "minutes"},
                    "intensity": {"type": "ftp_percent", "value": 70}}  # fmt: skip
    for session in week.sessions:
        assert (
            schema_problems(session.prescription, schema=f"training:prescription_{session.type}")
            == []
        )


def test_a_rep_range_is_kept_whole_and_must_go_up(names):
    assert parse_week(ISSUE_WEEK, names).notes == []
    down = parse_week("Mon Legs\n  Back squat 3x10-8 @RPE7\n", names)
    too_many = parse_week("Mon Legs\n  Back squat 3x8-60 @RPE7\n", names)
    assert [(e.line, e.word, e.reason) for e in down.errors] == [
        (2, "3x10-8", "a rep range goes from low to high, such as 3x8-10")
    ]
    assert [(e.word, e.reason) for e in too_many.errors] == [("3x8-60", "reps must be 1–50")]


def test_estimated_minutes_come_from_the_header_or_the_endurance_duration(names):
    week = parse_week(ISSUE_WEEK.replace("Mon Lower body", "Mon Lower body ~1h10"), names)
    assert [s.estimated_duration for s in week.sessions] == [70, 45, 25 + 9, 150]


def test_headers_take_full_day_names_any_case_and_a_colon(names):
    text = (
        "monday: Legs\n  Back squat 3x5 @RPE8\nSUNDAY\n  Run 30min Z1\n"
        "Thurs Tempo\n  Run 40min Z3\n"
    )
    week = parse_week(text, names)
    assert [(s.weekday, s.focus) for s in week.sessions] == [(0, "Legs"), (6, None), (3, "Tempo")]


def test_fields_put_each_session_on_its_day_of_the_week(names):
    week = parse_week("Wed Easy\n  Run 30min Z2\n", names)
    fields = week.sessions[0].fields(date(2026, 12, 7))
    assert fields["date"] == date(2026, 12, 9)
    assert fields["type"] == "endurance" and fields["estimated_duration"] == 30


def test_blank_lines_and_comments_are_skipped(names):
    text = "# next week\n\nMon Legs\n\n  # heavy\n  Back squat 3x5 @80%\n"
    assert len(parse_week(text, names).sessions) == 1


def test_two_sessions_may_share_a_day(names):
    text = "Mon AM\n  Run 30min Z2\nMon PM\n  Bench press 3x5 @75%\n"
    assert [s.weekday for s in parse_week(text, names).sessions] == [0, 0]


def test_strength_options(names):
    text = (
        "Mon\n  Bench press 5 x 5 @ 80 % rest 2min tempo 2010\n"
        "  Overhead press 3×8 RPE 7 rest 90s\n  Back squat 3x5 @72.5%1RM rest 0s\n"
    )
    [session] = parse_week(text, names).sessions
    bench, press, squat = session.prescription["exercises"]
    assert (bench["sets"], bench["reps"], bench["restSeconds"], bench["tempo"]) == (
        5,
        5,
        120,
        "2010",
    )
    assert bench["intensity"] == {"type": "percent_1rm", "value": 80}
    assert press["intensity"] == {"type": "rpe", "value": 7} and press["restSeconds"] == 90
    assert squat["intensity"]["value"] == 72.5 and squat["restSeconds"] == 0


def test_exercise_names_match_case_accents_hyphens_spaces_plurals_and_aliases(names):
    lines = [
        "BACK-SQUAT 3x5 @70%",
        "pull ups 3x5 @RPE8",
        "Pullup 3x5 @RPE8",
        "curl a la francaise 3x10 @RPE7",
        "RDL 3x8 @RPE7",
        "ohp 3x8 @RPE7",
    ]
    [session] = parse_week("Mon\n" + "\n".join("  " + line for line in lines), names).sessions
    assert [item["exerciseId"] for item in session.prescription["exercises"]] == [
        CATALOG[name]
        for name in (
            "Back Squat", "Pull-Up", "Pull-Up", "Curl à la française", "Romanian Deadlift",
            "Overhead Press",
        )
    ]  # fmt: skip


def test_an_indented_line_starting_with_a_day_name_is_a_line_not_a_header(names):
    week = parse_week("Mon Legs\n  Sun salutation 3x5 @RPE5\n", names)
    assert [(e.line, e.word) for e in week.errors] == [(2, "Sun salutation")]
