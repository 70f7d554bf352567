"""Finding a row's measure by its code among the year's scorecard, as people write codes."""

from __future__ import annotations

from scorecard.council.models import FinancialYear
from scorecard.imports.cells import CellProblem, shown
from scorecard.measures.models import Measure, ScorecardEntry
from scorecard.measures.selectors import measure_with_code, normalised

AMBIGUOUS = object()


class ScorecardCodes:
    """The year's measures and actions under every code they go by: this year's, current, former, NI number.

    Read once per import, so a file of thousands of rows does not look each code up in the database.
    """

    def __init__(self, year: FinancialYear):
        self.year = year
        self.measures: dict[str, Measure | object] = {}
        entries = (
            ScorecardEntry.objects.filter(year=year).select_related("measure").prefetch_related("measure__aliases")
        )
        for entry in entries:
            measure = entry.measure
            for code in {entry.code, measure.code, *(alias.code for alias in measure.aliases.all())}:
                self.add(code, measure)

    def add(self, code: str, measure: Measure) -> None:
        if not code.strip():
            return
        key = normalised(code)
        known = self.measures.get(key)
        self.measures[key] = measure if known in (None, measure) else AMBIGUOUS

    def measure(self, code: str) -> Measure:
        """The measure with this code in the year's scorecard; CellProblem says why there is none."""
        if not code:
            raise CellProblem("Give the measure's code, as in the template (for example CM PM15)")
        found = self.measures.get(normalised(code))
        if found is AMBIGUOUS:
            raise CellProblem(
                f"{shown(code)} is the code of more than one measure in {self.year}: use its current code"
            )
        if found is not None:
            return found
        if measure_with_code([code]):
            raise CellProblem(f"{shown(code)} is not in the {self.year} scorecard")
        raise CellProblem(f"No measure has the code {shown(code)}")
