"""A measure's profile beside its comparators: in words, two charts and their tables, on the page, in Word and in
the PDF; a group whose membership may not be published is counted, never listed, for readers and the public."""

import re
from io import BytesIO

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from scorecard.benchmarking.models import ComparisonValue
from tests import factories
from tests.reports.benchmarked import DERBY, against_neighbours

pytestmark = pytest.mark.django_db


@pytest.fixture
def short_term_support():
    measure = factories.measure("AHH 02D", title="Short-term support with no further services", unit="percent")
    _, group = against_neighbours(measure)
    derby = factories.area(DERBY)
    ComparisonValue.objects.create(measure=measure.benchmark_mapping.external, area=derby, period="2017/18", value=68.2)
    return measure, group


def profile(client, measure, format: str = ""):
    return client.get(f"/measures/{measure.pk}/" + (f"?format={format}" if format else ""))


def test_the_profile_says_where_the_council_stands_in_words(client, short_term_support):
    html = profile(client, short_term_support[0]).content.decode()
    assert "Against comparator councils" in html
    assert "Derby: 12th of 16 nearest neighbours (1 = best), third quartile, 2018/19" in html
    assert "ASC5 Outcome of short-term services: sequel to service (Oflog data explorer)" in html
    assert "Group median, 2018/19" in html and "78.1%" in html  # the source's one decimal, as Oflog prints it


def test_the_profile_draws_the_comparators_and_the_years_as_named_images(client, short_term_support):
    html = profile(client, short_term_support[0]).content.decode()
    named = re.findall(r'<svg [^>]*role="img" aria-labelledby="[^"]+"><title id="[^"]+">([^<]+)</title>', html)
    assert "Derby among its comparators, 2018/19" in named
    assert "Derby against its comparators over time" in named


def test_the_tables_hold_every_comparator_and_year(client, short_term_support):
    html = profile(client, short_term_support[0]).content.decode()
    assert "Council E08000000" in html  # 88.0%: the best
    assert "Derby (us)" in html
    assert "2017/18" in html and "68.2%" in html  # Derby's earlier year, alone in the group that year


def test_a_membership_that_may_not_be_published_is_counted_not_listed(client):
    measure = factories.measure("AHH 02D", title="Short-term support", unit="percent")
    against_neighbours(measure, publishable=False)
    html = profile(client, measure).content.decode()
    assert "Derby&#x27;s nearest neighbours: 16 councils, Derby included; its membership is not published" in html
    assert "Council E08000000" not in html
    assert "A comparator council" in html
    client.force_login(factories.person("performance", "performance_team"))
    assert "Council E08000000" in profile(client, measure).content.decode()


def test_a_measure_without_a_mapping_has_no_benchmark_section(client):
    measure = factories.measure("CM PM15")
    assert "Against comparator councils" not in profile(client, measure).content.decode()


def test_the_word_profile_carries_the_charts_with_their_alt_text_and_tables(client, short_term_support):
    document = WordDocument(BytesIO(profile(client, short_term_support[0], "docx").content))
    described = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert any(words.startswith("Derby: 12th of 16 nearest neighbours") for words in described)
    assert any("median and middle half" in words for words in described)
    headings = [table.rows[0].cells[0].text for table in document.tables]
    assert "Where we stand" in headings and "Rank (1 = best)" in headings


def test_the_pdf_profile_carries_the_benchmark(client, short_term_support):
    pdf = PdfReader(BytesIO(profile(client, short_term_support[0], "pdf").content))
    words = " ".join(page.extract_text() for page in pdf.pages)
    assert "Against comparator councils" in words
    assert "third quartile" in words
