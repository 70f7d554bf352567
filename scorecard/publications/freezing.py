"""Laying out a published quarter's reports, every format, as the files a version keeps.

Each report is built once, as the public sees the quarter once published (PUBLIC_SIGHT), and laid out by the
same renderers as every download; the PDF and Word document in a child process with a time limit
(render.worker), so one stuck layout stops publishing instead of holding it for ever.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version as installed_version

from django.conf import settings

from scorecard.council.models import Period
from scorecard.performance.publication import canonical_json, sha256
from scorecard.publications.models import Report
from scorecard.publications.report_data import report_data
from scorecard.reports.outputs import Output, annual_output, cabinet_output, dashboard_output, improvement_output
from scorecard.reports.render.documents import FORMATS
from scorecard.reports.render.documents import render as render_document
from scorecard.reports.render.worker import within

LAID_OUT = ("pdf", "docx")  # slow and memory-hungry: each in a child process with a time limit
SHOWN = ("html", "pdf", "docx", "xlsx", "csv")  # the HTML first: the PDF is its accessible alternative
JSON = "application/json"
RENDERERS = ("weasyprint", "python-docx", "openpyxl")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FrozenFile:
    format: str  # "json" for the report's data, else one of SHOWN, or "manifest"
    filename: str
    content: bytes
    content_type: str

    @property
    def sha256(self) -> str:
        return sha256(self.content)


def reports_of(period: Period) -> Iterator[tuple[str, Output]]:
    """The quarter's reports, each built as it is needed: the dashboard, the improvement report, the annual results
    at quarter 4, and the Cabinet paper issued from them (with its drafted words)."""
    yield Report.DASHBOARD, dashboard_output(period)
    yield Report.IMPROVEMENT, improvement_output(period)
    if period.is_year_end:
        yield Report.ANNUAL, annual_output(period.year)
    yield Report.CABINET, cabinet_output(period)


def frozen_files(kind: str, period: Period, output: Output, progress: Progress) -> list[FrozenFile]:
    """The report's data (canonical JSON) and its layouts in every format."""
    base = f"{kind}-{period.as_period.slug.lower()}"
    files = [FrozenFile("json", f"{base}.json", canonical_json(report_data(kind, period.label, output)), JSON)]
    for format in SHOWN:
        content_type, extension = FORMATS[format]
        files.append(FrozenFile(format, f"{base}.{extension}", laid_out(output, format), content_type))
        progress(f"  {Report(kind).label}: {format.upper()} laid out ({len(files[-1].content):,} bytes)")
    return files


def laid_out(output: Output, format: str) -> bytes:
    if format not in LAID_OUT:
        return render_document(output, format).content
    import weasyprint  # noqa: F401 (loaded once here, not again in every child: it takes a second or two)

    return within(settings.SCORECARD_PUBLISH_SECONDS, lambda: render_document(output, format).content)


@cache
def scorecard_version() -> str:
    with (settings.BASE_DIR / "pyproject.toml").open("rb") as project:
        return tomllib.load(project)["project"]["version"]


@cache
def renderer_versions() -> dict[str, str]:
    return {name: installed_version(name) for name in RENDERERS}


def manifest_file(about: dict, files: list[tuple[FrozenFile, str]]) -> FrozenFile:
    """The manifest: what the version is (about) and each of its files with its name in storage and SHA-256."""
    listed = [
        {"format": f.format, "name": name, "sha256": f.sha256, "size": len(f.content), "content_type": f.content_type}
        for f, name in files
    ]
    manifest = {
        "format": "scorecard-publication/1",
        **about,
        "scorecard": scorecard_version(),
        "renderers": renderer_versions(),
        "files": listed,
    }
    return FrozenFile("manifest", "manifest.json", canonical_json(manifest), JSON)
