"""atheris: any bytes uploaded as a returns or targets file, CSV or .xlsx, are read or refused with an ImportProblem."""

from tests.fuzz.harness import fuzz, instrumented

with instrumented():
    from scorecard.imports import ImportProblem
    from scorecard.imports.returns import read_returns_file
    from scorecard.imports.targets import read_targets_file
    from tests.imports.conftest import csv_upload, xlsx_upload

NAMES = ("returns.csv", "returns.xlsx")
HEADINGS = ["code", "period", "actual", "forecast", "context", "quarter", "target"]
ROWS = [
    ["CM PM15", "2017/18 Q2", 44745, "125,000", "Up 16.1%", "Q2", "=SUM(A1)"],
    ["CP A1", "", "On track", "", "", 4, ""],
]
SEEDS = dict([csv_upload("seed", HEADINGS, ROWS), xlsx_upload("seed", HEADINGS, ROWS)])


def one_input(content: bytes) -> None:
    for name in NAMES:
        for read in (read_returns_file, read_targets_file):
            try:
                read(name, content)
            except ImportProblem as problem:
                assert str(problem)


if __name__ == "__main__":
    fuzz(one_input, SEEDS)
