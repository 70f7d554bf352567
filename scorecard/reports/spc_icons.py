"""Our own drawings of the variation and assurance icons (issue 12 §4): small SVGs a page inlines beside the
words, each with role="img" and a <title>, its colour from the Making Data Count palette and its meaning in its
shape and letter too, so colour is never the only signal."""

from __future__ import annotations

import functools
from html import escape

# Making Data Count's palette: improvement blue, concern orange, common cause grey, neutral purple.
IMPROVEMENT, CONCERN, COMMON, NEUTRAL = "#1d70b8", "#b35900", "#505a5f", "#6f3096"
INK = "#0b0c0c"
SIZE = 44

# Seven points on a 40 by 40 square: level, climbing or falling, drawn as the run of points that made the signal.
LEVEL = [(9, 22), (13, 24), (17, 21), (21, 23), (25, 22), (29, 24), (33, 21)]
RISING = [(9, 30), (13, 28), (17, 25), (21, 23), (25, 20), (29, 17), (33, 13)]
FALLING = [(x, 43 - y) for x, y in RISING]

VARIATION_DRAWINGS = {  # colour, points, letter (High or Low, the side the special cause is on)
    "common_cause": (COMMON, LEVEL, ""),
    "improvement_high": (IMPROVEMENT, RISING, "H"),
    "improvement_low": (IMPROVEMENT, FALLING, "L"),
    "concern_high": (CONCERN, RISING, "H"),
    "concern_low": (CONCERN, FALLING, "L"),
    "neutral_high": (NEUTRAL, RISING, "H"),
    "neutral_low": (NEUTRAL, FALLING, "L"),
}
ASSURANCE_DRAWINGS = {  # colour, letter, where the process sits against the target line (dashed)
    "consistent_pass": (IMPROVEMENT, "P", "passes"),
    "consistent_fail": (CONCERN, "F", "fails"),
    "inconsistent": (COMMON, "?", "straddles"),
}


@functools.cache  # a handful of icons, drawn on every row of a report
def variation_icon(variation: str, words: str) -> str:
    """The icon for a chart's latest point (METHOD.md §6), named by its words."""
    colour, points, letter = VARIATION_DRAWINGS[variation]
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="2.2" fill="{colour}"/>' for x, y in points)
    return _icon(words, colour, dots + _letter(letter, colour, top=letter == "L"))  # in the corner the run leaves


@functools.cache
def assurance_icon(assurance: str, words: str) -> str:
    """The icon for whether the process can meet the target (METHOD.md §7), named by its words."""
    colour, letter, place = ASSURANCE_DRAWINGS[assurance]
    # The shaded band is the process (between its limits), the dashed line the target; the letter where it fits.
    band, letter_top = {"passes": ((7, 17), False), "fails": ((23, 33), True), "straddles": ((11, 29), True)}[place]
    drawn = (
        f'<rect x="9" y="{band[0]}" width="22" height="{band[1] - band[0]}" fill="{colour}" fill-opacity="0.3"/>'
        f'<line x1="5" y1="20" x2="35" y2="20" stroke="{INK}" stroke-width="2" stroke-dasharray="3 2"/>'
    )
    if place == "straddles":  # no room above or below: the question mark sits beside the band
        return _icon(words, colour, drawn + _letter(letter, INK, top=True, x=33))
    return _icon(words, colour, drawn + _letter(letter, colour, top=letter_top, x=20))


def _letter(letter: str, colour: str, *, top: bool, x: int = 27) -> str:
    if not letter:
        return ""
    y = 17 if top else 32
    return (
        f'<text x="{x}" y="{y}" text-anchor="middle" font-size="11" font-weight="bold" fill="{colour}">{letter}</text>'
    )


def _icon(words: str, colour: str, drawing: str) -> str:
    return (
        f'<svg class="scorecard-spc-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" '
        f'width="{SIZE}" height="{SIZE}" role="img" focusable="false"><title>{escape(words)}</title>'
        f'<circle cx="20" cy="20" r="18" fill="white" stroke="{colour}" stroke-width="2.5"/>{drawing}</svg>'
    )
