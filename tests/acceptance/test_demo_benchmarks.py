"""The demo's benchmarking: Derby's AHH 02D beside its Oflog nearest neighbours, on its profile and dashboard."""

import pytest

from scorecard.benchmarking.models import Load, MeasureMapping
from scorecard.demo.loader import DemoLoader

pytestmark = pytest.mark.usefixtures("demo")


def test_the_oflog_extract_is_loaded_once_through_the_import_command(settings):
    assert Load.objects.filter(source="oflog").count() == 1
    assert DemoLoader(settings.DEMO_DIR).load().changed_nothing  # loading again changes nothing
    assert Load.objects.filter(source="oflog").count() == 1


def test_short_term_support_is_mapped_to_oflogs_sequel_to_service():
    mapping = MeasureMapping.objects.select_related("measure", "external").get(measure__code="AHH 02D")
    assert (mapping.external.code, mapping.match) == ("ASC5", "identical")


def test_the_profile_shows_derby_among_its_nearest_neighbours(client):
    mapping = MeasureMapping.objects.get(measure__code="AHH 02D")
    html = client.get(f"/measures/{mapping.measure_id}/").content.decode()
    # Oflog's 2022/23: Derby 60.7%, 12th of its sixteen (itself included); Dudley the best at 87.1%
    assert "Derby: 12th of 16 nearest neighbours (1 = best), third quartile, 2022/23" in html
    assert "Dudley" in html  # Oflog publishes its lists: the members are named


def test_the_dashboard_shows_the_years_benchmark(client):
    html = client.get("/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate").content.decode()
    assert "Benchmark (1 = best)" in html
    assert "Third quartile, 12th of 16" in html
