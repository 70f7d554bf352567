"""Margins as a performance team types them, and as they are shown back."""

from decimal import Decimal

import pytest

from scorecard.performance.margins import MarginError, margin_as_text, margin_from_text


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("2%", "0.02"), ("2", "0.02"), (" 10 % ", "0.1"), ("0.5%", "0.005"), ("0", "0"), ("100%", "1")],
)
def test_a_relative_margin_is_kept_as_a_fraction(typed, kept):
    assert margin_from_text(typed) == Decimal(kept)


def test_an_absolute_margin_is_kept_as_typed():
    assert margin_from_text("2.5", absolute=True) == Decimal("2.5")


@pytest.mark.parametrize(
    ("typed", "absolute", "message"),
    [
        ("ten", False, "“ten” is not a margin: enter a number, like 5%"),
        ("", False, "is not a margin"),
        ("-5%", False, "is not a margin"),
        ("150%", False, "use a number from 0 to 100"),
        ("2.125%", False, "too many decimal places"),
        ("5%", True, "leave out the % sign"),
    ],
)
def test_what_is_not_a_margin_says_why(typed, absolute, message):
    with pytest.raises(MarginError, match=message):
        margin_from_text(typed, absolute=absolute)


@pytest.mark.parametrize(
    ("kept", "absolute", "shown"),
    [
        (Decimal("0.0200"), False, "2%"),
        (Decimal("0.1"), False, "10%"),
        (Decimal("2.5"), True, "2.5"),
        (None, False, ""),
    ],
)
def test_a_kept_margin_is_shown_back_as_typed(kept, absolute, shown):
    assert margin_as_text(kept, absolute=absolute) == shown
