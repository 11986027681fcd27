"""A planned session as a FIT workout file, for the athlete's watch (issue 14, part 4).

Pure: the session's fields, the athlete's benchmarks and the exercises' names in, bytes out,
written with Garmin's encoder (garmin-fit-sdk). Targets come from training/targets.py, the
one place that turns a prescription into numbers, so the watch shows what the today page
shows. Every step carries something: a duration or a distance (else "open", ended by the lap
button), reps for a set, and the prescription in words as its name or notes, so a session
never reaches the watch as empty steps (section-11 #59).

FIT conventions kept here (Garmin's FIT profile, workout_step):
- duration_value is raw: milliseconds for time, centimetres for distance, reps as is;
- custom heart-rate targets are bpm + 100 (a value ≤ 100 would mean % of max HR), custom
  power targets watts + 1000 (≤ 1000 would mean % FTP), custom speeds mm/s;
- a repeat is a step of type repeat_until_steps_cmplt after its steps: duration_value the
  index of the first repeated step, target_value the number of times.
"""

from collections.abc import Mapping
from datetime import UTC, datetime, time

from garmin_fit_sdk import Encoder, Profile

from training.prescription import Prescription, Repeat, Step, StrengthItem
from training.targets import Benchmarks, Target, exercise_key, intensity_target, strength_targets

MESG = Profile["mesg_num"]
HR_OFFSET = 100
POWER_OFFSET = 1000
# A single wattage or pace (105 % FTP, 5 km pace) becomes a band of ± this share on the
# watch, which alerts outside a range (docs/decisions.md "Watch workouts").
SINGLE_VALUE_BAND = 0.03
# Open ends of a pace zone ("slower than 5:40 /km"), as speeds the watch can hold.
SLOWEST_M_S = 1000 / 1200  # 20:00 /km
FASTEST_M_S = 1000 / 120  # 2:00 /km
SPORTS = {"run": "running", "bike": "cycling", "row": "rowing", "swim": "swimming"}
STEP_INTENSITY = {
    "warmup": "warmup",
    "work": "active",
    "recovery": "recovery",
    "cooldown": "cooldown",
}
STEP_NAMES = {"warmup": "Warm-up", "work": "Work", "recovery": "Recovery", "cooldown": "Cool-down"}
# FIT strings are sized by the encoder from the text; watches show about this much.
NAME_CHARS = 40
NOTES_CHARS = 120
# A FIT string field is at most 255 bytes with its closing NUL (the encoder refuses more):
# 120 characters of Chinese (3 bytes each) or emoji (4) would be over it.
STRING_BYTES = 254
# workout_step.exercise_weight is a uint16 of hundredths of a kg (0xFFFF means none): a
# heavier load would wrap around (700 kg → 44.64), so it is left to the step's notes.
MAX_FIT_KG = 655.34


def _text(value: str, limit: int) -> str:
    """At most `limit` characters and STRING_BYTES of UTF-8, "…" where cut."""
    if len(value) <= limit and len(value.encode()) <= STRING_BYTES:
        return value
    # "…" is 3 bytes; a character cut in half by the byte limit is dropped.
    return value[: limit - 1].encode()[: STRING_BYTES - 3].decode(errors="ignore") + "…"


def _target_fields(target: Target) -> dict:
    """A step's target fields; none (open) when no benchmark makes the target concrete."""
    if target.unit == "bpm":
        low, high = target.low, target.high
        return _custom("heart_rate", low + HR_OFFSET, high + HR_OFFSET)
    if target.unit == "W":
        low, high = (target.low, target.high) if target.low is not None else _band(target.watts)
        return _custom("power", low + POWER_OFFSET, high + POWER_OFFSET)
    if target.unit == "s/km" and (target.low, target.high) != (None, None):
        fast, slow = target.low, target.high  # s/km: the faster pace is the smaller number
        if fast is not None and fast == slow:
            fast, slow = _band(fast)
        # A pace of 0 s/km (only an admin could store one) is no end at all: the open end.
        low = 1000 / slow if slow else SLOWEST_M_S
        high = 1000 / fast if fast else FASTEST_M_S
        return _custom("speed", round(low * 1000), round(high * 1000))
    return {"target_type": "open"}


def _band(value) -> tuple[int, int]:
    return round(value * (1 - SINGLE_VALUE_BAND)), round(value * (1 + SINGLE_VALUE_BAND))


def _custom(kind: str, low: int, high: int) -> dict:
    return {
        "target_type": kind,
        "target_value": 0,  # 0: the custom range below, not one of the watch's zones
        "custom_target_value_low": low,
        "custom_target_value_high": high,
    }


def _duration_fields(minutes: float | None, meters: float | None) -> dict:
    if minutes is not None and minutes > 0:
        return {"duration_type": "time", "duration_value": round(minutes * 60_000)}
    if meters is not None and meters > 0:
        return {"duration_type": "distance", "duration_value": round(meters * 100)}
    return {"duration_type": "open"}


def _endurance_step(step: Step, benchmarks: Benchmarks) -> dict:
    target = intensity_target(step.intensity, benchmarks)
    name = STEP_NAMES.get(step.kind or "", "Step")
    return {
        "wkt_step_name": name,
        "notes": _text(target.text, NOTES_CHARS) if target.text else None,
        "intensity": STEP_INTENSITY.get(step.kind or "", "active"),
        **_duration_fields(step.minutes, step.meters),
        **_target_fields(target),
    }


def endurance_steps(prescription, benchmarks) -> list[dict]:
    """The workout_step fields of an endurance session, in order (message_index not set)."""
    plan = Prescription.of("endurance", prescription)
    index = Benchmarks.of(benchmarks)
    if not plan.steps:
        whole = Step(kind=None, intensity=plan.intensity, duration=plan.duration)
        step = _endurance_step(whole, index)
        if step["duration_type"] == "open" and plan.distance is not None:
            step.update(_duration_fields(None, plan.distance.meters))
        return [{**step, "wkt_step_name": "Session"}]
    steps: list[dict] = []
    for part in plan.steps:
        if isinstance(part, Repeat):
            first = len(steps)
            steps.extend(_endurance_step(step, index) for step in part.steps)
            steps.append(
                {
                    "wkt_step_name": f"Repeat {part.count}×",
                    "duration_type": "repeat_until_steps_cmplt",
                    "duration_value": first,
                    "target_type": "open",
                    "target_value": part.count,
                }
            )
        else:
            steps.append(_endurance_step(part, index))
    return steps


def _set_notes(item: StrengthItem, target: Target, number: int) -> str:
    reps = "" if item.reps is None else f" · {item.reps}"
    if item.reps is not None and item.reps_max and item.reps_max != item.reps:
        reps += f"–{item.reps_max}"
    load = target.text or "bodyweight"
    missing = f" (needs {target.missing})" if target.missing else ""
    return f"Set {number} of {item.sets or 1}{reps} reps · {load}{missing}"


def strength_steps(prescription, benchmarks, exercise_names: Mapping) -> list[dict]:
    """One step per set (reps, the load worked out from the 1RM), a rest step between sets
    where the coach gave a rest."""
    plan = Prescription.of("strength", prescription)
    targets = strength_targets(plan, benchmarks, exercise_names)
    steps: list[dict] = []
    for item, target in zip(plan.items, targets, strict=True):
        name = exercise_names.get(exercise_key(item.exercise_id)) or "Exercise"
        sets = item.sets if isinstance(item.sets, int) and item.sets > 0 else 1
        for number in range(1, sets + 1):
            step = {
                "wkt_step_name": _text(name, NAME_CHARS),
                "notes": _text(_set_notes(item, target, number), NOTES_CHARS),
                "intensity": "active",
                "target_type": "open",
            }
            if isinstance(item.reps, int) and item.reps > 0:
                step.update(duration_type="reps", duration_value=item.reps)
            else:
                step.update(duration_type="open")
            if target.kg is not None and target.kg <= MAX_FIT_KG:
                step.update(exercise_weight=float(target.kg), weight_display_unit="kilogram")
            steps.append(step)
            if number < sets and item.rest_seconds:
                steps.append(
                    {
                        "wkt_step_name": "Rest",
                        "intensity": "rest",
                        "target_type": "open",
                        **_duration_fields(item.rest_seconds / 60, None),
                    }
                )
    return steps


def workout_steps(session_type, prescription, benchmarks, exercise_names=None) -> list[dict]:
    """The workout_step fields of any session; at least one step, never an empty one."""
    if session_type == "strength":
        steps = strength_steps(prescription, benchmarks, exercise_names or {})
    else:
        steps = endurance_steps(prescription, benchmarks)
    return steps or [{"wkt_step_name": "Session", "duration_type": "open", "target_type": "open"}]


def workout_fit(
    *, name: str, session_type, prescription, day, benchmarks, exercise_names=None
) -> bytes:
    """The FIT workout file of one session: file_id (type workout), workout, its steps."""
    steps = workout_steps(session_type, prescription, benchmarks, exercise_names)
    if session_type == "strength":
        sport, sub_sport = "training", "strength_training"
    else:
        modality = Prescription.of("endurance", prescription).modality
        sport, sub_sport = SPORTS.get(modality or "", "generic"), "generic"
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 1,
            "serial_number": 1,
            "time_created": datetime.combine(day, time(12), tzinfo=UTC),
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": MESG["WORKOUT"],
            "wkt_name": _text(name, NAME_CHARS),
            "sport": sport,
            "sub_sport": sub_sport,
            "num_valid_steps": len(steps),
        }
    )
    for index, step in enumerate(steps):
        fields = {key: value for key, value in step.items() if value is not None}
        encoder.write_mesg({"mesg_num": MESG["WORKOUT_STEP"], "message_index": index, **fields})
    return encoder.close()
