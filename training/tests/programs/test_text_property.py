"""Any program (1–16 weeks, rest weeks, sessions of both kinds on any weekday, titles and
estimates) prints to text that reads back to the same program (property-based), with the
round-trip strategies of training.text's own test."""

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from training.programs.text import parse_program, write_program
from training.tests.text.test_round_trip import NAMES, plain, stepped, strength


@dataclass
class Stored:
    week: int
    weekday: int
    type: str
    focus: str | None
    estimated_duration: int | None
    prescription: dict
    order: int


# A title's spaces are read as single ones (the week syntax's rule): none doubled here.
title = st.none() | st.from_regex(r"\A[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,2}\Z")
session = st.one_of(
    st.tuples(st.just("strength"), strength, st.none() | st.integers(1, 300)),
    st.tuples(st.just("endurance"), plain | stepped, st.none()),
)


@st.composite
def programs(draw):
    weeks = draw(st.integers(1, 16))
    stored = []
    for week in range(1, weeks + 1):
        for order, weekday in enumerate(sorted(draw(st.lists(st.integers(0, 6), max_size=3)))):
            kind, prescription, estimate = draw(session)
            stored.append(Stored(week, weekday, kind, draw(title), estimate, prescription, order))
    return weeks, stored


@settings(max_examples=60, deadline=None)
@given(programs())
def test_programs_round_trip(program):
    weeks, stored = program
    text = write_program(weeks, stored, NAMES.names, name="Any", description="Shared")
    read = parse_program(text, NAMES)
    assert read.ok, (text, read.errors)
    assert read.week_count == weeks and (read.name, read.description) == ("Any", "Shared")

    def shape(week, s):
        # An endurance session's minutes come from its prescription, not from the text.
        estimate = s.estimated_duration if s.type == "strength" else None
        return (week, s.weekday, s.type, s.focus, estimate, s.prescription)

    again = [shape(week, s) for week, listed in read.weeks.items() for s in listed]
    assert again == [shape(s.week, s) for s in stored], text
