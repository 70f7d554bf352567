"""`manage.py make_council --measures 1000 --years 3 [--monthly]`: a synthetic council, for benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from scorecard.demo.synthetic import CouncilExists, Scale, make_council


class Command(BaseCommand):
    help = "Make a synthetic council of any size in an empty database: measures, actions, targets, returns, people."

    def add_arguments(self, parser):
        parser.add_argument("--measures", type=int, required=True, help="measures and actions, e.g. 1000")
        parser.add_argument("--years", type=int, default=3, help="financial years of quarters (default 3)")
        parser.add_argument("--monthly", action="store_true", help="measures reported monthly, revised each month")
        parser.add_argument(
            "--open-quarters", type=int, default=1, help="the latest quarters, open for returns and empty (default 1)"
        )
        parser.add_argument("--first-year", type=int, default=2021, help="the first financial year's start (2021)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed makes the same council")
        parser.add_argument("--password", help="everyone's password; without it nobody can sign in with one")

    def handle(self, *args, **options):
        scale = Scale(
            measures=options["measures"],
            years=options["years"],
            monthly=options["monthly"],
            open_quarters=options["open_quarters"],
            first_year=options["first_year"],
            seed=options["seed"],
        )
        try:
            made = make_council(scale, password=options["password"])
        except (ValueError, CouncilExists) as problem:
            raise CommandError(str(problem)) from problem
        for name, count in sorted(made.items()):
            self.stdout.write(f"Made {count:,} {name}")
