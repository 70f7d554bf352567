"""`manage.py import returns|targets|scorecard|catalogue|history FILE …`: imports from the command line.

    python manage.py import returns FILE --period 2017/18-Q2 --user USERNAME [--approved] [--dry-run] [--errors FILE]
    python manage.py import targets FILE --year 2017/18 --user USERNAME [--dry-run] [--errors FILE]
    python manage.py import scorecard FILE --year 2017/18 --user USERNAME [--dry-run] [--errors FILE]
    python manage.py import catalogue FILE --user USERNAME [--source lgbf] [--dry-run] [--errors FILE]
    python manage.py import history FILE --user USERNAME [--catalogue FILE] [--source lgbf --council NAME] …
    python manage.py import comparisons FILE --source oflog|lgbf|generic [--groups FILE] --user USERNAME …

The file is checked first; if any row is in error nothing is written, the problems are listed (all of
them in the --errors file, as CSV: row, column, message) and the command exits non-zero.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from scorecard.accounts.permissions import manages_benchmarking
from scorecard.benchmarking.checks import ComparisonCheck, check_comparisons, problems_report
from scorecard.benchmarking.services import REFUSED, comparisons_load
from scorecard.benchmarking.sources import GROUPS_FILES, read_comparator_file
from scorecard.benchmarking.sources import SOURCES as COMPARATOR_SOURCES
from scorecard.council.selectors import held_period, held_year
from scorecard.imports import ImportProblem
from scorecard.imports.history_files import OURS, SOURCES, HistoryImport, plan_history_import
from scorecard.imports.plans import Plan, commit_plan, error_report
from scorecard.imports.returns import plan_returns, read_returns_file
from scorecard.imports.scorecard_sheet import plan_scorecard, read_scorecard_file
from scorecard.imports.targets import plan_targets, read_targets_file
from scorecard.performance.periods import PeriodError
from scorecard.returns.services import Refused

# Whoever runs this already has the server, and big files are what it is for: only the web has the upload limit.
COMMAND_LINE_MAX_BYTES = 500 * 1024 * 1024
PROBLEMS_SHOWN = 20
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import returns for a quarter, targets or the whole scorecard for a year, or measures and their history, "
        "from a CSV or .xlsx file; --dry-run checks only."
    )

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(
            dest="kind", required=True, metavar="{returns,targets,scorecard,catalogue,history,comparisons}"
        )
        returns = kinds.add_parser("returns", help="a quarter's returns, one row per measure, as in the template")
        returns.add_argument("--period", required=True, help="the quarter, e.g. 2017/18-Q2")
        returns.add_argument(
            "--approved", action="store_true", help="save them approved (the performance team only), not as drafts"
        )
        targets = kinds.add_parser("targets", help="a year's targets: code, quarter (1-4 or year end), target")
        targets.add_argument("--year", required=True, help="the financial year, e.g. 2017/18")
        scorecard = kinds.add_parser(
            "scorecard", help="a year's scorecard: one row per measure or action, as in the template"
        )
        scorecard.add_argument("--year", required=True, help="the financial year, e.g. 2017/18")
        catalogue = kinds.add_parser("catalogue", help="measures without a year: code, title, good is, unit, …")
        history = kinds.add_parser("history", help="measures' values over the years: code, year, value, …")
        history.add_argument("--catalogue", metavar="FILE", help="a catalogue to import first, in the same go")
        history.add_argument("--council", default="", help="whose history, for a source holding many councils")
        for kind in (catalogue, history):
            kind.add_argument("--source", choices=SOURCES, default=OURS, help="the files' shape (default: ours)")
        comparisons = kinds.add_parser(
            "comparisons", help="comparator data: other councils' values for external measures (docs/benchmarking.md)"
        )
        comparisons.add_argument("--source", required=True, choices=COMPARATOR_SOURCES, help="the file's shape")
        comparisons.add_argument(
            "--groups", metavar="FILE", help="; ".join(f"{source}: {what}" for source, what in GROUPS_FILES.items())
        )
        for kind in (returns, targets, scorecard, catalogue, history, comparisons):
            kind.add_argument("file", help="a .csv (UTF-8) or .xlsx file")
            kind.add_argument("--user", required=True, help="who the import is made as: their permissions apply")
            kind.add_argument("--dry-run", action="store_true", help="check the file and say what it would do")
            kind.add_argument("--errors", metavar="FILE", help="write every problem to this CSV file")

    def handle(self, *args, **options):
        by = person_called(options["user"])
        if options["kind"] == "comparisons":
            return self.import_comparisons(options, by)
        if options["kind"] in ("catalogue", "history"):
            return self.import_history(options, by)
        plan = self.checked(options, by)
        self.stdout.write(f"{plan.what.capitalize()}: {plan.summary}.")
        if plan.ignored_columns:
            self.stdout.write(f"Columns not imported: {', '.join(plan.ignored_columns)}.")
        for line in plan.created_first:
            self.stdout.write(f"Created first: {line}")
        for note in plan.notes:
            self.stdout.write(note)
        if options["errors"]:
            write_error_report(plan, options["errors"])
        if plan.in_error:
            self.list_problems(plan)
            raise CommandError(f"{plan.in_error:,} {rows(plan.in_error)} in error: nothing was imported.")
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
            return
        try:
            written = commit_plan(plan, by, progress=ProgressBar(self.stderr, "Importing"))
        except ImportProblem as problem:
            raise CommandError(str(problem)) from problem
        approved = ", approved" if options.get("approved") else ""
        self.stdout.write(
            f"Imported {written:,} {plan.what if written != 1 else plan.what.removesuffix('s')}{approved}."
        )

    def checked(self, options, by) -> Plan:
        """Check the file; the quarter or year is looked up first, so a mistyped one is told before the file."""
        returns = options["kind"] == "returns"
        try:
            when = held_period(options["period"]) if returns else held_year(options["year"])
        except PeriodError as error:
            raise CommandError(str(error)) from error
        content = file_content(options["file"])
        bar = ProgressBar(self.stderr, "Checking")
        try:
            if returns:
                rows = read_returns_file(options["file"], content, max_bytes=COMMAND_LINE_MAX_BYTES)
                return plan_returns(rows, when, by, progress=bar, approved=options["approved"])
            if options["kind"] == "scorecard":
                rows = read_scorecard_file(options["file"], content, max_bytes=COMMAND_LINE_MAX_BYTES)
                return plan_scorecard(rows, when, by, progress=bar)
            rows = read_targets_file(options["file"], content, max_bytes=COMMAND_LINE_MAX_BYTES)
            return plan_targets(rows, when, by, progress=bar)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from problem

    def import_history(self, options, by) -> None:
        found = self.history_checked(options, by)
        for line in found.summary():
            self.stdout.write(line)
        if options["errors"]:
            write_text(found.error_report(), options["errors"])
        if found.in_error:
            self.list_problems(found)
            raise CommandError(f"{found.in_error:,} {rows(found.in_error)} in error: nothing was imported.")
        if found.changes_nothing:
            self.stdout.write("Nothing changed: every measure and value is as held already.")
        elif options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
        else:
            try:
                written = found.commit(by, progress=ProgressBar(self.stderr, "Importing"))
            except ImportProblem as problem:
                raise CommandError(str(problem)) from problem
            counts = (f"{count:,} {what if count != 1 else what.removesuffix('s')}" for what, count in written.items())
            self.stdout.write(f"Imported {' and '.join(counts)}.")

    def history_checked(self, options, by) -> HistoryImport:
        catalogue = options["file"] if options["kind"] == "catalogue" else options["catalogue"]
        values = options["file"] if options["kind"] == "history" else None
        try:
            return plan_history_import(
                by=by,
                catalogue=(catalogue, file_content(catalogue)) if catalogue else None,
                values=(values, file_content(values)) if values else None,
                source=options["source"],
                council=options.get("council", ""),
                max_bytes=COMMAND_LINE_MAX_BYTES,
                progress=ProgressBar(self.stderr, "Checking"),
            )
        except ImportProblem as problem:
            raise CommandError(str(problem)) from problem

    def import_comparisons(self, options, by) -> None:
        """Comparator data: checked in full first, then loaded in one transaction (or, with errors, not at all)."""
        if not manages_benchmarking(by):
            raise CommandError(REFUSED)
        groups = options["groups"]
        try:
            found = read_comparator_file(
                source=options["source"],
                values=(options["file"], file_content(options["file"])),
                groups=(groups, file_content(groups)) if groups else None,
                max_bytes=COMMAND_LINE_MAX_BYTES,
            )
            check = check_comparisons(found, progress=RowCount(self.stderr, "Checking"))
        except ImportProblem as problem:
            raise CommandError(str(problem)) from problem
        for line in check.summary():
            self.stdout.write(line)
        if options["errors"]:
            write_text(problems_report(check), options["errors"])
        if check.has_problems:
            self.list_problems(check)
            raise CommandError(f"{check.problems_said.capitalize()}: nothing was loaded.")
        if check.changes_nothing:
            self.stdout.write("Nothing changed: every value and group is as held already.")
            return
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
            return
        try:
            load = comparisons_load(check=check, by=by, progress=RowCount(self.stderr, "Loading"))
        except (ImportProblem, Refused) as problem:
            raise CommandError(str(problem)) from problem
        self.stdout.write(
            f"Loaded {load.values_new:,} new and {load.values_changed:,} changed values "
            f"({load.values_unchanged:,} unchanged), {load.areas_created:,} new areas and "
            f"{load.groups_loaded:,} comparator groups from {load.file_name} (SHA-256 {load.sha256[:12]}…)."
        )

    def list_problems(self, plan: Plan | HistoryImport | ComparisonCheck) -> None:
        problems = plan.problems
        for problem in problems[:PROBLEMS_SHOWN]:
            self.stderr.write(str(problem))
        if len(problems) > PROBLEMS_SHOWN:
            self.stderr.write(f"… and {len(problems) - PROBLEMS_SHOWN:,} more: --errors FILE lists them all.")


class ProgressBar:
    """A plain-text bar on stderr, a line each time the import reports (every 1,000 rows, and at the end)."""

    def __init__(self, stream: OutputWrapper, label: str):
        self.stream, self.label = stream, label

    def __call__(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        self.stream.write(f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:,} of {total:,} rows")


class RowCount:
    """Rows read so far, on stderr, for files too long to count first."""

    def __init__(self, stream: OutputWrapper, label: str):
        self.stream, self.label = stream, label

    def __call__(self, done: int) -> None:
        self.stream.write(f"{self.label}: {done:,} rows")


def rows(count: int) -> str:
    return "row is" if count == 1 else "rows are"


def person_called(username: str):
    person = get_user_model().objects.filter(username=username).first()
    if person is None or not person.is_active:
        raise CommandError(f"No active user is called {username!r}.")
    return person


def file_content(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise CommandError(f"{name} cannot be read: {error.strerror}.") from error


def write_error_report(plan: Plan, name: str) -> None:
    write_text(error_report(plan), name)


def write_text(report: str, name: str) -> None:
    """UTF-8 with the mark Excel looks for, so the messages open cleanly in a spreadsheet."""
    try:
        Path(name).write_text(report, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise CommandError(f"The error report {name} cannot be written: {error.strerror}.") from error
