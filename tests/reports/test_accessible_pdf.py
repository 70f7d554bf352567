"""A PDF is made only from HTML that holds what its PDF/UA claim promises; anything less is refused, by name."""

import pytest
import tinyhtml5

from scorecard.reports.outputs import Output, dashboard_output
from scorecard.reports.render.accessible import NotAccessible, accessibility_problems
from scorecard.reports.render.documents import printable_html, render
from scorecard.reports.render.pdf import pdf_bytes
from tests import factories

CHART = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Measures by year</title><rect/></svg>'
TABLE = (
    "<table><caption>Measures</caption>"
    '<thead><tr><th scope="col">Measure</th><th scope="col">Status</th></tr></thead>'
    '<tbody><tr><th scope="row">PM01 Apprenticeship starts</th><td>Amber</td></tr></tbody></table>'
)
BODY = f"<h1>Council Scorecard Dashboard</h1><h2>Summary</h2>{CHART}{TABLE}"


def page(body: str = BODY, *, head: str = "<title>Council Scorecard Dashboard</title>", lang: str = "en-GB") -> str:
    language = f' lang="{lang}"' if lang is not None else ""
    return f"<!DOCTYPE html><html{language}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def problems(html: str) -> list[str]:
    return accessibility_problems(tinyhtml5.parse(html, namespace_html_elements=False))


def test_a_titled_page_in_english_with_described_charts_and_scoped_headers_has_no_problems():
    assert problems(page()) == []


def test_a_page_without_a_title_is_a_problem():
    assert problems(page(head="")) == ["the document has no title (<title>)"]
    assert problems(page(head="<title>  </title>")) == ["the document has no title (<title>)"]


def test_a_page_without_a_language_is_a_problem():
    assert problems(page(lang=None)) == ['the document has no language (<html lang="en-GB">)']
    assert problems(page(lang="English")) == ['the document\'s language "English" is not a language tag such as en-GB']


def test_a_chart_without_a_title_is_a_problem():
    untitled = CHART.replace("<title>Measures by year</title>", "")
    assert problems(page(BODY.replace(CHART, untitled))) == [
        "a chart or drawing (<svg>) has no <title> to serve as its text alternative"
    ]


def test_an_image_without_alt_text_is_a_problem_and_one_with_it_is_not():
    assert problems(page(BODY + '<img src="/logo.png">')) == ["an image (/logo.png) has no alt text"]
    assert problems(page(BODY + '<img src="/logo.png" alt="Derby City Council">')) == []


def test_a_table_without_header_cells_is_a_problem():
    plain = "<table><caption>Figures</caption><tr><td>PM01</td><td>Amber</td></tr></table>"
    assert problems(page(BODY + plain)) == ['table "Figures" has no header cells (<th>)']


def test_a_header_cell_without_a_scope_is_a_problem():
    assert problems(page(BODY.replace('<th scope="col">Status</th>', "<th>Status</th>"))) == [
        'table "Measures": header "Status" has no scope (scope="col" in the table\'s head, scope="row" in its body)'
    ]


def test_a_column_header_in_the_body_is_a_problem_as_its_scope_could_not_be_told_in_the_pdf():
    headless = "<table><tr><th scope='col'>Measure</th></tr><tr><td>PM01</td></tr></table>"
    assert problems(page(BODY + headless)) == [
        'table 2: header "Measure" is a column header (scope="col") outside the table\'s head: '
        "column headers belong in <thead>"
    ]


def test_an_empty_heading_and_a_skipped_level_are_problems():
    assert problems(page(BODY + "<h2> </h2>")) == ["an <h2> heading is empty"]
    assert problems(page(BODY + "<h4>Notes</h4>")) == [
        'the heading "Notes" is an <h4> after an <h2>: a level is skipped'
    ]
    assert problems(page(BODY.replace("<h1>Council Scorecard Dashboard</h1>", ""))) == [
        'the heading "Summary" is an <h2> as the first heading: a level is skipped'
    ]


def test_a_pdf_is_refused_for_html_with_problems_naming_every_one():
    with pytest.raises(NotAccessible) as refusal:
        pdf_bytes(page(BODY.replace('<th scope="row">', "<th>"), head="", lang=None))
    assert refusal.value.problems == [
        'the document has no language (<html lang="en-GB">)',
        "the document has no title (<title>)",
        'table "Measures": header "PM01 Apprenticeship starts" has no scope '
        '(scope="col" in the table\'s head, scope="row" in its body)',
    ]
    assert str(refusal.value).startswith("The PDF was not made, as it would not be accessible: ")


def test_a_pdf_is_made_from_html_without_problems():
    assert pdf_bytes(page()).startswith(b"%PDF-1.7")


@pytest.fixture
def dashboard(db):
    period = factories.period(2017, 2)
    measure = factories.measure("CM PM15")
    factories.entry(measure, period.year)
    factories.return_for(measure, period, 10)
    factories.published(period)
    return dashboard_output(period)


def test_a_report_template_that_leaves_out_header_scopes_gets_no_pdf(dashboard, settings, tmp_path):
    (tmp_path / "broken.html").write_text(
        "<h2>Measures</h2><table><thead><tr><th>Measure</th></tr></thead>"
        "<tbody>{% for group in report.groups %}{% for row in group.rows %}<tr><td>{{ row.code }}</td></tr>"
        "{% endfor %}{% endfor %}</tbody></table>"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    broken = Output(dashboard.report, "broken.html")
    assert "CM PM15" in printable_html(broken.report, broken.content)
    with pytest.raises(NotAccessible, match='header "Measure" has no scope'):
        render(broken, "pdf")
