"""Our own drawings of the variation and assurance icons (issue 12 §4): small SVGs a page inlines beside the
words, each with role="img" and a <title>, its colour from the Making Data Count palette and its meaning in its
shape and letter too, so colour is never the only signal."""

from __future__ import annotations

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


def variation_drawing(variation: str) -> str:
    """The icon for a chart's latest point (METHOD.md §6): the run of points that made the signal, and H or L."""
    colour, points, letter = VARIATION_DRAWINGS[variation]
    # Each dot a zero-length stroke with a round cap: one short element for the whole run.
    run = "".join(f"M{x} {y}h0" for x, y in points)
    dots = f'<path d="{run}" stroke="{colour}" stroke-width="4.4" stroke-linecap="round"/>'
    return _ring(colour) + dots + _letter(letter, colour, top=letter == "L")  # in the corner the run leaves


def assurance_drawing(assurance: str) -> str:
    """The icon for whether the process can meet the target (METHOD.md §7)."""
    colour, letter, place = ASSURANCE_DRAWINGS[assurance]
    # The shaded band is the process (between its limits), the dashed line the target; the letter where it fits.
    band, letter_top = {"passes": ((7, 17), False), "fails": ((23, 33), True), "straddles": ((11, 29), True)}[place]
    drawn = _ring(colour) + (
        f'<rect x="9" y="{band[0]}" width="22" height="{band[1] - band[0]}" fill="{colour}" fill-opacity="0.3"/>'
        f'<line x1="5" y1="20" x2="35" y2="20" stroke="{INK}" stroke-width="2" stroke-dasharray="3 2"/>'
    )
    if place == "straddles":  # no room above or below: the question mark sits beside the band
        return drawn + _letter(letter, INK, top=True, x=33)
    return drawn + _letter(letter, colour, top=letter_top, x=20)


def icon(kind: str, code: str, words: str, *, inline: bool = False) -> str:
    """An icon (kind "variation" or "assurance") named by its words. On a page it draws the page's one copy of the
    drawing (symbols(), as a report may show a thousand icons); inline, for a PDF, it holds the drawing itself."""
    drawing = DRAWINGS[f"{kind}-{code}"] if inline else f'<use href="#scorecard-spc-{kind}-{code}"/>'
    return (
        f'<svg class="scorecard-spc-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" '
        f'width="{SIZE}" height="{SIZE}" role="img" focusable="false"><title>{escape(words)}</title>{drawing}</svg>'
    )


def symbols() -> str:
    """Every icon's drawing once, hidden, for the page's icons to draw (icon())."""
    drawn = "".join(
        f'<symbol id="scorecard-spc-{name}" viewBox="0 0 40 40">{d}</symbol>' for name, d in DRAWINGS.items()
    )
    return f'<svg class="scorecard-spc-symbols" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">{drawn}</svg>'


def _ring(colour: str) -> str:
    return f'<circle cx="20" cy="20" r="18" fill="white" stroke="{colour}" stroke-width="2.5"/>'


def _letter(letter: str, colour: str, *, top: bool, x: int = 27) -> str:
    if not letter:
        return ""
    y = 17 if top else 32
    return (
        f'<text x="{x}" y="{y}" text-anchor="middle" font-size="11" font-weight="bold" fill="{colour}">{letter}</text>'
    )


# Every icon's drawing, by kind and code, drawn once when the module loads.
DRAWINGS = {
    **{f"variation-{code}": variation_drawing(code) for code in VARIATION_DRAWINGS},
    **{f"assurance-{code}": assurance_drawing(code) for code in ASSURANCE_DRAWINGS},
}
