"""A measure's own unit label is printed with its figures on every report, in every format, and on its return page."""

import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from scorecard.council.models import Directorate, Pledge, Priority
from scorecard.measures.models import Unit
from scorecard.reports.figures import figure
from scorecard.returns.forms import unit_hint
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reduction():
    """A "% reduction" measure that may fall below zero, behind target in 2018/19 Q2 and at the year end."""
    q2, q4 = factories.period(2018, 2), factories.period(2018, 4)
    measure = factories.measure(
        "WS PM08",
        title="Reduction in missed bins",
        unit=Unit.PERCENT,
        decimals=1,
        minimum=-100,
        unit_label="% reduction",
    )
    priority = Priority.objects.create(pledge=Pledge.objects.create(name="A clean city"), name="Less waste")
    place = Directorate.objects.get_or_create(name="Place")[0]
    factories.entry(measure, q2.year, directorate=place, priority=priority)
    factories.target(measure, q2, 10)
    factories.target(measure, q4, 10)
    factories.target(measure, None, 10, year_of=q2.year)
    factories.return_for(measure, q2, "-12.5", forecast="-5")
    factories.return_for(measure, q4, "-2")
    factories.published(q2, q4)
    return measure


@pytest.mark.parametrize(
    ("label", "printed"),
    [
        ("% reduction", "-12.5% reduction"),
        ("per 100,000 collections", "-12.5 per 100,000 collections"),
        ("£ per resident", "£-12.5 per resident"),
    ],
)
def test_a_figure_is_printed_with_the_measures_own_label(label, printed):
    assert figure(Decimal("-12.5"), Unit.PERCENT, 1, label=label).text == printed


def test_without_a_label_a_figure_is_printed_by_its_unit():
    assert figure(Decimal("12.5"), Unit.RATE_PER_100000, 1).text == "12.5 per 100,000"


def test_every_report_page_prints_the_label(client, reduction):
    pages = [
        "/reports/improvement/?year=2018/19&quarter=2",
        "/reports/dashboard/?year=2018/19&quarter=2&group_by=directorate",
        "/reports/annual/?year=2018/19",
        f"/measures/{reduction.pk}/",
    ]
    for page in pages:
        assert "% reduction" in client.get(page).content.decode(), page


def test_the_csv_and_excel_downloads_print_the_label(client, reduction):
    page = "/reports/improvement/?year=2018/19&quarter=2"
    assert "WS PM08 Reduction in missed bins (% reduction)" in client.get(page + "&format=csv").content.decode()
    sheet = load_workbook(io.BytesIO(client.get(page + "&format=xlsx").content)).active
    formats = {cell.number_format for row in sheet.iter_rows() for cell in row if cell.value == -12.5}
    assert formats and all('"% reduction"' in shown for shown in formats)


def test_the_return_page_hints_the_label_and_the_range(client, reduction):
    assert unit_hint(reduction) == "As % reduction, −100 to 100, in up to 1 decimal place."


def test_the_word_download_prints_the_label(client, reduction):
    document = Document(io.BytesIO(client.get("/reports/improvement/?year=2018/19&quarter=2&format=docx").content))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "-12.5% reduction" in cells
