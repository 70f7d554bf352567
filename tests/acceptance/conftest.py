"""The Derby demo, loaded once for the acceptance tests and rolled back after them."""

from functools import cache
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import transaction

from scorecard.demo.loader import DemoLoader
from scorecard.demo.real_series import series_codes

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.fixture(scope="package")
def derby_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        DemoLoader(settings.DEMO_DIR).load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(derby_demo, db):
    """Use in a test that reads the loaded demo; each test's own writes are rolled back."""


def period_files() -> list[dict]:
    return [yaml.safe_load(path.read_text()) for path in sorted((settings.DEMO_DIR / "periods").glob("*.yaml"))]


def seed_text(source: str) -> str:
    paths = list(SEEDS.glob(f"{source}_*.txt"))
    if len(paths) != 1:
        pytest.fail(f"seed {source} is not in {SEEDS}: the acceptance tests need shared/ beside the clone")
    return paths[0].read_text(encoding="utf-8")


@cache
def real_series_codes() -> frozenset[str]:
    return frozenset(series_codes(settings.DEMO_DATA_DIR))


def of_the_seeds(code: str) -> bool:
    """False for a measure the demo holds beyond the seeds: the real series for SPC (scorecard.demo.real_series),
    which no report of Derby's carried. A comparison with a seed leaves them out, and checks all the rest."""
    return code not in real_series_codes()
