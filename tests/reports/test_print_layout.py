"""The PDF's layout holds against long input: no grid to lay out again on every page, and no word pushes a
column off the page."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from scorecard.reports.outputs import dashboard_output
from scorecard.reports.render.documents import PRINT_CSS, render
from tests import factories


def test_the_print_stylesheet_lays_nothing_out_as_a_css_grid():
    # WeasyPrint lays a grid out again for every page it spans: the profile's commentary in one took time squared
    # in its length (16,000 characters, 44 s). Timings are a benchmark's: bench/hostile.py, bench/RESULTS.md.
    assert not re.search(r"display\s*:\s*(inline-)?grid", Path(PRINT_CSS).read_text())


def rightmost_edge(html: str) -> tuple[float, float]:
    page = HTML(string=html).render().pages[0]

    def boxes(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from boxes(child)

    return page.width, max(box.position_x + box.margin_width() for box in boxes(page._page_box))


def test_one_unbroken_99_character_word_of_commentary_stays_inside_its_column():
    word = "x" * 99
    headings = "".join(f"<th>Heading {number}</th>" for number in range(8))
    cells = "".join(
        f'<td class="scorecard-table__commentary">{word}</td>' if number == 3 else "<td>A few words</td>"
        for number in range(8)
    )
    html = (
        f"<html><head><style>{Path(PRINT_CSS).read_text()}</style></head><body><table><thead><tr>{headings}"
        f"</tr></thead><tbody><tr>{cells}</tr></tbody></table></body></html>"
    )
    width, right = rightmost_edge(html)
    assert right <= width


@pytest.mark.django_db
def test_links_inside_the_pdf_are_absolute(settings):
    settings.SITE_URL = "https://scorecard.example.gov.uk"
    period = factories.period(2017, 2)
    measure = factories.measure("CM PM15")
    factories.entry(measure, period.year)
    factories.return_for(measure, period, 10)
    factories.published(period)
    output = dashboard_output(period)
    reader = PdfReader(io.BytesIO(render(output, "pdf").content))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert links == [f"https://scorecard.example.gov.uk/measures/{measure.pk}/"]
