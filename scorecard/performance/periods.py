"""Financial years and quarters, as councils write them.

A financial year runs 1 April to 31 March and is written "2017/18". Quarter 1 is April to June,
quarter 4 is January to March.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

_YEAR = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")
_QUARTER = re.compile(r"^\s*(.+?)\s*[-\s]\s*Q(?:uarter)?\s*(\d{1,3})\s*$", re.IGNORECASE)


class PeriodError(ValueError):
    """A year or quarter that cannot be read, or that Scorecard does not hold; the message says why."""


@dataclass(frozen=True, order=True)
class FinancialYear:
    start_year: int

    def __post_init__(self) -> None:
        # Its dates must exist: "0000/01" would start in a year 0 that no calendar has.
        if not MINYEAR <= self.start_year < MAXYEAR:
            raise PeriodError(
                f"no financial year starts in {self.start_year}: "
                f"a financial year must start and end within the years {MINYEAR} to {MAXYEAR}"
            )

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read "2017/18", "2017-18" or "2017/2018"."""
        match = _YEAR.match(text or "")
        if not match:
            raise PeriodError(f'"{text}" is not a financial year: write it like 2017/18')
        start, end = int(match[1]), match[2]
        expected_end = start + 1
        if int(end) not in (expected_end, expected_end % 100):
            raise PeriodError(f'"{text}" is not a financial year: {start} is followed by {expected_end}')
        return cls(start)

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def label(self) -> str:
        return f"{self.start_year:04d}/{(self.start_year + 1) % 100:02d}"

    @property
    def slug(self) -> str:
        return self.label.replace("/", "-")

    @property
    def starts(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def ends(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    @property
    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)

    def quarter(self, number: int) -> Quarter:
        return Quarter(self, number)

    @property
    def quarters(self) -> tuple[Quarter, ...]:
        return tuple(Quarter(self, number) for number in range(1, 5))

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class Quarter:
    year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise PeriodError(f"quarter {self.number} does not exist: quarters are 1 to 4")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read "2017/18 Q2", "2017/18-Q2" or "2017/18 Quarter 2"."""
        match = _QUARTER.match(text or "")
        if not match:
            raise PeriodError(f'"{text}" is not a quarter: write it like 2017/18 Q2')
        return cls(FinancialYear.parse(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(FinancialYear.containing(day), (day.month - 4) % 12 // 3 + 1)

    @property
    def label(self) -> str:
        return f"{self.year.label} Q{self.number}"

    @property
    def long_label(self) -> str:
        return f"Quarter {self.number} {self.year.label}"

    @property
    def slug(self) -> str:
        return f"{self.year.slug}-Q{self.number}"

    @property
    def starts(self) -> date:
        month = (self.number - 1) * 3 + 4
        return date(self.year.start_year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def ends(self) -> date:
        following = self.next.starts
        return date.fromordinal(following.toordinal() - 1)

    @property
    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.year.previous, 4)
        return Quarter(self.year, self.number - 1)

    @property
    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.year.next, 1)
        return Quarter(self.year, self.number + 1)

    @property
    def same_quarter_last_year(self) -> Quarter:
        return Quarter(self.year.previous, self.number)

    def __str__(self) -> str:
        return self.label
