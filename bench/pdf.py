"""The improvement report's PDF as the page's download makes it, against WeasyPrint alone on the same HTML."""

from __future__ import annotations

from bench.pages import PAGES, latest_year, signed_in_client
from bench.results import Results, measures, milliseconds
from bench.timing import medians
from scorecard.council.models import Period
from scorecard.reports.outputs import improvement_output
from scorecard.reports.render.documents import printable_html
from scorecard.reports.render.pdf import pdf_bytes

REPEATS = {100: 3}  # measures → rounds; one elsewhere, as a big report's PDF takes a minute or more


def bench_pdf(count: int, results: Results) -> None:
    year = latest_year()
    client = signed_in_client()
    url = PAGES["Improvement report"].format(year=year.label) + "&format=pdf"
    period = Period.objects.select_related("year").get(year=year, quarter=4)
    output = improvement_output(period)
    html = printable_html(output.report, output.content, output.extra)
    load_fonts()
    works = {"whole": lambda: pdf_download(client, url), "alone": lambda: pdf_bytes(html)}
    times = medians(works, repeats=REPEATS.get(count, 1), warm_up=False)
    ratio = times["whole"] / times["alone"]
    scale = measures(count)
    results.add("Improvement report PDF: server time", scale, milliseconds(times["whole"]))
    results.add("Same HTML, WeasyPrint alone", scale, milliseconds(times["alone"]))
    results.add("PDF overhead (download ÷ WeasyPrint alone)", scale, f"{ratio:.2f}×", key=("pdf", count), value=ratio)


def load_fonts() -> None:
    """WeasyPrint loads its fonts with its first PDF, which is not what is timed (a titled, tagged page)."""
    pdf_bytes('<html lang="en-GB"><title>Fonts</title><p>WeasyPrint loads its fonts once.</p></html>')


def pdf_download(client, url: str) -> bytes:
    response = client.get(url)
    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
        raise RuntimeError(f"{url} answered {response.status_code} without a PDF")
    return response.content
