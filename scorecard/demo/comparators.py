"""The demo's benchmarking: Derby's adult social care outcomes beside its Oflog nearest neighbours.

The Oflog extract (cut to Derby's sixteen nearest neighbours, demo/comparators/) is loaded through the product's
own route, `manage.py import comparisons --source oflog --groups …`, and Derby's local measures that are the same
thing are mapped to Oflog's: the seeds' AHH 02D is Oflog's "Outcome of short-term services: sequel to service",
and a local "ASCOF <code>" measure, where the demo holds one, is that Oflog measure. Loading twice changes nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

from scorecard.accounts.models import User
from scorecard.benchmarking.models import Area, BenchmarkSettings, ComparatorGroup, ExternalMeasure, MeasureMapping
from scorecard.benchmarking.services import benchmark_settings_record, mapping_record
from scorecard.measures.models import Measure

DERBY = "E06000015"
VALUES = "oflog_adult_social_care_derby_neighbours.csv"
NEIGHBOURS = "nearest_neighbours_derby.json"
OFLOG_CODES = ("ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6", "ASC7")
SAME_THING = {"AHH 02D": "ASC5", **{f"ASCOF {code}": code for code in OFLOG_CODES}}  # local code → Oflog's


def load_comparators(folder: Path, *, by: User) -> None:
    call_command(
        "import", "comparisons", str(folder / VALUES), "--source", "oflog", "--groups", str(folder / NEIGHBOURS),
        "--user", by.username, stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    derby = Area.objects.get(code=DERBY)
    group = ComparatorGroup.objects.get(kind=ComparatorGroup.Kind.NEAREST_NEIGHBOURS, neighbours_of=derby)
    settings = BenchmarkSettings.load()
    if (settings.area_id, settings.default_group_id) != (derby.pk, group.pk):
        benchmark_settings_record(by=by, area=derby, default_group=group)
    map_same_things(by)


def map_same_things(by: User) -> None:
    """Each local measure the demo holds that is an Oflog measure, in the same unit, mapped as identical. A code
    the demo does not hold is passed over: the "ASCOF" measures come with the demo's SPC series."""
    oflog = {external.code: external for external in ExternalMeasure.objects.filter(source="oflog")}
    mapped = set(MeasureMapping.objects.values_list("measure__code", "external__code"))
    for measure in Measure.objects.filter(code__in=SAME_THING):
        external = oflog[SAME_THING[measure.code]]
        if (measure.code, external.code) not in mapped and measure.unit == external.unit:
            mapping_record(measure=measure, by=by, external=external)
