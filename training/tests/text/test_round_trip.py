"""Every valid prescription prints to text that parses back to the same prescription: both
kinds, plain endurance sessions and stepped ones (with summaries, repeats and every kind in
every place, so the printer must write the kind words the reading rule would not infer).

The numbers are what a coach can type: whole numbers and decimals (tenths, hundredths).
A stray `value` on a zone intensity, which the schema tolerates on a plain session and
nothing reads, is not generated: the text has no way to say it (docs/text-syntax.md)."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from hybridpeaks.core.json_validation import schema_problems
from training.prescription import Prescription
from training.tests.text.conftest import CATALOG
from training.text import ExerciseNames, parse_steps, parse_week, write_steps
from training.text.printer import write_session_lines

NAMES = ExerciseNames((i, name) for name, i in CATALOG.items())


def decimal(low, high, places=(0, 1, 2)):
    """Numbers in [low, high] with 0–2 decimals: as ints, and as floats such as 72.5."""
    return st.sampled_from(places).flatmap(
        lambda p: st.integers(math.ceil(low * 10**p), math.floor(high * 10**p)).map(
            lambda n: n // 10**p if p == 0 else n / 10**p
        )
    )


def optional(**strategies):
    return st.fixed_dictionaries({}, optional=strategies)


items = st.fixed_dictionaries(
    {
        "exerciseId": st.sampled_from(sorted(CATALOG.values())),
        "sets": st.integers(1, 20),
        "reps": st.integers(1, 50),
        "intensity": st.fixed_dictionaries(
            {"type": st.just("percent_1rm"), "value": decimal(0, 100)}
        )
        | st.fixed_dictionaries({"type": st.just("rpe"), "value": decimal(1, 10)}),
    },
    optional={
        "restSeconds": st.integers(0, 600),
        "tempo": st.from_regex(r"\A[0-9]{4}\Z"),
        "repsMax": st.integers(2, 50),
    },
).filter(lambda item: item.get("repsMax", 51) > item["reps"])  # a range goes up
strength = st.fixed_dictionaries({"exercises": st.lists(items, min_size=1, max_size=8)})

modality = st.sampled_from(["run", "bike", "row", "swim"])
plain_duration = st.fixed_dictionaries(
    {"value": decimal(1, 1440), "unit": st.just("minutes")}
) | st.fixed_dictionaries({"value": decimal(1, 24), "unit": st.just("hours")})
distance = st.one_of(
    st.fixed_dictionaries({"value": decimal(0.1, top), "unit": st.just(unit)})
    for unit, top in (("km", 1000), ("miles", 621), ("meters", 1_000_000))
)
plain_intensity = st.one_of(
    st.fixed_dictionaries(
        {"type": st.sampled_from(["heart_rate_zone", "pace_zone"]), "zone": st.integers(1, 5)}
    ),
    st.fixed_dictionaries({"type": st.just("ftp_percent"), "value": decimal(1, 200)}),
)
plain = st.fixed_dictionaries(
    {"modality": modality, "duration": plain_duration, "intensity": plain_intensity},
    optional={"distance": distance},
)


@st.composite
def zone_range(draw, kind):
    zone = draw(st.integers(1, 5))
    top = draw(st.none() | st.integers(zone, 5))
    return {"type": kind, "zone": zone, **({} if top is None else {"zoneTo": top})}


@st.composite
def ftp_range(draw):
    value = draw(decimal(1, 200, places=(0, 1)))
    top = draw(st.none() | decimal(value, 200, places=(0, 1)))
    return {"type": "ftp_percent", "value": value, **({} if top is None else {"valueTo": top})}


step_intensity = st.one_of(
    zone_range("heart_rate_zone"),
    zone_range("pace_zone"),
    ftp_range(),
    st.fixed_dictionaries(
        {"type": st.just("race_pace"), "race": st.sampled_from(["5k", "10k", "half_marathon"])}
    ),
)
step_duration = st.one_of(
    st.fixed_dictionaries({"value": decimal(0.5, 3600), "unit": st.just("seconds")}),
    st.fixed_dictionaries({"value": decimal(0.1, 1440), "unit": st.just("minutes")}),
    st.fixed_dictionaries({"value": decimal(0.1, 24), "unit": st.just("hours")}),
)
step = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["warmup", "work", "recovery", "cooldown"]),
        "amount": st.one_of(
            step_duration.map(lambda d: {"duration": d}), distance.map(lambda d: {"distance": d})
        ),
        "intensity": step_intensity,
    }
).map(lambda s: {"kind": s["kind"], **s["amount"], "intensity": s["intensity"]})
repeat = st.fixed_dictionaries(
    {"repeat": st.integers(2, 50), "steps": st.lists(step, min_size=1, max_size=4)}
)
steps = st.lists(step | repeat, min_size=1, max_size=6)
stepped = st.builds(
    lambda m, summary, s: {"modality": m, **summary, "steps": s},
    modality,
    optional(duration=plain_duration, distance=distance, intensity=plain_intensity),
    steps,
)


def round_trip(session_type, document):
    assert schema_problems(document, schema=f"training:prescription_{session_type}") == []
    lines = write_session_lines(session_type, document, NAMES.names)
    text = "Mon\n" + "".join(f"  {line}\n" for line in lines)
    week = parse_week(text, NAMES)
    assert week.errors == [], (text, week.errors)
    [session] = week.sessions
    assert session.prescription == document, text


@settings(max_examples=150, deadline=None)
@given(strength)
def test_strength_prescriptions_round_trip(document):
    round_trip("strength", document)


@settings(max_examples=150, deadline=None)
@given(plain)
def test_plain_endurance_prescriptions_round_trip(document):
    round_trip("endurance", document)


@settings(max_examples=200, deadline=None)
@given(stepped)
def test_stepped_endurance_prescriptions_round_trip(document):
    round_trip("endurance", document)


@settings(max_examples=100, deadline=None)
@given(steps)
def test_the_intervals_field_round_trips_its_steps(written):
    typed = Prescription.of("endurance", {"modality": "run", "steps": written})
    assert parse_steps(write_steps(typed.steps)) == (written, [])


def test_the_issue_s_sessions_print_as_typed():
    track = parse_week("Thu\n  Run 15min Z1, 6x(400m @5k pace, 90s Z1), 10min Z1\n", NAMES)
    ride = parse_week("Sat\n  Bike 2h30 70% FTP\n", NAMES)
    assert write_session_lines("endurance", track.sessions[0].prescription, {}) == [
        "Run 15min Z1, 6x(400m @5k pace, 90s Z1), 10min Z1"
    ]
    assert write_session_lines("endurance", ride.sessions[0].prescription, {}) == [
        "Bike 2h30 70% FTP"
    ]
