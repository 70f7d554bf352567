"""docs/benchmarking.md's second example, step by step: a Scottish council (Stirling) loads the LGBF's values
with its family groups, says which council it is and which family it compares itself with, maps one of its own
measures to an LGBF indicator, and reads its place in its family group on its reports."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from scorecard.benchmarking.models import Area, ComparatorGroup, ExternalMeasure
from scorecard.benchmarking.services import benchmark_settings_record, mapping_record
from scorecard.reports.benchmarks import report_benchmarks
from tests import factories

pytestmark = pytest.mark.django_db

LGBF = Path("/work/shared/data/lgbf")
INDICATOR = "SW03a"  # % of people 65+ with long-term care needs receiving personal care at home; high is good


@pytest.fixture
def lgbf_values(tmp_path) -> Path:
    """The shared values file cut, at run time, to the one indicator the walk-through maps."""
    cut = tmp_path / "lgbf_values.csv"
    with (LGBF / "lgbf_values.csv").open(encoding="utf-8-sig", newline="") as source:
        rows = csv.reader(source)
        heading = next(rows)
        kept = [row for row in rows if row[1] == INDICATOR]
    with cut.open("w", encoding="utf-8", newline="") as written:
        csv.writer(written).writerows([heading, *kept])
    return cut


@pytest.mark.skipif(not LGBF.exists(), reason="the shared LGBF files are not on this machine")
def test_stirling_reads_its_place_in_its_family_group(lgbf_values):
    priya = factories.person("priya", "performance_team")
    call_command(
        "import", "comparisons", str(lgbf_values), "--source", "lgbf",
        "--groups", str(LGBF / "lgbf_indicators.csv"), "--user", "priya",
    )  # fmt: skip
    stirling = Area.objects.get(name="Stirling")
    family = ComparatorGroup.objects.get(kind=ComparatorGroup.Kind.FAMILY_GROUP, members=stirling)
    benchmark_settings_record(by=priya, area=stirling, default_group=family)
    own = factories.measure("SW 3", title="Older people receiving personal care at home", unit="percent")
    mapping_record(measure=own, by=priya, external=ExternalMeasure.objects.get(source="lgbf", code=INDICATOR))

    found = report_benchmarks([own.pk], "2022/23")[own.pk]
    assert found.group == "LGBF deprivation family 2"
    assert found.words == "1st of 8 councils in its family group (1 = best), top quartile, 2022/23"
    assert (found.found.benchmark.value, found.median) == (Decimal("68.852459"), Decimal("59.827220"))
