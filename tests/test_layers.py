"""Each layer calls only downward (DESIGN.md, "Shape of the code"): the pages are the top, so nothing else imports
them; the rules are the bottom, so they import no Django and nothing of ours but other rules."""

import ast
from pathlib import Path

import pytest

SCORECARD = Path(__file__).resolve().parent.parent / "scorecard"
BELOW_THE_PAGES = sorted(p.name for p in SCORECARD.iterdir() if p.is_dir() and p.name not in ("web", "__pycache__"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


def modules_of(package: str) -> list[Path]:
    return sorted((SCORECARD / package).rglob("*.py"))


@pytest.mark.parametrize("package", BELOW_THE_PAGES)
def test_nothing_below_the_pages_imports_them(package):
    upward = {
        f"{path.relative_to(SCORECARD)}: {name}"
        for path in modules_of(package)
        for name in imported(path)
        if name == "scorecard.web" or name.startswith("scorecard.web.")
    }
    assert not upward


def test_the_rules_import_no_django_and_nothing_of_ours_but_rules():
    outside = {
        f"{path.relative_to(SCORECARD)}: {name}"
        for path in modules_of("performance")
        for name in imported(path)
        if name.split(".")[0] == "django"
        or (name.startswith("scorecard.") and not name.startswith("scorecard.performance"))
    }
    assert not outside
