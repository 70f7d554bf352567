"""Issue 14 §1, §3: `manage.py quarter publish` shows each report as it is laid out, and publishes a correction only
with the four parts of its restatement note."""

import pytest
from django.core.management import CommandError

from scorecard.publications.models import Restatement
from tests.publications.conftest import NOTE
from tests.test_quarter_command import quarter as command

pytestmark = pytest.mark.django_db

NOTE_OPTIONS = [
    "--category",
    NOTE.category,
    "--what-changed",
    NOTE.what_changed,
    "--effect",
    NOTE.effect,
    "--approved-by",
    NOTE.approved_by,
]


def test_publishing_shows_its_progress_and_what_was_kept(quarter):
    said = command("publish", "2018/19-Q2", "--user", "performance")

    assert "Council Scorecard dashboard: PDF laid out" in said
    assert "Kept: Council Scorecard dashboard version 1, Quarterly improvement report version 1" in said


def test_a_correction_needs_its_note_then_is_version_2(quarter):
    command("publish", "2018/19-Q2", "--user", "performance")

    with pytest.raises(CommandError, match="needs a restatement note"):
        command("publish", "2018/19-Q2", "--user", "performance")
    with pytest.raises(CommandError, match="Say who approved publishing the correction"):
        command("publish", "2018/19-Q2", "--user", "performance", *NOTE_OPTIONS[:-2])
    said = command("publish", "2018/19-Q2", "--user", "performance", *NOTE_OPTIONS)

    assert "Council Scorecard dashboard version 2" in said
    assert Restatement.objects.get().approved_by == NOTE.approved_by
