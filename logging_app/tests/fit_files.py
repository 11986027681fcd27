"""Building FIT activity files for tests with Garmin's encoder (garmin-fit-sdk), so tests
read what a watch writes, not bytes typed by hand."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
START = datetime(2026, 11, 28, 7, 30, tzinfo=UTC)


def fit_activity(
    seconds: int = 60,
    *,
    start: datetime = START,
    sport: str = "running",
    sub_sport: str = "generic",
    heart_rate: Callable[[int], int] | None = lambda s: 140,
    power: Callable[[int], int] | None = None,
    speed_m_s: float | None = 3.0,
    session: bool = True,
    step_s: int = 1,
) -> bytes:
    """An activity of `seconds` recorded every `step_s` seconds: heart_rate(s), power(s) and
    distance (speed_m_s × s) per record, None leaves the field out. With `session`, a session
    message states the totals as a watch does."""
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "activity",
            "manufacturer": "development",
            "product": 1,
            "time_created": start,
            "serial_number": 1234,
        }
    )
    encoder.write_mesg({"mesg_num": MESG["SPORT"], "sport": sport, "sub_sport": sub_sport})
    hrs, watts = [], []
    for s in range(0, seconds + 1, step_s):
        record = {"mesg_num": MESG["RECORD"], "timestamp": start + timedelta(seconds=s)}
        if heart_rate is not None:
            record["heart_rate"] = heart_rate(s)
            hrs.append(record["heart_rate"])
        if power is not None:
            record["power"] = power(s)
            watts.append(record["power"])
        if speed_m_s is not None:
            record["distance"] = speed_m_s * s
        encoder.write_mesg(record)
    if session:
        totals = {
            "mesg_num": MESG["SESSION"],
            "timestamp": start + timedelta(seconds=seconds),
            "start_time": start,
            "sport": sport,
            "sub_sport": sub_sport,
            "total_elapsed_time": float(seconds),
            "total_timer_time": float(seconds),
        }
        if speed_m_s is not None:
            totals["total_distance"] = speed_m_s * seconds
        if hrs:
            totals["avg_heart_rate"] = round(sum(hrs) / len(hrs))
            totals["max_heart_rate"] = max(hrs)
        if watts:
            totals["avg_power"] = round(sum(watts) / len(watts))
        encoder.write_mesg(totals)
        encoder.write_mesg(
            {
                "mesg_num": MESG["ACTIVITY"],
                "timestamp": start + timedelta(seconds=seconds),
                "num_sessions": 1,
                "type": "manual",
                "total_timer_time": float(seconds),
            }
        )
    return encoder.close()
