"""Finding measures the way people name them."""

from __future__ import annotations

from scorecard.measures.models import Measure


def normalised(code: str) -> str:
    """Codes match whatever their spacing or case: "EI 12" is "EI12", "CMPM11b" is "CM PM11b"."""
    return "".join(code.split()).upper()


def measure_with_code(codes: list[str]) -> Measure | None:
    """The measure known by any of these codes, as its current code or a former one."""
    wanted = {normalised(code) for code in codes}
    for measure in Measure.objects.filter(kind=Measure.Kind.MEASURE).prefetch_related("aliases"):
        known = {normalised(measure.code), *(normalised(alias.code) for alias in measure.aliases.all())}
        if known & wanted:
            return measure
    return None
