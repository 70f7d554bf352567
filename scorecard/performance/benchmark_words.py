"""A benchmark in words, the same on every page, PDF, Word and spreadsheet: "7th of 16 nearest neighbours
(1 = best), second quartile, 2021/22". Rank 1 is the best; quartile 1 is the top quartile."""

from __future__ import annotations

QUARTILES = {1: "top quartile", 2: "second quartile", 3: "third quartile", 4: "bottom quartile"}
SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
NO_QUARTILE = "no quartile (fewer than 8 with figures)"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{SUFFIXES.get(number % 10, 'th')}"


def quartile_words(quartile: int | None) -> str:
    return QUARTILES[quartile] if quartile else NO_QUARTILE


def rank_words(rank: int | None, ranked: int, group: str) -> str:
    """ "7th of 16 nearest neighbours (1 = best)"; without a figure of the council's own, how many have one."""
    if rank is None:
        return f"not ranked: no figure of our own ({ranked} of the {group} have one)"
    return f"{ordinal(rank)} of {ranked} {group} (1 = best)"


def standing(rank: int | None, ranked: int, quartile: int | None, group: str, period: str) -> str:
    """The sentence a councillor reads: "7th of 16 nearest neighbours (1 = best), second quartile, 2021/22"."""
    if rank is None:
        return f"{rank_words(rank, ranked, group)}, {period}"
    return f"{rank_words(rank, ranked, group)}, {quartile_words(quartile)}, {period}"


def cell_words(rank: int | None, ranked: int, quartile: int | None, *, period: str = "") -> str:
    """A report's Benchmark cell: "Second quartile, 7th of 16", with the benchmark's own year where it is not the
    report's ("Second quartile, 7th of 16 (2017/18)")."""
    if rank is None:
        words = "Not ranked"
    elif quartile is None:
        words = f"{ordinal(rank)} of {ranked}"
    else:
        words = f"{quartile_words(quartile).capitalize()}, {ordinal(rank)} of {ranked}"
    return f"{words} ({period})" if period else words
