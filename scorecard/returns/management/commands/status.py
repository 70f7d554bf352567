"""Print the status word for an actual against a target, for scripts and spot checks."""

from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from scorecard.performance.assessment import assess
from scorecard.performance.milestones import Progress
from scorecard.performance.status import Polarity, Status, Tolerances


class Command(BaseCommand):
    help = (
        'Status of an actual against a target: --target 500 --actual 475 --good-is high prints "Amber"; '
        'progress words work too: --target "On track" --actual "Some slippage".'
    )

    def add_arguments(self, parser):
        parser.add_argument("--actual", required=True, help="a number, or a progress word for a milestone")
        parser.add_argument("--target", help="a number, or a progress word; leave out for No target")
        parser.add_argument("--good-is", default="high", help="high, low or n/a (default high)")
        parser.add_argument(
            "--blue-margin", default="0.02", help='fraction above target that is Blue; "none" for no Blue'
        )
        parser.add_argument("--amber-margin", default="0.05", help="fraction below target that is still Amber")
        parser.add_argument("--absolute", action="store_true", help="margins in the measure's unit, not fractions")
        parser.add_argument("--completed", default="green", help="colour of Completed: blue or green")

    def handle(self, *args, **options):
        try:
            status = assess(
                figure(options["actual"], "--actual"),
                figure(options["target"], "--target") if options["target"] is not None else None,
                Polarity.parse(options["good_is"]),
                tolerances=Tolerances(
                    blue_margin=None if options["blue_margin"].lower() == "none" else number(options["blue_margin"]),
                    amber_margin=number(options["amber_margin"]),
                    absolute=options["absolute"],
                ),
                completed=completed_colour(options["completed"]),
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(status.label)


def figure(text: str, option: str):
    """A number, or a progress word ("On track")."""
    try:
        Decimal(text.replace(",", ""))
    except InvalidOperation:
        try:
            return Progress.parse(text)
        except ValueError:
            raise ValueError(f'{option} "{text}" is neither a number nor a progress word') from None
    return number(text)


def completed_colour(text: str) -> Status:
    colour = {"blue": Status.BLUE, "green": Status.GREEN}.get(text.strip().lower())
    if colour is None:
        raise ValueError(f'--completed "{text}" is not a colour for Completed: use blue or green')
    return colour


def number(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f'"{text}" is not a number') from None
    if not value.is_finite():
        raise ValueError(f'"{text}" is not a finite number')
    return value
