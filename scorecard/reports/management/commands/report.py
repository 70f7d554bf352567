"""Write a report to a file, for scheduled runs:

manage.py report dashboard --year 2017/18 --quarter 2 --format pdf --output dashboard.pdf
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scorecard.accounts.permissions import WHOLE_SIGHT
from scorecard.council.models import FinancialYear, Period
from scorecard.council.selectors import held_period, held_year
from scorecard.measures.selectors import measure_with_code
from scorecard.performance.periods import PeriodError
from scorecard.reports.common import RowFilter
from scorecard.reports.dashboard import GROUPINGS
from scorecard.reports.outputs import (
    annual_output,
    cabinet_output,
    dashboard_output,
    improvement_output,
    profile_output,
)
from scorecard.reports.render.accessible import NotAccessible
from scorecard.reports.render.documents import FORMATS, render

REPORTS = ["improvement", "dashboard", "annual", "profile", "cabinet"]


class Command(BaseCommand):
    help = (
        "Write a report (improvement, dashboard, annual, profile or cabinet) to a file: html, pdf, docx, xlsx or csv."
    )

    def add_arguments(self, parser):
        parser.add_argument("report", choices=REPORTS)
        parser.add_argument("--year", help="financial year, e.g. 2017/18 (not for profile)")
        parser.add_argument("--quarter", type=int, help="1 to 4, for improvement and dashboard")
        parser.add_argument("--month", type=int, help="1 (April) to 12 (March): a monthly year's")
        parser.add_argument("--measure", help='a measure code or former code, for profile, e.g. "CM PM15"')
        parser.add_argument(
            "--group-by", default="", choices=list(GROUPINGS), help="default: perspective; directorate if none held"
        )
        parser.add_argument(
            "--portfolio", default="", help="dashboard and cabinet: mark this Cabinet portfolio's measures"
        )
        parser.add_argument("--directorate", default="", help="improvement and dashboard: only this directorate")
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument("--output", required=True, type=Path, help="the file to write")

    def handle(self, *args, **options):
        try:
            output = self.output(options)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        try:
            document = render(output, options["format"])
        except NotAccessible as refusal:
            raise CommandError(str(refusal)) from None
        options["output"].write_bytes(document.content)
        self.stdout.write(f"Wrote {options['output']} ({len(document.content):,} bytes)")

    def output(self, options):
        kind = options["report"]
        if kind == "profile":
            return profile_output(measure(options["measure"]), sight=WHOLE_SIGHT)
        if kind == "annual":
            return annual_output(year(options["year"]), sight=WHOLE_SIGHT)
        period = quarter_or_month(options["year"], options["quarter"], options["month"])
        if kind == "improvement":
            return improvement_output(period, only=RowFilter(directorate=options["directorate"]), sight=WHOLE_SIGHT)
        if kind == "cabinet":
            return cabinet_output(period, portfolio=options["portfolio"], sight=WHOLE_SIGHT)
        only = RowFilter(directorate=options["directorate"])
        return dashboard_output(
            period, group_by=options["group_by"], portfolio=options["portfolio"], only=only, sight=WHOLE_SIGHT
        )


def year(text: str | None) -> FinancialYear:
    if not text:
        raise CommandError("--year is needed, e.g. --year 2017/18")
    return held_year(text)


def quarter_or_month(year_text: str | None, quarter: int | None, month: int | None) -> Period:
    if month is not None:
        return held_period(f"{year(year_text).label} M{month}")
    if quarter is None:
        raise CommandError("--quarter is needed for this report, e.g. --quarter 2 (a monthly year: --month 1)")
    return held_period(f"{year(year_text).label} Q{quarter}")


def measure(code: str | None):
    if not code:
        raise CommandError('--measure is needed for a profile, e.g. --measure "CM PM15"')
    found = measure_with_code([code])
    if found is None:
        raise CommandError(f'no measure has the code "{code}"')
    return found
