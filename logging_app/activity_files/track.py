"""One pass over an activity's samples: every reader feeds a Track, and the Track sums up.

A sample is an instant (POSIX seconds) with whatever the file has at that moment:
heart rate, power, cumulative distance. Nothing is kept per sample, so a 4-hour file costs
the same memory as a 4-minute one.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from logging_app.activity_files.zones import held_seconds, zone_of

# Slower than this over an interval is standing still (a walk is ≈ 1.4 m/s), for the
# moving time of files that do not state one (GPX, TCX).
MOVING_SPEED_M_S = 0.5


class Track:
    """Running sums over the samples, in the order recorded."""

    def __init__(self, hr_zone_uppers: Sequence[float] | None):
        self.uppers = tuple(hr_zone_uppers) if hr_zone_uppers else None
        self._first_s: float | None = None
        self._last_s: float | None = None
        self._last_hr: float | None = None
        self._last_distance: float | None = None
        self.samples = 0
        self.hr_sum = 0.0
        self.hr_count = 0
        self.hr_max: float | None = None
        self.power_sum = 0.0
        self.power_count = 0
        self.distance_m: float | None = None
        self.moving_s = 0.0
        self.zone_seconds = [0.0] * 5

    def add(self, seconds: float, hr=None, power=None, distance_m=None):
        """One sample at `seconds` (POSIX time); `distance_m` is cumulative from the start,
        as the files record it."""
        if self._first_s is None:
            self._first_s = seconds
        self.samples += 1
        last_s = self._last_s
        if last_s is not None:
            gap = seconds - last_s
            if self._last_hr is not None and self.uppers:
                self.zone_seconds[zone_of(self._last_hr, self.uppers)] += held_seconds(gap)
            last_distance = self._last_distance
            moved = distance_m is not None and last_distance is not None and gap > 0
            if moved and (distance_m - last_distance) / gap >= MOVING_SPEED_M_S:
                self.moving_s += gap
        if hr is not None and hr <= 0:
            hr = None  # a strap that lost contact records 0: no heart rate, not a slow one
        self._last_s = seconds
        self._last_hr = hr
        if hr is not None:
            self.hr_sum += hr
            self.hr_count += 1
            if self.hr_max is None or hr > self.hr_max:
                self.hr_max = hr
        if power is not None:
            self.power_sum += power
            self.power_count += 1
        if distance_m is not None:
            self._last_distance = distance_m
            self.distance_m = distance_m

    @property
    def first_time(self) -> datetime | None:
        return None if self._first_s is None else datetime.fromtimestamp(self._first_s, UTC)

    @property
    def duration_s(self) -> float:
        return 0.0 if self._first_s is None else float(self._last_s - self._first_s)

    @property
    def avg_hr(self) -> int | None:
        return round(self.hr_sum / self.hr_count) if self.hr_count else None

    @property
    def max_hr(self) -> int | None:
        return None if self.hr_max is None else round(self.hr_max)

    @property
    def avg_power(self) -> float | None:
        return round(self.power_sum / self.power_count, 1) if self.power_count else None

    @property
    def zones(self) -> tuple[float, float, float, float, float] | None:
        """Seconds in zones 1–5; None without zones or without any heart rate."""
        if not self.uppers or not self.hr_count:
            return None
        return tuple(round(seconds, 1) for seconds in self.zone_seconds)

    @property
    def moving(self) -> float | None:
        """Moving seconds from distance over time; None when the file has no distances."""
        return self.moving_s if self.distance_m is not None else None
