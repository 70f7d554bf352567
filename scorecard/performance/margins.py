"""The bands' margins as a performance team types them ("2%", "10") and as they are kept (0.02, 0.10).

Relative margins are kept as fractions of the target; absolute margins in the measure's own unit, as typed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from scorecard.performance.numbers import round_half_up

HUNDRED = Decimal(100)
_TYPED = re.compile(r"^\s*(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<percent>%?)\s*$")


class MarginError(ValueError):
    """Why a typed margin is not one: the message names what was typed."""


def margin_from_text(text: str, *, absolute: bool = False) -> Decimal:
    """ "2%" or "2" → 0.02 for a relative margin; "2" → 2 for an absolute one (percentage points)."""
    typed = _TYPED.match(text or "")
    if not typed:
        raise MarginError(f"“{(text or '').strip()}” is not a margin: enter a number, like 5%")
    try:
        number = Decimal(typed["number"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise MarginError(f"“{text.strip()}” is not a margin: enter a number, like 5%") from None
    if absolute:
        if typed["percent"]:
            raise MarginError("Absolute margins are in the measure's unit: leave out the % sign")
        return _within(number, largest=Decimal("99.9999"), decimals=4, text=text)
    return _within(number, largest=HUNDRED, decimals=2, text=text) / HUNDRED


def _within(number: Decimal, *, largest: Decimal, decimals: int, text: str) -> Decimal:
    if number > largest:
        raise MarginError(f"“{text.strip()}” is not a margin: use a number from 0 to {largest.normalize():f}")
    if -number.as_tuple().exponent > decimals:
        raise MarginError(f"“{text.strip()}” has too many decimal places: use at most {decimals}")
    return number


def margin_as_text(margin: Decimal | None, *, absolute: bool = False) -> str:
    """How a kept margin is shown back: 0.02 → "2%"; an absolute 2 → "2"; none → ""."""
    if margin is None:
        return ""
    shown = margin if absolute else margin * HUNDRED
    text = f"{round_half_up(shown, 4).normalize():f}"
    return text if absolute else f"{text}%"
