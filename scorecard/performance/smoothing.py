"""Exponential smoothing (statsmodels' Holt-Winters) of a measure's periods, and its simulated year totals."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing

# The same simulated outcomes every time a page is drawn, so a projection does not flicker between visits.
SEED = 20170401
SIMULATIONS = 1000


@dataclass(frozen=True)
class Smoothed:
    value: float
    totals: np.ndarray  # simulated year totals, for the range


def can_smooth(history_periods: int, periods: int) -> bool:
    """At least 12 past periods, and two whole years so the seasonal pattern can be estimated."""
    return history_periods >= max(12, 2 * periods)


def smooth_year_end(history: Sequence[float], this_year: Sequence[float], periods: int) -> Smoothed | None:
    """The year so far plus the model's forecast of the periods to come; None when the model cannot be fitted."""
    return _smoothed(tuple(history), tuple(this_year), periods)


# The earlier years' backtest fits are the same on every page that shows the measure, quarter after quarter.
@lru_cache(maxsize=4096)
def _smoothed(history: tuple[float, ...], this_year: tuple[float, ...], periods: int) -> Smoothed | None:
    series = np.asarray([*history, *this_year], dtype=float)
    remaining = periods - len(this_year)
    so_far = float(sum(this_year))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels warns of slow convergence on short series; we judge by backtest
        try:
            model = ExponentialSmoothing(
                series, seasonal="add", seasonal_periods=periods, initialization_method="estimated"
            ).fit(use_brute=False, method="SLSQP")  # a tenth of the default's time, and the backtest judges the fit
            forecast = model.forecast(remaining)
            paths = model.simulate(remaining, repetitions=SIMULATIONS, error="add", anchor="end", random_state=SEED)
        except (ValueError, np.linalg.LinAlgError):
            return None
    if not np.all(np.isfinite(forecast)):
        return None
    totals = so_far + np.asarray(paths).reshape(remaining, -1).sum(axis=0)
    return Smoothed(value=so_far + float(np.sum(forecast)), totals=totals)


def simulated_range(found: Smoothed, coverage: float) -> tuple[float, float]:
    """The range from simulated year totals (never from adding up per-period bounds)."""
    low, high = np.quantile(found.totals, [(1 - coverage) / 2, (1 + coverage) / 2])
    return float(low), float(high)
