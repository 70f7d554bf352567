"""The PDF's layout holds against long input: commentary lays out in time in step with its length, and no word
pushes a column off the page."""

import io
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from scorecard.reports.outputs import dashboard_output, profile_output
from scorecard.reports.render.documents import PRINT_CSS, pdf_bytes, printable_html, render
from scorecard.returns.models import COMMENTARY_LENGTH
from tests import factories

SENTENCE = "The service has seen a rise in referrals following the change in eligibility criteria. "


def commentary(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length]


def profile_html(length: int) -> str:
    measure = factories.measure(f"LEN {length}")
    period = factories.period(2017, 2)
    text = commentary(length)
    factories.return_for(measure, period, 10, context=text, improvement_actions=text, intervention=text)
    factories.published(period)
    output = profile_output(measure, published_only=True)
    return printable_html(output.report, output.content, output.extra)


def seconds(html: str) -> float:
    started = time.perf_counter()
    pdf_bytes(html)
    return time.perf_counter() - started


@pytest.mark.django_db
def test_commentary_at_its_longest_lays_out_in_time_in_step_with_its_length():
    short, longest = profile_html(COMMENTARY_LENGTH // 4), profile_html(COMMENTARY_LENGTH)
    pdf_bytes("<p>WeasyPrint loads its fonts once.</p>")
    # Four times the text: in step, little more time, as a page's fixed cost is shared (measured 0.49 s and 0.58 s);
    # laid out as a grid it was squared (1.0 s and 4.3 s; 16,000 characters took 44 s).
    assert seconds(longest) < 2.5 * seconds(short)


def rightmost_edge(html: str) -> tuple[float, float]:
    page = HTML(string=html).render().pages[0]

    def boxes(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from boxes(child)

    return page.width, max(box.position_x + box.margin_width() for box in boxes(page._page_box))


def test_one_unbroken_99_character_word_stays_inside_its_column():
    word = "x" * 99
    headings = "".join(f"<th>Heading {number}</th>" for number in range(8))
    cells = "".join(f"<td>{word if number == 3 else 'A few words'}</td>" for number in range(8))
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
