"""Reads of published versions: the archive, one version and its files, whether its files are intact, and what
has changed in its figures since it was published."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Max, Prefetch, Q

from scorecard.accounts.permissions import WorkingSight
from scorecard.council.models import Period
from scorecard.measures.models import Target
from scorecard.performance.publication import MeasureChanges, changes_since, sha256
from scorecard.publications.models import Report, Version, VersionFile
from scorecard.publications.report_data import measure_data, measures_of
from scorecard.publications.services import publications_storage
from scorecard.reports.outputs import annual_output, cabinet_output, dashboard_output, improvement_output
from scorecard.returns.models import Return

CHECKED_FOR = 10 * 60  # seconds the archive trusts a version's last check of its files' hashes


@dataclass
class Listed:
    """A version as the archive lists it."""

    version: Version
    superseded_by: Version | None = None
    changed: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[VersionFile]:
        return shown_files(self.version)


def kept_periods() -> set[int]:
    """The quarters with a published version kept: publishing them again is a correction."""
    return set(Version.objects.values_list("period_id", flat=True).distinct())


def with_files():
    ordered = VersionFile.objects.order_by("pk")
    return Version.objects.select_related("period__year", "restatement").prefetch_related(Prefetch("files", ordered))


def archive(sight: WorkingSight) -> list[Listed]:
    """Every version of every report, newest first, each with the version that superseded it, whether its figures
    changed since (as this person is shown them now), and any file no longer as published."""
    versions = list(with_files().order_by("-published_at", "report", "-number"))
    latest: dict[tuple[str, int], Version] = {}
    for version in reversed(versions):
        latest[(version.report, version.period_id)] = version
    changed = changed_versions(list(latest.values()), sight)
    listed = []
    for version in versions:
        newest = latest[(version.report, version.period_id)]
        superseded_by = None if newest.pk == version.pk else newest
        is_changed = superseded_by is not None or version.pk in changed
        listed.append(Listed(version, superseded_by, is_changed, checked_problems(version)))
    return listed


def version_at(report: str, slug: str, number: int) -> Version | None:
    found = with_files().filter(report=report, number=number)
    return next((version for version in found if version.period.as_period.slug.lower() == slug.lower()), None)


def superseding(version: Version) -> Version | None:
    """The latest version of the same report and quarter, if it is not this one."""
    newest = Version.objects.filter(report=version.report, period=version.period_id).order_by("-number").first()
    return newest if newest and newest.pk != version.pk else None


def latest_version(report: str, period: Period) -> Version | None:
    return with_files().filter(report=report, period=period).order_by("-number").first()


def file_of(version: Version, format: str) -> VersionFile | None:
    return next((file for file in version.files.all() if file.format == format), None)


SHOWN_ORDER = ["html", "pdf", "docx", "xlsx", "csv", "json", "manifest"]


def shown_files(version: Version) -> list[VersionFile]:
    """Its files as readers want them: the web page first, the PDF as its alternative, the data and manifest last."""
    return sorted(version.files.all(), key=lambda file: SHOWN_ORDER.index(file.format))


def is_stored(file: VersionFile) -> bool:
    return publications_storage().exists(file.name)


def content_of(file: VersionFile) -> bytes:
    with publications_storage().open(file.name, "rb") as stored:
        return stored.read()


# -- are the files as published? ----------------------------------------------------------------------


def problems_of(version: Version) -> list[str]:
    """Each file of the version missing from storage, or whose SHA-256 differs from the one kept when published."""
    storage, problems = publications_storage(), []
    for file in version.files.all():
        if not storage.exists(file.name):
            problems.append(f"{file.name} is missing from the publications storage")
        elif sha256(content_of(file)) != file.sha256:
            problems.append(f"{file.name} no longer matches the SHA-256 in its manifest")
    if not version.files.all():
        problems.append("The version has no files")
    return problems


def checked_problems(version: Version) -> list[str]:
    """problems_of, remembered for a few minutes: the archive lists every version, and reading every file of every
    version for each visitor would make it slow. check_publications always reads them all."""
    key = f"publication-problems-{version.pk}"
    problems = cache.get(key)
    if problems is None:
        problems = problems_of(version)
        cache.set(key, problems, CHECKED_FOR)
    return problems


# -- what changed since publication ------------------------------------------------------------------


def published_measures(version: Version) -> list[dict]:
    data = file_of(version, "json")
    return json.loads(content_of(data))["measures"] if data else []


def current_measures(version: Version, sight: WorkingSight) -> list[dict]:
    """The report's measures as built now, as this person is shown them (the public: what is published)."""
    period = version.period
    build = {
        Report.DASHBOARD: lambda: dashboard_output(period, sight=sight),
        Report.IMPROVEMENT: lambda: improvement_output(period, sight=sight),
        Report.ANNUAL: lambda: annual_output(period.year, sight=sight),
        Report.CABINET: lambda: cabinet_output(period, sight=sight),
    }[version.report]
    return [measure_data(row) for row in measures_of(build().report)]


def changes_to(version: Version, sight: WorkingSight) -> list[MeasureChanges]:
    return changes_since(published_measures(version), current_measures(version, sight))


def changed_versions(latest: list[Version], sight: WorkingSight) -> set[int]:
    """The latest versions whose figures differ now. Only a quarter whose returns or targets were saved since its
    version was published is built again and compared: two queries tell which, so a quiet archive is quick."""
    touched = touched_since(latest)
    return {version.pk for version in latest if version.pk in touched and changes_to(version, sight)}


def touched_since(versions: list[Version]) -> set[int]:
    """The versions whose quarter's returns or targets (the year-end target included) were saved after them."""
    periods, years = {v.period_id for v in versions}, {v.period.year_id for v in versions}
    returns = Return.history.filter(period_id__in=periods).values("period_id")
    targets = Target.history.filter(Q(period_id__in=periods) | Q(period__isnull=True, year_id__in=years))
    last_return = dict(returns.annotate(last=Max("history_date")).values_list("period_id", "last"))
    last_target = list(targets.values("period_id", "year_id").annotate(last=Max("history_date")))
    touched = set()
    for version in versions:
        saved = [last_return.get(version.period_id)] + [
            found["last"]
            for found in last_target
            if found["period_id"] == version.period_id
            or (found["period_id"] is None and found["year_id"] == version.period.year_id)
        ]
        if any(when and when > version.published_at for when in saved):
            touched.add(version.pk)
    return touched
