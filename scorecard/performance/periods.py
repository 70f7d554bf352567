"""Financial years, quarters and months, as councils write them.

A financial year runs 1 April to 31 March and is written "2017/18". Quarter 1 is April to June,
quarter 4 is January to March. Month 1 is April, month 12 is March: "April 2017" is 2017/18 M1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date
from enum import StrEnum

_YEAR = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")
_QUARTER = re.compile(r"^\s*(.+?)\s*[-\s]\s*Q(?:uarter)?\s*(\d{1,3})\s*$", re.IGNORECASE)
_MONTH_IN_YEAR = re.compile(r"^\s*(.+?)\s*[-\s]\s*M(?:onth)?\s*(\d{1,3})\s*$", re.IGNORECASE)
_MONTH_NAMED = re.compile(r"^\s*([a-z]{3,9})\.?\s+(\d{4})\s*$", re.IGNORECASE)
_MONTH_ISO = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
# The calendar's months in English whatever the server's locale (the calendar module follows the locale).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class PeriodError(ValueError):
    """A year, quarter or month that cannot be read, or that Scorecard does not hold; the message says why."""


class Collection(StrEnum):
    """How often a year's figures are collected and reported: by quarter (Derby) or by month."""

    QUARTERLY = "quarterly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        return self.value.capitalize()


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

    def month(self, number: int) -> Month:
        return Month(self, number)

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(Month(self, number) for number in range(1, 13))

    def periods(self, collection: Collection) -> tuple[Quarter, ...] | tuple[Month, ...]:
        """The periods a year collects: its four quarters, or its twelve months."""
        return self.months if collection is Collection.MONTHLY else self.quarters

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
    def same_period_last_year(self) -> Quarter:
        return Quarter(self.year.previous, self.number)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, order=True)
class Month:
    """A month of a financial year: number 1 is April, 12 is March. Labelled as councils write it, "April 2017";
    read back from that, "Apr 2017", "2017/18 M1" or "2017-04"."""

    year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if self.number not in range(1, 13):
            raise PeriodError(f"month {self.number} does not exist: months are 1 (April) to 12 (March)")

    @classmethod
    def parse(cls, text: str) -> Month:
        text = text or ""
        if match := _MONTH_IN_YEAR.match(text):
            return cls(FinancialYear.parse(match[1]), int(match[2]))
        if match := _MONTH_NAMED.match(text):
            return cls.of_calendar(int(match[2]), month_called(match[1], text))
        if (match := _MONTH_ISO.match(text)) and 1 <= int(match[2]) <= 12:
            return cls.of_calendar(int(match[1]), int(match[2]))
        raise PeriodError(f'"{text}" is not a month: write it like April 2017 or 2017/18 M1')

    @classmethod
    def of_calendar(cls, calendar_year: int, calendar_month: int) -> Month:
        """The month of the calendar (2018, 3: March 2018) as a month of its financial year (2017/18 M12)."""
        if not MINYEAR <= calendar_year <= MAXYEAR:
            raise PeriodError(f"{calendar_year} is not a year Scorecard can hold")
        return cls.containing(date(calendar_year, calendar_month, 1))

    @classmethod
    def containing(cls, day: date) -> Month:
        return cls(FinancialYear.containing(day), month_in_year(day.month))

    @property
    def quarter(self) -> Quarter:
        """The quarter the month falls in: April to June are in quarter 1."""
        return Quarter(self.year, (self.number - 1) // 3 + 1)

    @property
    def label(self) -> str:
        return f"{month_name(self.number)} {self.starts.year:04d}"

    @property
    def long_label(self) -> str:
        return self.label

    @property
    def slug(self) -> str:
        return f"{self.year.slug}-M{self.number}"

    @property
    def starts(self) -> date:
        calendar_month = (self.number + 2) % 12 + 1
        return date(self.year.start_year + (calendar_month < 4), calendar_month, 1)

    @property
    def ends(self) -> date:
        if self.number == 12:
            return self.year.ends
        return date.fromordinal(self.next.starts.toordinal() - 1)

    @property
    def previous(self) -> Month:
        if self.number == 1:
            return Month(self.year.previous, 12)
        return Month(self.year, self.number - 1)

    @property
    def next(self) -> Month:
        if self.number == 12:
            return Month(self.year.next, 1)
        return Month(self.year, self.number + 1)

    @property
    def same_period_last_year(self) -> Month:
        return Month(self.year.previous, self.number)

    def __str__(self) -> str:
        return self.label


def month_in_year(calendar_month: int) -> int:
    """A calendar month's number in the financial year: April (4) is month 1, March (3) is month 12."""
    return (calendar_month - 4) % 12 + 1


def month_name(number: int) -> str:
    """The name of a financial year's month: 1 is April, 12 is March."""
    return MONTH_NAMES[(number + 2) % 12]


def month_called(name: str, text: str) -> int:
    """The calendar month (1 to 12) a name or its start names: "Apr", "Sept", "april"."""
    for number, month_name in enumerate(MONTH_NAMES, start=1):
        if month_name.lower().startswith(name.lower()):
            return number
    raise PeriodError(f'"{text}" is not a month: "{name}" is no month\'s name')


def parse_period(text: str) -> Quarter | Month:
    """A quarter ("2017/18 Q2") or a month ("April 2017", "2017/18 M1", "2017-04"), however it is written."""
    if _QUARTER.match(text or ""):
        return Quarter.parse(text)
    if any(pattern.match(text or "") for pattern in (_MONTH_IN_YEAR, _MONTH_NAMED, _MONTH_ISO)):
        return Month.parse(text)
    raise PeriodError(f'"{text}" is not a quarter or a month: write it like 2017/18 Q2 or April 2017')
