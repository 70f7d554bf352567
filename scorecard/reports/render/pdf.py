"""A report's HTML as a tagged PDF (PDF/UA-1): its structure, title and language there for a screen reader.

WeasyPrint tags the PDF from the HTML's elements; the HTML is checked first (accessible.py), so a PDF never claims
what it is not. Two things WeasyPrint leaves out are added: a chart's description as part of its alternative text
(WeasyPrint reads the drawing's <title> alone), and each table header cell's scope (WeasyPrint ties each data cell to
its headers, but some readers need the scope to announce a row's or a column's header).
"""

from __future__ import annotations

import pydyf
from django.conf import settings

from scorecard.reports.render.accessible import SVG, check_printable, pictures, words

VARIANT = "pdf/ua-1"


def pdf_bytes(html: str) -> bytes:
    """The PDF; its links are absolute (from SCORECARD_SITE_URL), as a PDF is read away from the site.

    NotAccessible if the HTML lacks what a tagged PDF promises (a title, a language, a chart's text alternative,
    table headers with their scope)."""
    from weasyprint import HTML  # imported when first needed: it is slow to load

    document = HTML(string=html, base_url=settings.SITE_URL)
    check_printable(document.etree_element)  # as WeasyPrint parsed it: what the PDF is made from
    describe_charts(document.etree_element)
    return document.write_pdf(pdf_variant=VARIANT, finisher=scope_headers)


def describe_charts(root) -> None:
    """A chart's alternative text in the PDF is its title and its description, as the page names it
    (aria-labelledby both): WeasyPrint takes the <title>, so the description joins it there."""
    for picture in pictures(root):
        title, description = picture.find(f"{SVG}title"), picture.find(f"{SVG}desc")
        if title is not None and description is not None:
            title.text = f"{words(title)}. {words(description)}"


def scope_headers(_document, pdf: pydyf.PDF) -> None:
    """Give each table header cell (TH) its scope: Column in the table's head, Row in its body, where the HTML
    check put each kind."""
    elements = {item.reference: item for item in pdf.objects if isinstance(item, pydyf.Dictionary)}
    for element in elements.values():
        if element.get("S") == "/TH":
            row = elements[element["P"]]
            in_head = elements[row["P"]].get("S") == "/THead"
            element["A"]["Scope"] = "/Column" if in_head else "/Row"
