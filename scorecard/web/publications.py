"""The publications archive: every published version of every report, its files, its manifest, and what has
changed in it since; and a published quarter's report pages and downloads, served from its kept version."""

from __future__ import annotations

import re

from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from scorecard.accounts import permissions
from scorecard.publications import selectors
from scorecard.publications.models import Report, Version, VersionFile

MAIN = re.compile(rb"<main[^>]*>(.*)</main>", re.DOTALL)


@require_safe
def archive(request):
    listed = selectors.archive(permissions.working_sight(request.user))
    return render(request, "publications/archive.html", {"listed": listed})


def version_or_404(report: str, slug: str, number: int) -> Version:
    version = selectors.version_at(report, slug, number) if report in Report.values else None
    if version is None:
        raise Http404("No such published version")
    return version


@require_safe
def version_page(request, report: str, slug: str, number: int):
    version = version_or_404(report, slug, number)
    context = {
        "version": version,
        "superseded_by": selectors.superseding(version),
        "problems": selectors.problems_of(version),
        "files": selectors.shown_files(version),
        "address": request.build_absolute_uri(),
    }
    return render(request, "publications/version.html", context)


@require_safe
@csp_update({"style-src": ["'unsafe-inline'"]})  # the kept web page carries its own styles, and no script
@csp_replace({"base-uri": [settings.SITE_URL]})  # and its links start from the site's address, as in its PDF
def version_file(request, report: str, slug: str, number: int, filename: str):
    version = version_or_404(report, slug, number)
    file = next((file for file in version.files.all() if file.filename == filename), None)
    if file is None:
        raise Http404("No such file in this version")
    if not selectors.is_stored(file):
        raise Http404("This file is missing from the publications storage: please tell the performance team")
    return file_response(file, inline=file.format in ("html", "manifest", "json"))


def file_response(file: VersionFile, *, inline: bool) -> HttpResponse:
    """The file's bytes as they are kept: never laid out again."""
    response = HttpResponse(selectors.content_of(file), content_type=file.content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{file.filename}"'
    return response


@require_safe
def changes(request, report: str, slug: str, number: int):
    version = version_or_404(report, slug, number)
    found = selectors.changes_to(version, permissions.working_sight(request.user))
    context = {"version": version, "changes": found, "superseded_by": selectors.superseding(version)}
    context["material"] = sum(measure.material for measure in found)
    return render(request, "publications/changes.html", context)


def frozen_report(request, version: Version, format: str, form=None):
    """A published quarter's report page, or one of its downloads, as kept: the page shows the kept web page's
    report (its bytes, within the site's header and footer); a download is the kept file. (kept_report checks
    the file is in storage first.)"""
    file = selectors.file_of(version, format or "html")
    if file is None or format in ("json", "manifest"):
        return HttpResponse(f'"{format}" is not a download: use pdf, docx, xlsx or csv', status=400)
    if format:
        return file_response(file, inline=False)
    kept = selectors.content_of(file)
    found = MAIN.search(kept)
    context = {
        "version": version,
        "form": form,
        "report": mark_safe((found.group(1) if found else kept).decode("utf-8")),  # noqa: S308 (our own kept page)
        "downloads": [file for file in selectors.shown_files(version) if file.format not in ("html", "manifest")],
    }
    return render(request, "publications/frozen_report.html", context)
