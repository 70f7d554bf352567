"""Every variable the settings read is in .env.example, so a deployment can see all it may set."""

import re

from django.conf import settings


def test_env_example_lists_every_variable_the_settings_read():
    read = set(
        re.findall(
            r'"((?:SCORECARD_|DATABASE_)[A-Z_]+)"', (settings.BASE_DIR / "scorecard" / "settings.py").read_text()
        )
    )
    listed = set(re.findall(r"^([A-Z_]+)=", (settings.BASE_DIR / ".env.example").read_text(), flags=re.MULTILINE))
    assert read
    assert read <= listed
