"""atheris: any text in an import's cells, or given as a period, is read or refused with its own message.

Cells: a figure for each unit and precision, a progress word, a data flag and a target's quarter. Periods: the
financial year and quarter parsers. Rules: the text as a Decimal rated, and given a direction, against another.
"""

from decimal import Decimal, InvalidOperation

import atheris

from tests.fuzz.harness import fuzz, instrumented

with instrumented():
    from scorecard.council.models import FinancialYear
    from scorecard.imports.cells import CellProblem, figure, progress
    from scorecard.imports.returns import data_flag
    from scorecard.imports.targets import quarter_number
    from scorecard.measures.models import Measure, Unit
    from scorecard.performance import periods
    from scorecard.performance.direction import direction_of_travel
    from scorecard.performance.status import Polarity, rag_status

MEASURES = [Measure(unit=unit, decimals=decimals) for unit in Unit for decimals in (0, 1, 6)]
YEAR = FinancialYear(start_year=2017)


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text, other = provider.ConsumeUnicodeNoSurrogates(64), provider.ConsumeUnicodeNoSurrogates(64)
    cells(text)
    period(text)
    rules(text, other)


def cells(text: str) -> None:
    for measure in MEASURES:
        refused_in_words(CellProblem, figure, text, measure)
    for read in (progress, data_flag):
        refused_in_words(CellProblem, read, text)
    refused_in_words(CellProblem, quarter_number, text, YEAR)


def period(text: str) -> None:
    refused_in_words(periods.PeriodError, periods.FinancialYear.parse, text)
    refused_in_words(periods.PeriodError, periods.Quarter.parse, text)


def rules(text: str, other: str) -> None:
    try:
        actual, target = Decimal(text), Decimal(other)
    except InvalidOperation:
        return
    for polarity in Polarity:
        refused_in_words(ValueError, rag_status, actual, target, polarity)
        refused_in_words(ValueError, direction_of_travel, actual, target, polarity, decimals=1)


def refused_in_words(refusal: type[Exception], rule, *args, **kwargs) -> None:
    """The rule's answer, or its refusal with a message; any other exception stops the run."""
    try:
        rule(*args, **kwargs)
    except refusal as error:
        assert str(error)


if __name__ == "__main__":
    fuzz(one_input)
