"""FIT workout files: every exported file is decoded with Garmin's decoder and compared step
by step with the session's steps and the athlete's targets (issue 14, part 4)."""

from datetime import date
from decimal import Decimal

from garmin_fit_sdk import Decoder, Stream

from training.tests.factories import TRACK_INTERVALS
from training.tests.target_cases import BENCH, SQUAT, Bench, one_rm
from training.watch_workout import workout_fit

DAY = date(2026, 12, 3)
NAMES = {str(SQUAT): "Back Squat", str(BENCH): "Pull-Up"}
# Zone upper bounds 130/145/160/172/185 bpm, FTP 250 W, 5 km pace 4:30 /km (threshold 4:45).
ZONES = [Bench(f"HR_zone_{n}", Decimal(v)) for n, v in enumerate((130, 145, 160, 172, 185), 1)]
FTP = Bench("FTP", Decimal(250))
PACE_5K = Bench("pace_5k", Decimal(270))


def decode(data: bytes) -> tuple[dict, list[dict]]:
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    (workout,) = messages["workout_mesgs"]
    steps = messages["workout_step_mesgs"]
    assert workout["num_valid_steps"] == len(steps)
    assert [step["message_index"] for step in steps] == list(range(len(steps)))
    return workout, steps


def export(prescription, benchmarks=(), session_type="endurance", name="Session"):
    return decode(
        workout_fit(
            name=name,
            session_type=session_type,
            prescription=prescription,
            day=DAY,
            benchmarks=benchmarks,
            exercise_names=NAMES,
        )
    )


def plain(**intensity):
    return {
        "modality": "run",
        "duration": {"value": 45, "unit": "minutes"},
        "intensity": intensity,
    }


def test_a_plain_endurance_session_is_one_timed_step_with_heart_rate_in_bpm_plus_100():
    workout, (step,) = export(plain(type="heart_rate_zone", zone=2), ZONES, name="Easy run")
    assert (workout["wkt_name"], workout["sport"]) == ("Easy run", "running")
    assert (step["duration_type"], step["duration_time"]) == ("time", 2700.0)
    assert step["target_type"] == "heart_rate"
    # Zone 2 spans (130, 145] → 131–145 bpm, written + 100.
    assert (step["custom_target_heart_rate_low"], step["custom_target_heart_rate_high"]) == (
        231,
        245,
    )
    assert step["notes"] == "131–145 bpm"


def test_power_in_watts_plus_1000_and_a_single_value_as_a_band():
    _, (step,) = export(
        {
            "modality": "bike",
            "duration": {"value": 60, "unit": "minutes"},
            "intensity": {"type": "ftp_percent", "value": 80},
        },
        [FTP],
    )
    # 80 % of 250 W = 200 W, ± 3 % → 194–206 W.
    assert step["target_type"] == "power"
    assert (step["custom_target_power_low"], step["custom_target_power_high"]) == (1194, 1206)


def test_a_pace_zone_as_a_speed_range():
    _, (step,) = export(plain(type="pace_zone", zone=2), [PACE_5K])
    # Threshold 270 + 15 = 285 s/km; zone 2 is 114–129 % of it: 325–368 s/km
    # → 1000/368 = 2.717 m/s to 1000/325 = 3.077 m/s.
    assert step["target_type"] == "speed"
    assert step["custom_target_speed_low"] == 2.717
    assert step["custom_target_speed_high"] == 3.077


def test_a_pace_of_zero_stored_by_an_admin_leaves_that_end_open_not_a_crash():
    race = {"type": "race_pace", "race": "5k"}
    _, (step,) = export(plain(**race), [Bench("pace_5k", Decimal("0.4"))])
    # The band around 0.4 s/km rounds to 0 at both ends: both open, 20:00 to 2:00 /km.
    assert step["target_type"] == "speed"
    assert step["custom_target_speed_low"] == 0.833
    assert step["custom_target_speed_high"] == 8.333


def test_a_distance_only_session_is_a_distance_step():
    _, (step,) = export(
        {
            "modality": "swim",
            "distance": {"value": 2, "unit": "km"},
            "intensity": {"type": "heart_rate_zone", "zone": 2},
        },
        ZONES,
    )
    assert (step["duration_type"], step["duration_distance"]) == ("distance", 2000.0)


def test_intervals_with_a_repeat_step_by_step():
    cooldown = {"kind": "cooldown", "duration": {"value": 10, "unit": "minutes"},
                "intensity": {"type": "heart_rate_zone", "zone": 1}}  # fmt: skip
    prescription = {**TRACK_INTERVALS, "steps": [*TRACK_INTERVALS["steps"], cooldown]}
    _, steps = export(prescription, [*ZONES, PACE_5K])
    assert [(s["wkt_step_name"], s.get("intensity")) for s in steps] == [
        ("Warm-up", "warmup"),
        ("Work", "active"),
        ("Recovery", "recovery"),
        ("Repeat 6×", None),
        ("Cool-down", "cooldown"),
    ]
    warmup, work, recovery, repeat, cooldown = steps
    assert warmup["duration_time"] == 900.0
    # Zone 1: from half of zone 5's upper bound (92.5 → 93) to 130 bpm.
    assert (warmup["custom_target_heart_rate_low"], warmup["custom_target_heart_rate_high"]) == (
        193,
        230,
    )
    assert work["duration_distance"] == 400.0
    # 5 km pace 270 s/km ± 3 % = 262–278 s/km → 3.597–3.817 m/s.
    assert (work["custom_target_speed_low"], work["custom_target_speed_high"]) == (3.597, 3.817)
    assert recovery["duration_time"] == 90.0
    assert repeat["duration_type"] == "repeat_until_steps_cmplt"
    assert (repeat["duration_step"], repeat["repeat_steps"]) == (1, 6)  # from step 1, 6 times
    assert cooldown["duration_time"] == 600.0


def test_a_missing_benchmark_leaves_the_step_open_and_says_so():
    _, (step,) = export(plain(type="heart_rate_zone", zone=3))
    assert step["target_type"] == "open"
    assert "custom_target_value_low" not in step
    assert step["notes"] == "Zone 3"
    assert step["duration_time"] == 2700.0


def test_strength_sets_with_reps_load_from_1rm_and_rest_between_sets():
    prescription = {"exercises": [
        {"exerciseId": str(SQUAT), "sets": 3, "reps": 5, "restSeconds": 180,
         "intensity": {"type": "percent_1rm", "value": 75}},
    ]}  # fmt: skip
    workout, steps = export(prescription, [one_rm(140)], session_type="strength", name="Legs")
    assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
    assert [s["wkt_step_name"] for s in steps] == [
        "Back Squat", "Rest", "Back Squat", "Rest", "Back Squat",
    ]  # fmt: skip
    sets = steps[::2]
    # 75 % of 140 kg = 105 kg.
    assert [(s["duration_type"], s["duration_reps"], s["exercise_weight"]) for s in sets] == [
        ("reps", 5, 105.0)
    ] * 3
    assert sets[1]["notes"] == "Set 2 of 3 · 5 reps · 105 kg"
    assert sets[0]["weight_display_unit"] == "kilogram"
    assert [(s["duration_type"], s["duration_time"], s["intensity"]) for s in steps[1::2]] == [
        ("time", 180.0, "rest")
    ] * 2


def test_strength_at_rpe_with_and_without_a_1rm_and_bodyweight():
    prescription = {"exercises": [
        {"exerciseId": str(SQUAT), "sets": 1, "reps": 5, "intensity": {"type": "rpe", "value": 8}},
        {"exerciseId": str(BENCH), "sets": 2, "reps": 8, "repsMax": 10,
         "intensity": {"type": "rpe", "value": 8}},
    ]}  # fmt: skip
    _, steps = export(prescription, [one_rm(140)], session_type="strength")
    squat, *pull_ups = steps
    # RPE 8 × 5 reps is 81.1 % on the chart: 140 × 0.811 = 113.5 → 112.5 kg.
    assert squat["exercise_weight"] == 112.5
    assert squat["notes"] == "Set 1 of 1 · 5 reps · RPE 8 · ≈ 112.5 kg"
    # No 1RM for the pull-up: RPE only, no weight (a bodyweight set), reps from the range's low.
    assert [s["wkt_step_name"] for s in pull_ups] == ["Pull-Up", "Pull-Up"]
    assert all("exercise_weight" not in s for s in pull_ups)
    assert [s["duration_reps"] for s in pull_ups] == [8, 8]
    assert pull_ups[0]["notes"] == "Set 1 of 2 · 8–10 reps · RPE 8"


def test_percent_1rm_without_a_1rm_names_what_is_missing():
    prescription = {"exercises": [
        {"exerciseId": str(SQUAT), "sets": 1, "reps": 5,
         "intensity": {"type": "percent_1rm", "value": 75}},
    ]}  # fmt: skip
    _, (step,) = export(prescription, [], session_type="strength")
    assert "exercise_weight" not in step
    assert step["notes"] == "Set 1 of 1 · 5 reps · 75% 1RM (needs 1RM for Back Squat)"


def test_a_session_without_exercises_is_still_one_step():
    _, (step,) = export({"exercises": []}, session_type="strength", name="Mobility")
    assert (step["wkt_step_name"], step["duration_type"]) == ("Session", "open")


def test_a_power_range_and_an_open_ended_pace_zone():
    prescription = {
        "modality": "bike",
        "steps": [
            {"kind": "work", "duration": {"value": 3, "unit": "minutes"},
             "intensity": {"type": "ftp_percent", "value": 105, "valueTo": 110}},
            {"kind": "recovery", "duration": {"value": 2, "unit": "minutes"},
             "intensity": {"type": "pace_zone", "zone": 1}},
        ],
    }  # fmt: skip
    _, (work, easy) = export(prescription, [FTP, PACE_5K])
    # 105–110 % of 250 W = 262.5 → 263 (half up) to 275 W, as the range itself (no band).
    assert (work["custom_target_power_low"], work["custom_target_power_high"]) == (1263, 1275)
    # Zone 1 is slower than 129 % of threshold (285 × 1.29 = 368 s/km): from the slowest
    # speed the watch is given (20:00 /km = 0.833 m/s) to 1000/368 = 2.717 m/s.
    assert (easy["custom_target_speed_low"], easy["custom_target_speed_high"]) == (0.833, 2.717)


def test_long_non_latin_names_fit_the_255_byte_fit_string():
    """FIT strings are at most 255 bytes: a 100-character exercise name in Chinese (3 bytes a
    character) and a focus in emoji are cut to fit, not a 500 from the encoder."""
    prescription = {"exercises": [
        {"exerciseId": str(SQUAT), "sets": 1, "reps": 5,
         "intensity": {"type": "percent_1rm", "value": 75}},
    ]}  # fmt: skip
    data = workout_fit(
        name="🏃" * 100,
        session_type="strength",
        prescription=prescription,
        day=DAY,
        benchmarks=[],
        exercise_names={str(SQUAT): "深蹲" * 50},
    )
    workout, (step,) = decode(data)
    assert workout["wkt_name"].startswith("🏃") and workout["wkt_name"].endswith("…")
    assert step["wkt_step_name"].startswith("深蹲") and step["notes"].endswith("…")
    assert step["notes"].startswith("Set 1 of 1 · 5 reps · 75% 1RM (needs 1RM for 深蹲")
    for text in (workout["wkt_name"], step["wkt_step_name"], step["notes"]):
        assert len(text.encode()) < 255


def test_a_load_over_what_fit_holds_is_left_to_the_notes_not_wrapped():
    """exercise_weight is 16 bits of hundredths (at most 655.35 kg): a 700 kg leg press came
    out as 44.64 kg on the watch. Over it, the notes alone carry the load."""
    prescription = {"exercises": [
        {"exerciseId": str(SQUAT), "sets": 1, "reps": 5,
         "intensity": {"type": "percent_1rm", "value": 100}},
    ]}  # fmt: skip
    _, (step,) = export(prescription, [one_rm(700)], session_type="strength")
    assert "exercise_weight" not in step
    assert step["notes"] == "Set 1 of 1 · 5 reps · 700 kg"
    _, (step,) = export(prescription, [one_rm(655)], session_type="strength")
    assert step["exercise_weight"] == 655.0
