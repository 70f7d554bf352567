"""Finding measures the way people name them."""

from __future__ import annotations

from collections.abc import Iterable

from scorecard.council.models import FinancialYear, OrganisationSettings
from scorecard.measures.models import Measure, ScorecardEntry

AMBIGUOUS = object()  # a code more than one measure goes by


def normalised(code: str) -> str:
    """Codes match whatever their spacing or case: "EI 12" is "EI12", "CMPM11b" is "CM PM11b"."""
    return "".join(code.split()).upper()


class CodeIndex:
    """Measures and actions under every code they go by: current, former, NI number, and a year's own.

    Read once, so a file of thousands of rows does not look each code up in the database.
    """

    def __init__(self, named: Iterable[tuple[Measure, Iterable[str]]]):
        self.measures: dict[str, Measure | object] = {}
        for measure, codes in named:
            for code in codes:
                self.add(code, measure)

    @classmethod
    def of_year(cls, year: FinancialYear) -> CodeIndex:
        """The year's scorecard, under the codes it printed that year too."""
        entries = ScorecardEntry.objects.filter(year=year).select_related("measure")
        entries = entries.prefetch_related("measure__aliases")
        return cls((entry.measure, [entry.code, *codes_of(entry.measure)]) for entry in entries)

    @classmethod
    def of_everything(cls) -> CodeIndex:
        return cls((measure, codes_of(measure)) for measure in Measure.objects.prefetch_related("aliases"))

    def add(self, code: str, measure: Measure) -> None:
        if not code.strip():
            return
        key = normalised(code)
        known = self.measures.get(key)
        self.measures[key] = measure if known in (None, measure) else AMBIGUOUS

    def find(self, code: str) -> Measure | object | None:
        """The measure going by this code, AMBIGUOUS when several do, or None."""
        return self.measures.get(normalised(code))


def codes_of(measure: Measure) -> list[str]:
    return [measure.code, *(alias.code for alias in measure.aliases.all())]


def measure_with_code(codes: list[str]) -> Measure | None:
    """The one measure known by any of these codes, as its current code or a former one."""
    index = CodeIndex.of_everything()
    found = {index.find(code) for code in codes} - {None}
    return found.pop() if len(found) == 1 and AMBIGUOUS not in found else None


def has_blue_band() -> bool:
    """Whether anything can show Blue: the council's bands, a measure's own, or a year's Completed shown Blue."""
    return (
        OrganisationSettings.load().blue_margin is not None
        or Measure.objects.filter(own_tolerances=True, blue_margin__isnull=False).exists()
        or FinancialYear.objects.filter(completed_status="blue").exists()
    )


def year_is_public(year: FinancialYear) -> bool:
    """A year's scorecard and targets are public once one of its quarters is published."""
    return year.periods.filter(published_at__isnull=False).exists()


def public_amendments(amendments):
    """Target amendments readers and the public see: approved ones, to targets of years with a published quarter."""
    published_years = FinancialYear.objects.filter(periods__published_at__isnull=False)
    return amendments.exclude(approved_by="").filter(approved_on__isnull=False, target__year__in=published_years)
