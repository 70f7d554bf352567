"""The figures of a synthetic council's measures: a base value per measure, targets, and actuals that land in
each status band about as often as a real council's do (a third of measures Amber or Red)."""

from __future__ import annotations

import random
from decimal import Decimal

from scorecard.measures.models import Accumulation, Unit
from scorecard.performance.milestones import Progress
from scorecard.performance.status import Polarity

UNITS = {  # unit → (weight, decimals, lowest and highest year-end target)
    Unit.COUNT: (35, 0, 50, 50_000),
    Unit.PERCENT: (35, 1, 40, 95),
    Unit.RATE_PER_10000: (10, 1, 5, 120),
    Unit.DAYS: (10, 1, 5, 60),
    Unit.POUNDS: (5, 0, 10_000, 5_000_000),
    Unit.SCORE: (5, 1, 1, 10),
}
BANDS = {  # band → (weight, the signed relative difference from target, better when positive)
    "blue": (25, (0.03, 0.15)),
    "green": (35, (0.0, 0.02)),
    "amber": (20, (-0.05, -0.002)),
    "red": (20, (-0.30, -0.06)),
}
PROGRESS = {Progress.COMPLETED: 20, Progress.ON_TRACK: 50, Progress.SOME_SLIPPAGE: 20, Progress.MAJOR_SLIPPAGE: 10}
BELOW_TARGET = ("amber", "red")


def unit(rng: random.Random) -> Unit:
    return rng.choices(list(UNITS), weights=[weight for weight, *_ in UNITS.values()])[0]


def decimals_of(unit: str) -> int:
    return UNITS[Unit(unit)][1]


def accumulation_of(unit: str) -> str:
    return Accumulation.YEAR_TO_DATE if unit in (Unit.COUNT, Unit.POUNDS) else Accumulation.SNAPSHOT


def base_value(rng: random.Random, unit: str) -> float:
    _, _, lowest, highest = UNITS[Unit(unit)]
    return rng.uniform(lowest, highest)


def rounded(value: float, unit: str) -> Decimal:
    """A figure as the measure records it: to its decimals, a percentage within 0-100, nothing below zero."""
    value = max(0.0, min(value, 100.0)) if unit == Unit.PERCENT else max(0.0, value)
    return Decimal(str(round(value, decimals_of(unit))))


def year_end_target(rng: random.Random, base: float, unit: str) -> Decimal:
    return rounded(base * rng.uniform(0.95, 1.05), unit)


def quarter_target(year_end: Decimal, quarter: int, accumulation: str, unit: str) -> Decimal:
    """A year-to-date target builds up over the year; a snapshot's is the same each quarter."""
    if accumulation == Accumulation.YEAR_TO_DATE:
        return rounded(float(year_end) * quarter / 4, unit)
    return year_end


def band(rng: random.Random) -> str:
    return rng.choices(list(BANDS), weights=[weight for weight, _ in BANDS.values()])[0]


def landing_in(rng: random.Random, chosen_band: str, target: Decimal, polarity: str, unit: str) -> Decimal:
    """An actual (or forecast) whose difference from the target falls in the band."""
    lowest, highest = BANDS[chosen_band][1]
    better = rng.uniform(lowest, highest)
    sign = -1 if polarity == Polarity.LOW else 1
    return rounded(float(target) * (1 + sign * better), unit)


def context_only(rng: random.Random, base: float, unit: str) -> Decimal:
    return rounded(base * rng.uniform(0.8, 1.2), unit)


def progress(rng: random.Random) -> Progress:
    return rng.choices(list(PROGRESS), weights=list(PROGRESS.values()))[0]
