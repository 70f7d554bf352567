"""Issue 14 §1, §6: publishing a quarter keeps a version of each report, every format, all or nothing."""

import json

import pytest
from django.core.files.storage import FileSystemStorage

from scorecard.council.models import Period
from scorecard.performance.publication import sha256
from scorecard.publications.models import Restatement, Version, VersionFile
from scorecard.publications.selectors import content_of, file_of
from scorecard.publications.services import RestatementNote, publications_storage, quarter_publish
from scorecard.returns.models import Return
from scorecard.returns.services import Refused
from tests.publications.conftest import NOTE

pytestmark = pytest.mark.django_db


def stored_names() -> list[str]:
    storage = publications_storage()
    found, folders = [], [""]
    while folders:
        folder = folders.pop()
        inner, files = storage.listdir(folder)
        folders += [f"{folder}/{name}".lstrip("/") for name in inner]
        found += [f"{folder}/{name}".lstrip("/") for name in files]
    return sorted(found)


def test_publishing_keeps_each_report_in_every_format_with_its_hash(quarter, performance_team):
    lines = []
    versions = quarter_publish(period=quarter.period, by=performance_team, progress=lines.append)

    assert [version.report for version in versions] == ["dashboard", "improvement", "cabinet"]
    assert Period.objects.get(pk=quarter.period.pk).is_published
    for version in versions:
        formats = [file.format for file in version.files.all()]
        assert formats == ["json", "html", "pdf", "docx", "xlsx", "csv", "manifest"]
        for file in version.files.all():
            assert sha256(content_of(file)) == file.sha256
    assert any("PDF laid out" in line for line in lines)


def test_the_manifest_names_the_versions_of_scorecard_and_its_renderers(quarter, performance_team):
    (dashboard, *_) = quarter_publish(period=quarter.period, by=performance_team)

    manifest = json.loads(content_of(file_of(dashboard, "manifest")))
    assert manifest["scorecard"] == "0.1.0"
    assert set(manifest["renderers"]) == {"weasyprint", "python-docx", "openpyxl"}
    assert manifest["version"] == 1 and manifest["published_by"] == "performance"
    listed = {entry["format"]: entry["sha256"] for entry in manifest["files"]}
    assert listed["pdf"] == file_of(dashboard, "pdf").sha256


def test_the_data_is_canonical_json_of_the_figures(quarter, performance_team):
    (dashboard, *_) = quarter_publish(period=quarter.period, by=performance_team)

    content = content_of(file_of(dashboard, "json"))
    data = json.loads(content)
    assert content == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    (measure, _) = data["measures"]
    assert measure["figures"]["Quarterly actual"] == "470"
    assert measure["status"] == "Red"


def test_publishing_at_quarter_4_keeps_the_annual_results_too(quarter, performance_team):
    q4 = Period.objects.get(year=quarter.period.year, quarter=4)
    Period.objects.filter(pk=q4.pk).update(state=Period.State.CLOSED)

    versions = quarter_publish(period=q4, by=performance_team, confirm_unapproved=True, reason="Not yet due")

    assert "annual" in [version.report for version in versions]


def test_publishing_a_quarter_that_is_not_closed_is_refused(quarter, performance_team):
    Period.objects.filter(pk=quarter.period.pk).update(state=Period.State.OPEN)

    with pytest.raises(Refused, match="Close 2018/19 Q2 before publishing"):
        quarter_publish(period=quarter.period, by=performance_team)
    assert not Version.objects.exists()
    assert not Period.objects.get(pk=quarter.period.pk).is_published


def test_a_reader_cannot_publish(quarter):
    with pytest.raises(Refused, match="Only the performance team"):
        quarter_publish(period=quarter.period, by=quarter.people["reader"])


def test_a_correction_without_a_note_is_refused(quarter, performance_team):
    quarter_publish(period=quarter.period, by=performance_team)

    with pytest.raises(Refused, match="needs a restatement note"):
        quarter_publish(period=quarter.period, by=performance_team)
    half_a_note = RestatementNote(category="error", what_changed="A typing error", effect=" ", approved_by="")
    with pytest.raises(Refused, match="conclusions; Say who approved"):
        quarter_publish(period=quarter.period, by=performance_team, note=half_a_note)
    assert Version.objects.count() == 3


def test_a_correction_publishes_version_2_with_its_note(quarter, performance_team):
    quarter_publish(period=quarter.period, by=performance_team)
    Return.objects.filter(measure=quarter.measure).update(actual=520)

    corrected = quarter_publish(period=quarter.period, by=performance_team, note=NOTE)

    assert {version.number for version in corrected} == {2}
    note = Restatement.objects.get()
    assert note.get_category_display() == "Late data"
    assert all(version.restatement == note for version in corrected)
    assert Version.objects.filter(number=1).count() == 3  # the first versions stay


class FailingStorage(FileSystemStorage):
    """Storage that fails on its fifth file, as a full disk or a lost connection would."""

    saved = 0

    def _save(self, name, content):
        FailingStorage.saved += 1
        if FailingStorage.saved == 5:
            raise OSError("No space left on device")
        return super()._save(name, content)


def test_a_storage_failure_part_way_leaves_nothing_half_published(quarter, performance_team, settings, tmp_path):
    FailingStorage.saved = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "publications": {"BACKEND": f"{__name__}.FailingStorage", "OPTIONS": {"location": tmp_path / "failing"}},
    }

    with pytest.raises(OSError, match="No space left"):
        quarter_publish(period=quarter.period, by=performance_team)

    assert FailingStorage.saved == 5
    assert not Version.objects.exists() and not VersionFile.objects.exists()
    assert stored_names() == []
    assert not Period.objects.get(pk=quarter.period.pk).is_published
