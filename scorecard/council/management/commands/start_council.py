"""`manage.py start_council --name "…" --team "…" --year 2026/27 [--collection monthly] --username NAME --email …`:
/start/ as a command."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from scorecard.council.services import FirstAccount, SetUpRefused, council_start
from scorecard.performance.commentary import Commentary
from scorecard.performance.margins import MarginError, margin_from_text
from scorecard.performance.periods import Collection, FinancialYear, PeriodError


class Command(BaseCommand):
    help = "Set up a new council in a fresh database: its name, team, bands, first year and first team account."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="the organisation's name, e.g. “Northfield District Council”")
        parser.add_argument("--team", required=True, help="the performance team's name")
        parser.add_argument("--no-blue", action="store_true", help="three bands: no Blue")
        parser.add_argument("--blue-margin", default="2%", help="above target by more than this is Blue (2%%)")
        parser.add_argument("--amber-margin", default="5%", help="below target by up to this is Amber (5%%)")
        parser.add_argument("--absolute", action="store_true", help="margins in the measure's unit, not percentages")
        parser.add_argument(
            "--commentary", choices=[rule.value for rule in Commentary], default="three", help="what a return carries"
        )
        parser.add_argument("--year", required=True, help="the first financial year, e.g. 2026/27")
        parser.add_argument(
            "--collection",
            choices=[collection.value for collection in Collection],
            default=Collection.QUARTERLY.value,
            help="the year's figures are collected by quarter (four quarters) or by month (twelve months)",
        )
        parser.add_argument("--username", required=True, help="the first performance-team account")
        parser.add_argument("--email", required=True)
        parser.add_argument("--password-file", help="a file holding the account's password (first line)")

    def handle(self, *args, **options):
        try:
            year = FinancialYear.parse(options["year"])
            organisation = organisation_from(options)
            password = password_from(options["password_file"])
            collection = Collection(options["collection"])
            user = council_start(
                organisation=organisation,
                first_year=year,
                account=FirstAccount(options["username"], options["email"], password),
                collection=collection,
            )
        except (PeriodError, SetUpRefused) as problem:
            raise CommandError(str(problem)) from None
        except ValidationError as problem:
            raise CommandError(said(problem)) from None
        made = "twelve months" if collection is Collection.MONTHLY else "four quarters"
        self.stdout.write(f"{organisation['name']} is set up, with {year.label} and its {made}.")
        if password is None:
            self.stdout.write(
                f"{user.username} has no password yet: open the sign-in page, choose “Forgotten your password?” "
                f"and give {user.email}."
            )


def organisation_from(options: dict) -> dict:
    blue = None if options["no_blue"] else margin(options, "blue_margin")
    return {
        "name": options["name"],
        "team_name": options["team"],
        "blue_margin": blue,
        "amber_margin": margin(options, "amber_margin"),
        "margins_are_absolute": options["absolute"],
        "commentary": options["commentary"],
    }


def margin(options: dict, name: str):
    try:
        return margin_from_text(options[name], absolute=options["absolute"])
    except MarginError as error:
        raise CommandError(f"--{name.replace('_', '-')}: {error}") from None


def password_from(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CommandError(f"cannot read the password file {path}: {error.strerror}") from None
    if not lines or not lines[0]:
        raise CommandError(f"the password file {path} is empty")
    return lines[0]


def said(problem: ValidationError) -> str:
    if hasattr(problem, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in problem.message_dict.items())
    return " ".join(problem.messages)
