"""What the atheris harnesses share: Django set up, our code instrumented, and libFuzzer run on one input function.

Run one as `python -m tests.fuzz.atheris_reading -max_total_time=60` (see `make fuzz`). The harnesses are not
collected by pytest: their names do not start with test_. An input may be refused only with the exceptions it
names; anything else stops the run and libFuzzer saves the input under var/fuzz/.
"""

import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import atheris
import django


@contextmanager
def instrumented():
    """Django set up inside, so the scorecard and openpyxl modules it and the harness import are instrumented
    (all 19,000 loaded functions would take a minute)."""
    with atheris.instrument_imports(include=["scorecard", "openpyxl"]):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings")
        django.setup()
        yield


def fuzz(one_input: Callable[[bytes], None], seeds: dict[str, bytes] | None = None) -> None:
    """Fuzz one_input until libFuzzer stops: at -runs or -max_total_time, or at the first unexpected exception.

    Seeds (name → content) start the corpus, in var/fuzz/<harness>/, so mutations begin from real files.
    """
    corpus = Path("var/fuzz") / Path(sys.argv[0]).stem
    corpus.mkdir(parents=True, exist_ok=True)
    for name, content in (seeds or {}).items():
        (corpus / name).write_bytes(content)
    atheris.Setup([*sys.argv, "-artifact_prefix=var/fuzz/", str(corpus)], one_input)
    atheris.Fuzz()
