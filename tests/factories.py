"""Small builders for test data: each makes one thing with sensible defaults, overridable by keyword."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from scorecard.accounts.models import Role, RoleAssignment, User
from scorecard.council.models import Directorate, FinancialYear, OrganisationSettings, Period
from scorecard.measures.models import Measure, ScorecardEntry, Target, Unit
from scorecard.returns.models import Return, WorkflowState


def organisation() -> OrganisationSettings:
    return OrganisationSettings.load()


def year(start_year: int = 2017, **settings) -> FinancialYear:
    made, _ = FinancialYear.objects.get_or_create(start_year=start_year, defaults=settings)
    for quarter in range(1, 5):
        Period.objects.get_or_create(year=made, quarter=quarter)
    return made


def period(start_year: int = 2017, quarter: int = 2) -> Period:
    return Period.objects.get(year=year(start_year), quarter=quarter)


def monthly_year(start_year: int = 2017, **settings) -> FinancialYear:
    """A year collected monthly, with its twelve months."""
    made, _ = FinancialYear.objects.get_or_create(start_year=start_year, defaults={"collection": "monthly", **settings})
    for number in range(1, 13):
        Period.objects.get_or_create(year=made, month=number, defaults={"quarter": (number + 2) // 3})
    return made


def month(start_year: int = 2017, number: int = 1) -> Period:
    """A month of a year collected monthly: 1 is April."""
    return Period.objects.get(year=monthly_year(start_year), month=number)


def open_period(start_year: int = 2018, quarter: int = 3, deadline: date | None = date(2019, 1, 18)) -> Period:
    """A quarter open for returns, as the performance team opens it."""
    opened = period(start_year, quarter)
    opened.state, opened.deadline = Period.State.OPEN, deadline
    opened.save()
    return opened


def published(*periods: Period) -> None:
    """Close and publish quarters, as the performance team does once their returns are signed off."""
    Period.objects.filter(pk__in=[p.pk for p in periods]).update(state=Period.State.CLOSED, published_at=timezone.now())
    for one in periods:
        one.refresh_from_db()


def measure(code: str = "CM PM15", **fields) -> Measure:
    defaults = {"title": "Number of online transactions", "polarity": "high", "unit": Unit.COUNT}
    return Measure.objects.create(code=code, **{**defaults, **fields})


def action(title: str = "Deliver an Energy Management Policy") -> Measure:
    return Measure.objects.create(kind=Measure.Kind.ACTION, title=title, polarity="none", unit=Unit.MILESTONE)


def target(of: Measure, at: Period | None = None, value=None, *, year_of: FinancialYear | None = None, **fields):
    return Target.objects.create(
        measure=of,
        year=year_of or at.year,
        period=at,
        value=None if value is None else Decimal(str(value)),
        **fields,
    )


def return_for(of: Measure, at: Period, actual=None, **fields) -> Return:
    values = {"actual": None if actual is None else Decimal(str(actual)), "state": WorkflowState.APPROVED}
    return Return.objects.create(measure=of, period=at, **{**values, **fields})


def entry(of: Measure, in_year: FinancialYear, **fields) -> ScorecardEntry:
    return ScorecardEntry.objects.create(measure=of, year=in_year, **fields)


def person(username: str, role: str, directorate: str | None = None, email: str = "") -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password", email=email)
    scope = Directorate.objects.get_or_create(name=directorate)[0] if directorate else None
    RoleAssignment.objects.create(user=user, role=role, directorate=scope)
    return user


def everyone(directorate: str = "People Services") -> dict[str, User]:
    """A person in each role: an owner and an approver in the directorate, an owner elsewhere, the team, a reader."""
    return {
        "other_owner": person("other_owner", Role.MEASURE_OWNER, "Communities & Place"),
        "owner": person("owner", Role.MEASURE_OWNER, directorate),
        "approver": person("approver", Role.DIRECTORATE_APPROVER, directorate),
        "performance": person("performance", Role.PERFORMANCE_TEAM),
        "reader": person("reader", Role.READER),
    }
