"""The demo's real series, read from files shaped like the shared Oflog and NHS A&E extracts (cut here, small)."""

import csv
from decimal import Decimal
from types import SimpleNamespace

from scorecard.demo.loader import LoadReport
from scorecard.demo.real_series import (
    Figure,
    ae_figures,
    ae_targets,
    ascof_catalogue,
    ascof_figures,
    four_hour_percentage,
    load_real_series,
    real_series,
    series_codes,
)
from scorecard.performance.periods import FinancialYear as Year
from scorecard.performance.periods import Quarter

OFLOG_HEADINGS = ["Financial year", "Local authority code", "Local authority name", "Measure", "Code", "Value"]
AE_HEADINGS = ["period", "org_code", "type", "attendances", "breaches", "admissions"]


def oflog_row(year, code, value, council="E06000015", measure="Outcome, Ease of finding information", rank="DESC"):
    return {
        "Financial year": year,
        "Local authority code": council,
        "Local authority name": "Derby",
        "Measure": measure,
        "Code": code,
        "Value": value,
        "rank_order": rank,
    }


def ae_row(month, attendances, breaches, trust="RTG", kind="1"):
    return {"period": month, "org_code": trust, "type": kind, "attendances": attendances, "breaches": breaches}


def test_a_quarters_four_hour_figure_is_from_the_sums_of_its_months():
    assert four_hour_percentage([(100, 5), (200, 15)]) == Decimal("93.333333")


def test_each_full_quarter_of_the_royal_derbys_type_1_departments_is_one_figure():
    rows = [
        ae_row("2017-01-01", "10806", "2386"),
        ae_row("2017-02-01", "9800", "1367"),
        ae_row("2017-03-01", "11780", "1773"),
        ae_row("2017-03-01", "4466", "0", kind="other"),
        ae_row("2017-03-01", "21289", "2879", trust="RF4"),
        ae_row("2017-04-01", "10000", "1000"),  # 2017/18 Q1 has one month only: left out
    ]
    (figure,) = ae_figures(rows)
    assert (figure.code, figure.quarter) == ("RTG A&E 4HR", Quarter.parse("2016/17 Q4"))
    assert figure.value == Decimal("82.937072")  # 100 x (1 - 5,526 / 32,386)


def test_derbys_adult_social_care_outcomes_are_ascof_measures_held_at_the_year_end():
    rows = [
        oflog_row("2016-17", "ASC3", "70.4"),
        oflog_row("2017-18", "ASC3", "63"),
        oflog_row("2017-18", "ASC3", "99", council="E06000005"),
        oflog_row("2017-18", "ASC7", "26.6564326", measure="Outcome, Workforce turnover rate", rank="None"),
    ]
    assert [(f.code, f.quarter.label, f.value) for f in ascof_figures(rows)] == [
        ("ASCOF ASC3", "2016/17 Q4", Decimal("70.4")),
        ("ASCOF ASC3", "2017/18 Q4", Decimal("63")),
        ("ASCOF ASC7", "2017/18 Q4", Decimal("26.6564326")),
    ]
    catalogue = {row[0]: row for row in ascof_catalogue(rows)}
    assert catalogue["ASCOF ASC3"][:7] == (
        "ASCOF ASC3",
        "Ease of finding information",
        "High",
        "%",
        1,
        "annual",
        "discrete period",
    )
    assert catalogue["ASCOF ASC7"][2] == "None"  # Oflog ranks no council better on turnover: context only


def write_csv(path, headings, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=headings, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_only_quarters_before_the_demos_present_are_loaded(tmp_path):
    write_csv(
        tmp_path / "oflog" / "adult_social_care.csv",
        [*OFLOG_HEADINGS, "rank_order"],
        [oflog_row("2017-18", "ASC3", "63"), oflog_row("2018-19", "ASC3", "58.7")],
    )
    months = [ae_row(f"2018-{month:02d}-01", "100", "10") for month in range(4, 13)]
    write_csv(tmp_path / "nhs-ae" / "ae_attendances.csv", AE_HEADINGS, months)
    series = real_series(tmp_path, before=Quarter.parse("2018/19 Q3"))
    assert sorted(q.label for q in series.quarters) == ["2017/18 Q4", "2018/19 Q1", "2018/19 Q2"]


def test_without_the_shared_files_there_is_nothing_to_load(tmp_path):
    assert real_series(tmp_path, before=Quarter.parse("2018/19 Q3")) is None


def test_a_demo_without_the_shared_files_says_what_it_left_out(tmp_path):
    loader = SimpleNamespace(data_dir=tmp_path, report=LoadReport())
    load_real_series(loader, before=Quarter.parse("2018/19 Q3"))
    assert loader.report.left_out == [f"the real series for SPC: {tmp_path} does not hold their files"]
    assert loader.report.changed_nothing


def test_the_four_hour_target_is_95_for_each_quarter_held_and_each_years_end():
    figures = [
        Figure("RTG A&E 4HR", Quarter.parse("2017/18 Q4"), Decimal("80")),
        Figure("RTG A&E 4HR", Quarter.parse("2018/19 Q1"), Decimal("85")),
        Figure("ASCOF ASC3", Quarter.parse("2017/18 Q4"), Decimal("63")),
    ]
    targets = ae_targets(figures)
    assert targets == {
        Year(2017): [("RTG A&E 4HR", 4, Decimal(95)), ("RTG A&E 4HR", "year end", Decimal(95))],
        Year(2018): [("RTG A&E 4HR", 1, Decimal(95)), ("RTG A&E 4HR", "year end", Decimal(95))],
    }


def test_the_series_codes_are_the_measures_the_demo_adds_beyond_the_seeds(tmp_path):
    assert series_codes(tmp_path) == set()
    write_csv(
        tmp_path / "oflog" / "adult_social_care.csv",
        [*OFLOG_HEADINGS, "rank_order"],
        [oflog_row("2017-18", "ASC3", "63")],
    )
    write_csv(tmp_path / "nhs-ae" / "ae_attendances.csv", AE_HEADINGS, [])
    assert series_codes(tmp_path) == {"ASCOF ASC3", "RTG A&E 4HR"}
