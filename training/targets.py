"""Turning prescriptions into concrete targets from an athlete's benchmarks.

Pure functions, no database access: the coach's and the athlete's pages both call them.
"""

from decimal import ROUND_HALF_UP, Decimal

PLATE_STEP_KG = Decimal("2.5")


def round_load(kg) -> Decimal:
    """Round a load to the nearest 2.5 kg, half up (rounding down drifts whole percents)."""
    steps = (Decimal(str(kg)) / PLATE_STEP_KG).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return steps * PLATE_STEP_KG


def load_from_percent(one_rep_max, percent) -> Decimal:
    """%1RM → kg, rounded to what can be loaded on a bar."""
    return round_load(Decimal(str(one_rep_max)) * Decimal(str(percent)) / 100)
