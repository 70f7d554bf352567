"""Publishing a quarter: marking it published and keeping a version of each of its reports, all or nothing.

Inside one transaction: the quarter is published, each report is built and laid out, its files are written to
the publications storage, and only then are the versions' rows written. Should anything fail (a layout, the
storage, the database), the transaction is rolled back and every file already written is deleted: no version
without its files, no file without its version.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.performance.publication import RestatementCategory
from scorecard.publications.freezing import FrozenFile, Progress, frozen_files, manifest_file, reports_of
from scorecard.publications.freezing import scorecard_version as current_scorecard_version
from scorecard.publications.models import Report, Restatement, Version, VersionFile
from scorecard.returns.services import Refused, period_publish

NOTE_NEEDED = (
    "{quarter} was published before: publishing it again publishes a corrected version, which needs a "
    "restatement note (what changed and why, its effect on the conclusions, and who approved it)."
)
NOTE_FIELDS = {
    "category": "Choose why the figures were corrected",
    "what_changed": "Say what was corrected, and why",
    "effect": "Say what the correction does to the report's conclusions",
    "approved_by": "Say who approved publishing the correction",
}


@dataclass(frozen=True)
class RestatementNote:
    category: str
    what_changed: str
    effect: str
    approved_by: str

    def problems(self) -> dict[str, str]:
        """Each part missing (or a category that is not one), by field, in the form's words."""
        found = {name: message for name, message in NOTE_FIELDS.items() if not getattr(self, name).strip()}
        if self.category and self.category not in {category.value for category in RestatementCategory}:
            found["category"] = NOTE_FIELDS["category"]
        return found


def publications_storage() -> Storage:
    return storages["publications"]


def quarter_publish(
    *,
    period: Period,
    by,
    published_on=None,
    confirm_unapproved: bool = False,
    reason: str = "",
    note: RestatementNote | None = None,
    progress: Progress = lambda line: None,
) -> list[Version]:
    """Publish a closed quarter and keep a version of each of its reports; a quarter already kept gets corrected
    versions, with the restatement note they need. Refused (nothing written) if it cannot be done."""
    period = publishable(period, by, note)
    storage, written = publications_storage(), []
    try:
        with transaction.atomic():
            if not period.is_published or period.holds_published_record:
                confirmed = {"confirm_unapproved": confirm_unapproved, "reason": reason}
                period = period_publish(period=period, by=by, published_on=published_on, **confirmed)
            else:
                period = Period.objects.select_for_update().select_related("year").get(pk=period.pk)
            return kept_versions(period, by, published_on, note, storage, written, progress)
    except BaseException:
        for name in written:
            with suppress(Exception):  # the failure that stopped publishing is the one to report
                storage.delete(name)
        raise


def publishable(period: Period, by, note: RestatementNote | None) -> Period:
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team publishes quarters.")
    period = Period.objects.select_related("year").get(pk=period.pk)
    if period.state != Period.State.CLOSED:
        raise Refused(f"Close {period.label} before publishing it.")
    kept = Version.objects.filter(period=period).exists()
    if note is not None and not kept:
        raise Refused(f"{period.label} has no published version to correct: publish it from the Quarters page.")
    if kept:
        if note is None:
            raise Refused(NOTE_NEEDED.format(quarter=period.label))
        if problems := note.problems():
            raise Refused(f"The restatement note is not complete: {'; '.join(problems.values())}.")
    return period


def kept_versions(period, by, published_on, note, storage, written, progress) -> list[Version]:
    now = timezone.now()
    numbers = latest_numbers(period)
    correction = bool(numbers)
    published_on = (published_on or timezone.localdate()) if correction else period.published_date
    who = by.get_full_name() or by.get_username()
    restatement = None
    if note is not None and correction:
        restatement = Restatement(
            period=period, made_at=now, made_by=who, **{name: getattr(note, name).strip() for name in NOTE_FIELDS}
        )
    kept = []
    for kind, output in reports_of(period):
        progress(f"{Report(kind).label}, {period.label}:")
        version = Version(
            report=kind,
            period=period,
            number=numbers.get(kind, 0) + 1,
            published_at=now,
            published_on=published_on,
            published_by=who,
            restatement=restatement,
            scorecard_version=current_scorecard_version(),
        )
        files = frozen_files(kind, period, output, progress)
        kept.append((version, stored_files(version, files, storage, written)))
    return written_rows(restatement, kept)


def stored_files(version: Version, files: list[FrozenFile], storage, written: list[str]) -> list[VersionFile]:
    """The files written to storage (each name noted in written, to delete should publishing fail), the
    manifest last; their rows, not yet saved."""
    folder = f"{version.report}/{version.period.as_period.slug.lower()}/v{version.number}"
    names = [(file, store(storage, f"{folder}/{file.filename}", file.content, written)) for file in files]
    manifest = manifest_file(about(version), names)
    names.append((manifest, store(storage, f"{folder}/{manifest.filename}", manifest.content, written)))
    return [
        VersionFile(
            format=file.format, name=name, sha256=file.sha256, size=len(file.content), content_type=file.content_type
        )
        for file, name in names
    ]


def store(storage: Storage, name: str, content: bytes, written: list[str]) -> str:
    saved = storage.save(name, ContentFile(content))
    written.append(saved)
    return saved


def about(version: Version) -> dict:
    restatement = None
    if version.restatement is not None:
        restatement = {name: getattr(version.restatement, name) for name in NOTE_FIELDS}
    return {
        "report": version.report,
        "report_name": Report(version.report).label,
        "quarter": version.period.label,
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "published_on": version.published_on.isoformat(),
        "published_by": version.published_by,
        "restatement": restatement,
    }


def written_rows(restatement: Restatement | None, kept: list[tuple[Version, list[VersionFile]]]) -> list[Version]:
    """Every row at the end, once every file is in storage."""
    if restatement is not None:
        restatement.save()
    for version, files in kept:
        version.restatement = restatement
        version.save()
        for file in files:
            file.version = version
        VersionFile.objects.bulk_create(files)
    return [version for version, _ in kept]


def latest_numbers(period: Period) -> dict[str, int]:
    """The latest version number of each of the quarter's reports kept so far."""
    numbers: dict[str, int] = {}
    for report, number in Version.objects.filter(period=period).values_list("report", "number"):
        numbers[report] = max(number, numbers.get(report, 0))
    return numbers
