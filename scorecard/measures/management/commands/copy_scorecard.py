"""Set up next year's scorecard from this year's: manage.py copy_scorecard --from 2018/19 --to 2019/20 --user NAME"""

from django.core.management.base import BaseCommand, CommandError

from scorecard.accounts.models import User
from scorecard.council.selectors import held_year
from scorecard.measures.services import scorecard_copy
from scorecard.performance.periods import FinancialYear as Year
from scorecard.performance.periods import PeriodError
from scorecard.returns.services import Refused


class Command(BaseCommand):
    help = "Copy a year's scorecard (measures' places, portfolios, targets) into a new year, ready to edit."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="from_year", required=True, help="the year to copy, e.g. 2018/19")
        parser.add_argument("--to", dest="to_year", required=True, help="the new year, e.g. 2019/20")
        parser.add_argument("--user", required=True, help="who is doing it (a performance team username)")

    def handle(self, *args, **options):
        try:
            source = held_year(options["from_year"])
            target = Year.parse(options["to_year"])
            by = User.objects.get(username=options["user"])
            year = scorecard_copy(from_year=source, to_start_year=target.start_year, by=by)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        except User.DoesNotExist:
            raise CommandError(f'no user is called "{options["user"]}"') from None
        except Refused as refusal:
            raise CommandError(str(refusal)) from None
        entries = year.entries.count()
        self.stdout.write(f"{year.label}'s scorecard is set up with {entries} measures and actions, ready to edit.")
