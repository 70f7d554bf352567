"""Benchmarking, in a real browser: the performance team loads a generic CSV (a bad one first), says which area is
the council, makes a group of its own and maps a measure. Every page, and each page showing errors, is checked
with axe-core for WCAG 2.2 AA."""

import os
import re

import pytest
from playwright.sync_api import expect

from scorecard.benchmarking.models import ComparisonValue, MeasureMapping
from tests import factories
from tests.benchmarking.files import generic_csv
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("SCORECARD_SCREENSHOTS")  # a folder to keep each page's picture in, when set


def checked(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)
    assert accessibility_problems(page) == []


def upload(page, tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.get_by_label("Values file (CSV)").set_input_files(str(path))


def test_the_team_loads_comparators_makes_a_group_and_maps_a_measure(visitor, tmp_path):
    factories.person("performance", "performance_team")
    factories.measure("AHH 02D", title="Short-term support with no further services", unit="percent")
    headings = ["measure code", "area code", "area name", "period", "value", "measure title", "unit"]
    rows = [
        ("ASC5", f"E06{n:06d}", f"Council {n}", "2021/22", str(60 + n), "Short-term services", "%")
        for n in range(1, 10)
    ]
    team = visitor()
    sign_in(team, "performance")
    team.goto("/set-up/")
    team.get_by_role("link", name="Benchmarking").click()
    checked(team, "benchmarking")
    team.get_by_role("link", name="Load comparator data").click()
    checked(team, "load")

    team.get_by_label("Generic long CSV").check()
    upload(
        team,
        tmp_path,
        "bad.csv",
        generic_csv(*rows, ("ASC5", "E06000001", "Council 1", "2021/22", "lots", "", ""), headings=headings)[1],
    )
    team.get_by_role("button", name="Check the file").click()
    expect(team).to_have_title(re.compile("^Error: "))
    expect(team.locator("main")).to_contain_text("Row 11, value: “lots” is not a number")
    checked(team, "load-errors")

    team.get_by_label("Generic long CSV").check()
    upload(team, tmp_path, "good.csv", generic_csv(*rows, headings=headings)[1])
    team.get_by_role("button", name="Check the file").click()
    expect(team.locator("main")).to_contain_text("9 rows: 9 new, 0 changed, 0 unchanged, 0 in error.")
    checked(team, "load-checked")
    team.get_by_role("button", name="Load the file").click()
    expect(team.locator("main")).to_contain_text("Loaded good.csv: 9 new and 0 changed values")
    assert ComparisonValue.objects.count() == 9

    team.get_by_role("link", name="Comparator groups").click()
    team.get_by_label("Name").fill("Our neighbours")
    team.get_by_label("Councils, by ONS code").fill("E06000001\nE06000002\nE06999999")
    team.get_by_label("No", exact=True).check()
    team.get_by_role("button", name="Make the group").click()
    expect(team.locator(".govuk-error-summary")).to_contain_text("No area held has the code “E06999999”")
    checked(team, "groups-errors")
    team.get_by_label("Councils, by ONS code").fill("\n".join(f"E06{n:06d}" for n in range(1, 10)))
    team.get_by_role("button", name="Make the group").click()
    expect(team.locator("main")).to_contain_text("Made the group Our neighbours, of 9 councils")
    checked(team, "groups")
    team.get_by_role("link", name="Our neighbours").click()
    checked(team, "group")

    team.goto("/benchmarking/")
    team.get_by_label("The council's own area code").fill("E06000005")
    team.get_by_label("Compare measures with").select_option(label="Our neighbours")
    team.get_by_role("button", name="Save").click()
    expect(team.locator("main")).to_contain_text("Saved: the council's area")

    team.get_by_role("link", name="Mappings").click()
    team.get_by_label("Our measure").select_option(label="AHH 02D Short-term support with no further services")
    team.get_by_label("External measure").select_option(label="ASC5 Short-term services")
    team.get_by_label("Proxy (a related measure standing in)").check()
    team.get_by_role("button", name="Save the mapping").click()
    expect(team.locator(".govuk-error-summary")).to_contain_text("Say how the proxy differs from the measure")
    checked(team, "mappings-errors")
    team.get_by_label("Identical (same definition)").check()
    team.get_by_role("button", name="Save the mapping").click()
    expect(team.locator("main")).to_contain_text("is benchmarked against ASC5")
    checked(team, "mappings")
    assert MeasureMapping.objects.get().external.code == "ASC5"
    team.get_by_role("link", name="Benchmarking").first.click()
    team.get_by_role("link", name="External measures").click()
    checked(team, "measures")
