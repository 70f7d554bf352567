"""Finding a row's measure by its code among the year's scorecard, as people write codes."""

from __future__ import annotations

from functools import cached_property

from scorecard.council.models import FinancialYear
from scorecard.imports.cells import CellProblem, shown
from scorecard.measures.models import Measure
from scorecard.measures.selectors import AMBIGUOUS, CodeIndex


class ScorecardCodes:
    """The year's measures and actions under every code they go by, read once per import."""

    def __init__(self, year: FinancialYear):
        self.year = year
        self.index = CodeIndex.of_year(year)

    def measure(self, code: str) -> Measure:
        """The measure with this code in the year's scorecard; CellProblem says why there is none."""
        if not code:
            raise CellProblem("Give the measure's code, as in the template (for example CM PM15)")
        found = self.index.find(code)
        if found is AMBIGUOUS:
            raise CellProblem(
                f"{shown(code)} is the code of more than one measure in {self.year}: use its current code"
            )
        if found is not None:
            return found
        if self.everything.find(code) not in (None, AMBIGUOUS):
            raise CellProblem(f"{shown(code)} is not in the {self.year} scorecard")
        raise CellProblem(f"No measure has the code {shown(code)}")

    @cached_property
    def everything(self) -> CodeIndex:
        """Every measure's codes, read once, the first time a code is not in the year's scorecard: reading them
        for each such row made a file of 20,000 unknown codes take minutes."""
        return CodeIndex.of_everything()
