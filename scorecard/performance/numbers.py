"""Numbers as councils record and print them: exact decimals, rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

Number = int | float | Decimal
# Beyond any figure a council records (12 digits before the point); below it, the rules' sums and
# roundings stay exact in Decimal's 28 digits instead of overflowing.
LARGEST = Decimal(10) ** 15


def exact(value: Number) -> Decimal:
    """The value as a Decimal, so 475 against 500 is exactly 5% and not 4.9999…%."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"{value!r} is not a number")
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    if number.copy_abs() >= LARGEST:  # copy_abs, unlike abs(), cannot overflow
        raise ValueError(f"{value!r} is too large to be a figure: figures are below {LARGEST:,}")
    return number


def round_half_up(value: Number | Fraction, decimals: int = 0) -> Decimal:
    """Round as people do (2.5 → 3, 37.5% → 38%), not as Python's round() does (2.5 → 2)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return exact(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
