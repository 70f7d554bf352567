"""The page styles draw each status in the colours Status defines: one definition, kept in step."""

import re
from pathlib import Path

from django.conf import settings

from scorecard.performance.status import Status

STYLES = Path(settings.BASE_DIR) / "scorecard" / "web" / "styles" / "scorecard.scss"


def test_every_status_has_its_fill_and_text_colour_in_the_page_styles():
    styles = STYLES.read_text()
    for status in Status:
        match = re.search(rf'"{status.value}": \((#[0-9a-f]{{6}}), (#[0-9a-f]{{6}})\)', styles)
        assert match, status
        assert match.groups() == (status.style.fill, status.style.text), status
