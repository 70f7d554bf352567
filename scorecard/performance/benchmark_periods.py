"""The periods comparator data is published for: financial years ("2016/17") or calendar years ("2016").

Sources write a financial year "2016-17" (Oflog, the LGBF) or "2016/17" (LG Inform); a calendar year stays a
calendar year, never stretched into a financial one. Both are kept as their label, which sorts in time order
within a kind; `ends` places either on the calendar so a report's year finds the latest figure available.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date

from scorecard.performance.periods import FinancialYear, PeriodError

_CALENDAR_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def period_label(text: str) -> str:
    """ "2016-17", "2016/17" or "2016/2017" → "2016/17"; "2016" → "2016"; anything else is a PeriodError."""
    match = _CALENDAR_YEAR.match(text or "")
    if match:
        return match[1]
    try:
        return FinancialYear.parse(text).label
    except PeriodError:
        raise PeriodError(
            f"“{text}” is not a period: write a financial year like 2016/17 (or 2016-17) or a calendar year like 2016"
        ) from None


def is_calendar_year(label: str) -> bool:
    return bool(_CALENDAR_YEAR.match(label))


@functools.lru_cache(maxsize=1024)  # a report asks of the same few labels for every one of its measures
def ends(label: str) -> date:
    """The last day of the period: 31 December for a calendar year, 31 March for a financial one."""
    if is_calendar_year(label):
        return date(int(label), 12, 31)
    return FinancialYear.parse(label).ends


def latest_by(labels: Iterable[str], year: str) -> str | None:
    """The latest period that has ended by the end of the financial year `year` (what a report for that year can
    show beside it); None when every period ends later."""
    deadline = ends(year)
    ended = [label for label in labels if ends(label) <= deadline]
    return max(ended, key=ends, default=None)
