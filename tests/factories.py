"""Small builders for test data: each makes one thing with sensible defaults, overridable by keyword."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from scorecard.accounts.models import Role, RoleAssignment, User
from scorecard.benchmarking.models import (
    Area,
    BenchmarkSettings,
    ComparatorGroup,
    ComparisonValue,
    ExternalMeasure,
    MeasureMapping,
)
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


def area(code: str = "E06000015", name: str = "Derby", **fields) -> Area:
    made, _ = Area.objects.get_or_create(code=code, defaults={"name": name, "kind": Area.Kind.UNITARY, **fields})
    return made


def external_measure(code: str = "ASC5", **fields) -> ExternalMeasure:
    defaults = {"source": "oflog", "title": "Outcome of short-term services", "unit": Unit.PERCENT, "polarity": "high"}
    return ExternalMeasure.objects.create(code=code, **{**defaults, **fields})


def comparators(of: ExternalMeasure, period: str, values: dict[str, object], **group) -> ComparatorGroup:
    """A group of the areas named by code (made as needed) with each one's value for the period; None is missing."""
    made = ComparatorGroup.objects.create(**{"name": f"Group for {of.code} {period}", "kind": "own", **group})
    for code, value in values.items():
        member = area(code, f"Council {code}")
        made.members.add(member)
        if value is not None:
            ComparisonValue.objects.create(measure=of, area=member, period=period, value=Decimal(str(value)))
    return made


def benchmarking(as_area: Area, group: ComparatorGroup | None = None) -> BenchmarkSettings:
    settings = BenchmarkSettings.load()
    settings.area, settings.default_group = as_area, group
    settings.save()
    return settings


def mapping(of: Measure, to: ExternalMeasure, **fields) -> MeasureMapping:
    return MeasureMapping.objects.create(measure=of, external=to, **fields)


def kept_version(at: Period, report: str = "dashboard", number: int = 1):
    """A version as if published, with only its manifest (no report laid out): quick, for pages and for what the
    database refuses to change."""
    from django.core.files.base import ContentFile

    from scorecard.performance.publication import sha256
    from scorecard.publications.models import Version, VersionFile
    from scorecard.publications.services import publications_storage

    version = Version.objects.create(
        report=report,
        period=at,
        number=number,
        published_at=timezone.now(),
        published_on=date(2018, 11, 9),
        published_by="performance",
        scorecard_version="0.1.0",
    )
    content = b"{}"
    name = publications_storage().save(f"{report}/{version.slug}/v{number}/manifest.json", ContentFile(content))
    VersionFile.objects.create(
        version=version, format="manifest", name=name, sha256=sha256(content), size=2, content_type="application/json"
    )
    return version
