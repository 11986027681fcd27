"""Time in each of the athlete's heart-rate zones, accumulated sample by sample.

The zones are the app's (training/targets.py `_heart_rate_target`): HR_zone_1..5 hold each
zone's upper bound in bpm; zone N spans (upper of N−1, upper of N]; at or below zone 1's
upper bound is zone 1, above zone 5's upper bound is zone 5.
"""

from bisect import bisect_left
from collections.abc import Sequence

# A sample's heart rate holds until the next sample, but not across a pause: a gap longer
# than this counts this many seconds (docs/decisions.md "Time in zone across gaps").
MAX_HOLD_S = 30.0


def zone_of(bpm: float, uppers: Sequence[float]) -> int:
    """The zone (0-based index 0–4) of one heart rate: the first zone whose upper bound is at
    or above it; above zone 5's upper bound is still zone 5."""
    return min(bisect_left(uppers, bpm), 4)


def held_seconds(gap_s: float) -> float:
    """How long a sample's value counts: until the next sample, at most MAX_HOLD_S."""
    return min(max(gap_s, 0.0), MAX_HOLD_S)
