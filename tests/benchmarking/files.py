"""Comparator files for the tests: the real Oflog and LGBF files, and small generic CSVs written on the spot."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings

SHARED = Path(settings.BASE_DIR).parent / "shared" / "data"
GENERIC_HEADINGS = ["measure code", "area code", "area name", "period", "value", "numerator", "denominator"]


def shared_file(*parts: str) -> tuple[str, bytes]:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"{path} is missing: the benchmarking tests need shared/ beside the clone")
    return path.name, path.read_bytes()


def generic_csv(*rows, headings=GENERIC_HEADINGS, name: str = "lg_inform.csv") -> tuple[str, bytes]:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(headings)
    writer.writerows(rows)
    return name, output.getvalue().encode()
