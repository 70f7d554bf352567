"""A synthetic council at any scale: for benchmarks, and for seeing Scorecard with a big council's data.

N measures and Council Plan actions across directorates, pledges, priorities, perspectives and portfolios;
Y years of quarters, each closed and published with every measure's return (figures, flags and commentary
of realistic length), except the latest ones, left open and empty; targets, a few target amendments, aliases,
and the people who hold each role. Everything is written with bulk_create, so 5,000 measures over three years
take seconds; the same seed makes the same council.
"""

from __future__ import annotations

import copy
import math
import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from scorecard.accounts.models import Role, RoleAssignment, User
from scorecard.council.models import (
    Directorate,
    FinancialYear,
    OrganisationSettings,
    Period,
    Perspective,
    Pledge,
    Portfolio,
    Priority,
)
from scorecard.demo.synthetic import figures, words
from scorecard.measures.models import Measure, MeasureAlias, ScorecardEntry, Target, TargetAmendment, Unit
from scorecard.performance.assessment import Frequency, is_due
from scorecard.performance.direction import Comparison
from scorecard.performance.milestones import Progress
from scorecard.performance.periods import Quarter
from scorecard.performance.status import Polarity
from scorecard.returns.models import DataFlag, Return, WorkflowState

BATCH = 2_000
MEASURES_PER_OWNER = 40
SHARE_OF_ACTIONS = 0.12


class CouncilExists(Exception):
    """The database already holds measures: a synthetic council is only made in an empty one."""


@dataclass(frozen=True)
class Scale:
    measures: int
    years: int = 3
    monthly: bool = False  # measures reported monthly: each quarter's return is revised month by month
    open_quarters: int = 1  # the latest quarters, open for returns and still empty
    first_year: int = 2021
    seed: int = 1

    def problem(self) -> str | None:
        if self.measures < 1 or self.years < 1:
            return "A council needs at least one measure and one year."
        if not 0 <= self.open_quarters <= self.years * 4:
            return f"Open quarters must be between 0 and {self.years * 4}, the quarters in {self.years} years."
        if not 2000 <= self.first_year <= 2100 - self.years:
            return "The first year must be between 2000 and 2100, with all its years before 2100."
        return None


def make_council(scale: Scale, *, password: str | None = None) -> Counter:
    """Make the council in one transaction; what was made, counted by kind."""
    problem = scale.problem()
    if problem:
        raise ValueError(problem)
    if Measure.objects.exists():
        raise CouncilExists("The database already holds measures: make a synthetic council in an empty database.")
    with transaction.atomic():
        return CouncilBuilder(scale, password).build()


class CouncilBuilder:
    def __init__(self, scale: Scale, password: str | None):
        self.scale = scale
        self.rng = random.Random(scale.seed)  # noqa: S311 - made-up figures, not secrets
        self.password = make_password(password)  # one hash for everyone: hashing thousands would take minutes
        self.made: Counter = Counter()
        self.base: dict[int, float] = {}  # measure id → the size of its figures

    def build(self) -> Counter:
        council = {"name": words.COUNCIL, "team_name": words.TEAM, "set_up_at": timezone.now()}
        OrganisationSettings.objects.update_or_create(pk=1, defaults=council)
        years, periods = self.calendar()
        directorates = self.listed(Directorate, list(words.DIRECTORATES))
        owners = self.people(directorates)
        measures = self.measures(directorates, owners)
        self.aliases(measures)
        self.scorecards(years, measures, directorates)
        targets = self.targets(years, periods, measures)
        self.amendments(targets)
        self.returns(periods[: len(periods) - self.scale.open_quarters], measures, targets)
        return self.made

    def saved(self, model, rows: list) -> list:
        saved = model.objects.bulk_create(rows, batch_size=BATCH)
        self.made[str(model._meta.verbose_name_plural)] += len(saved)
        return saved

    # -- the years, the quarters and the council's structure ------------------------------------------

    def calendar(self) -> tuple[list[FinancialYear], list[Period]]:
        starts = range(self.scale.first_year, self.scale.first_year + self.scale.years)
        years = self.saved(FinancialYear, [FinancialYear(start_year=start) for start in starts])
        rows = [Period(year=year, quarter=number) for year in years for number in range(1, 5)]
        first_open = len(rows) - self.scale.open_quarters
        for index, period in enumerate(rows):
            quarter = period.as_period
            if index < first_open:
                period.state, period.published_at = Period.State.CLOSED, moment(quarter.ends + timedelta(days=40))
            else:
                period.state, period.deadline = Period.State.OPEN, quarter.ends + timedelta(days=20)
        return years, self.saved(Period, rows)

    def listed(self, model, names: list[str]) -> list:
        return self.saved(model, [model(name=name, order=order) for order, name in enumerate(names)])

    def plan(self) -> tuple[list[Priority], list[Perspective], list[Portfolio]]:
        pledges = self.listed(Pledge, list(words.PLEDGES))
        priorities = [
            Priority(pledge=pledge, name=name, order=order)
            for pledge in pledges
            for order, name in enumerate(words.PLEDGES[pledge.name])
        ]
        perspectives = self.listed(Perspective, words.PERSPECTIVES)
        return self.saved(Priority, priorities), perspectives, self.listed(Portfolio, words.PORTFOLIOS)

    def people(self, directorates: list[Directorate]) -> dict[int, list[User]]:
        """The performance team, a reader, and per directorate an approver and an owner per 40 measures."""
        per_directorate = math.ceil(self.scale.measures / len(directorates) / MEASURES_PER_OWNER)
        wanted = [("performance", Role.PERFORMANCE_TEAM, None), ("reader", Role.READER, None)]
        for directorate in directorates:
            prefix = words.DIRECTORATES[directorate.name].lower()
            wanted.append((f"{prefix}-approver", Role.DIRECTORATE_APPROVER, directorate))
            wanted += [(f"{prefix}-owner-{n}", Role.MEASURE_OWNER, directorate) for n in range(1, per_directorate + 1)]
        users = self.saved(User, [self.person(username, role) for username, role, _ in wanted])
        roles = [
            RoleAssignment(user=user, role=role, directorate=where)
            for user, (_, role, where) in zip(users, wanted, strict=True)
        ]
        self.saved(RoleAssignment, roles)
        owners: dict[int, list[User]] = {}
        for role in roles:
            if role.role == Role.MEASURE_OWNER:
                owners.setdefault(role.directorate.pk, []).append(role.user)
        return owners

    def person(self, username: str, role: Role) -> User:
        team = role == Role.PERFORMANCE_TEAM
        first, last = username.split("-")[0].capitalize(), role.label
        email = f"{username}@synthetic.example"
        return User(
            username=username,
            first_name=first,
            last_name=last,
            email=email,
            password=self.password,
            is_staff=team,
            is_superuser=False,
        )

    # -- measures and actions --------------------------------------------------------------------------

    def measures(self, directorates: list[Directorate], owners: dict[int, list[User]]) -> list[tuple]:
        """(measure, directorate) pairs, in the scorecard's order."""
        placed = []
        for index in range(self.scale.measures):
            directorate = directorates[index % len(directorates)]
            owner = owners[directorate.pk][(index // len(directorates)) % len(owners[directorate.pk])]
            placed.append((self.measure(index, directorate, owner), directorate))
        saved = self.saved(Measure, [measure for measure, _ in placed])
        for measure in saved:
            if not measure.is_action:
                self.base[measure.pk] = figures.base_value(self.rng, measure.unit)
        return list(zip(saved, [directorate for _, directorate in placed], strict=True))

    def measure(self, index: int, directorate: Directorate, owner: User) -> Measure:
        prefix = words.DIRECTORATES[directorate.name]
        if self.rng.random() < SHARE_OF_ACTIONS:
            title = words.action_title(self.rng, index + 1)
            return Measure(
                kind=Measure.Kind.ACTION,
                code=f"{prefix} ACT{index + 1:04d}",
                title=title,
                polarity=Polarity.NONE,
                unit=Unit.MILESTONE,
                owner=owner,
            )
        unit = figures.unit(self.rng)
        annual = self.rng.random() < 0.1
        monthly = Frequency.MONTHLY if self.scale.monthly else Frequency.QUARTERLY
        return Measure(
            code=f"{prefix} PM{index + 1:04d}",
            title=words.measure_title(self.rng),
            polarity=self.rng.choices([Polarity.HIGH, Polarity.LOW, Polarity.NONE], weights=[60, 35, 5])[0],
            unit=unit,
            decimals=figures.decimals_of(unit),
            frequency=Frequency.ANNUAL if annual else monthly,
            reported_in_quarter=self.rng.randint(1, 4) if annual else 4,
            accumulation=figures.accumulation_of(unit),
            comparison=Comparison.PREVIOUS_PERIOD if self.rng.random() < 0.15 else Comparison.SAME_PERIOD_LAST_YEAR,
            owner=owner,
        )

    def aliases(self, measures: list[tuple]) -> None:
        """A former code for one measure in ten, and a national indicator number for one in twenty."""
        rows = []
        for number, (measure, _) in enumerate(measures, start=1):
            if self.rng.random() < 0.1:
                rows.append(MeasureAlias(measure=measure, code=f"OLD {measure.code}"))
            if self.rng.random() < 0.05:
                rows.append(
                    MeasureAlias(measure=measure, code=f"NI {number}", kind=MeasureAlias.Kind.NATIONAL_INDICATOR)
                )
        self.saved(MeasureAlias, rows)

    def scorecards(self, years: list[FinancialYear], measures: list[tuple], directorates) -> None:
        """Each measure's place in every year's scorecard: the same priority, perspective and portfolios."""
        priorities, perspectives, portfolios = self.plan()
        places = [
            (self.rng.choice(priorities), self.rng.choice(perspectives), self.portfolios_of(portfolios))
            for _ in measures
        ]
        entries, chosen = [], []
        for year in years:
            for order, ((measure, directorate), (priority, perspective, in_portfolios)) in enumerate(
                zip(measures, places, strict=True)
            ):
                entries.append(
                    ScorecardEntry(
                        year=year,
                        measure=measure,
                        directorate=directorate,
                        priority=priority,
                        order=order,
                        perspective=None if measure.is_action else perspective,
                    )
                )
                chosen.append(in_portfolios)
        entries = self.saved(ScorecardEntry, entries)
        through = ScorecardEntry.portfolios.through
        links = [
            through(scorecardentry=entry, portfolio=p) for entry, ps in zip(entries, chosen, strict=True) for p in ps
        ]
        through.objects.bulk_create(links, batch_size=BATCH)

    def portfolios_of(self, portfolios: list[Portfolio]) -> list[Portfolio]:
        """Three measures in ten are in a Cabinet portfolio; a few in two."""
        draw = self.rng.random()
        return self.rng.sample(portfolios, 2 if draw < 0.05 else 1 if draw < 0.3 else 0)

    # -- targets ---------------------------------------------------------------------------------------

    def targets(self, years, periods, measures: list[tuple]) -> dict[tuple[int, int, int | None], Target]:
        """Each rated measure's year-end target and quarterly profile, keyed by (measure, year, quarter or None)."""
        rows = []
        for year in years:
            quarters = [period for period in periods if period.year_id == year.pk]
            for measure, _ in measures:
                if measure.is_action or measure.polarity == Polarity.NONE:
                    continue
                year_end = figures.year_end_target(self.rng, self.base[measure.pk], measure.unit)
                rows.append(Target(measure=measure, year=year, value=year_end))
                rows += [
                    Target(
                        measure=measure,
                        year=year,
                        period=period,
                        value=figures.quarter_target(year_end, period.quarter, measure.accumulation, measure.unit),
                    )
                    for period in quarters
                ]
        saved = self.saved(Target, rows)
        return {(target.measure_id, target.year_id, target.period_id): target for target in saved}

    def amendments(self, targets: dict) -> None:
        """One year-end target in fifty was amended at the mid-year review."""
        year_ends = [target for (_, _, quarter), target in targets.items() if quarter is None]
        rows = [
            TargetAmendment(
                target=target,
                old_value=figures.rounded(float(target.value) * 1.1, target.measure.unit),
                new_value=target.value,
                reason="Revised at the mid-year review in light of demand.",
                approved_by="Cabinet Member",
                approved_on=target.year.financial_year.starts.replace(month=10),
            )
            for target in year_ends
            if self.rng.random() < 0.02
        ]
        self.saved(TargetAmendment, rows)

    # -- returns ---------------------------------------------------------------------------------------

    def returns(self, periods: list[Period], measures: list[tuple], targets: dict) -> None:
        for period in periods:
            due = [
                measure
                for measure, _ in measures
                if is_due(Frequency(measure.frequency), period.quarter, reported_in_quarter=measure.reported_in_quarter)
            ]
            made = self.saved(Return, [self.return_for(measure, period, targets) for measure in due])
            self.history(made, period.as_period)

    def return_for(self, measure: Measure, period: Period, targets: dict) -> Return:
        ret = Return(
            measure=measure, period=period, state=WorkflowState.APPROVED, version=3 if self.scale.monthly else 1
        )
        ret._history_user = measure.owner
        if measure.is_action:
            ret.actual_progress = ret.forecast_progress = figures.progress(self.rng)
            self.commentary(ret, below_target=ret.actual_progress in (Progress.SOME_SLIPPAGE, Progress.MAJOR_SLIPPAGE))
            return ret
        target = targets.get((measure.pk, period.year_id, period.pk))
        year_end = targets.get((measure.pk, period.year_id, None))
        if target is None:
            ret.actual = figures.context_only(self.rng, self.base[measure.pk], measure.unit)
            self.commentary(ret, below_target=False)
            return ret
        band = figures.band(self.rng)
        forecast_band = band if self.rng.random() < 0.7 else figures.band(self.rng)
        ret.actual = figures.landing_in(self.rng, band, target.value, measure.polarity, measure.unit)
        ret.forecast = figures.landing_in(self.rng, forecast_band, year_end.value, measure.polarity, measure.unit)
        ret.data_flag = self.rng.choices([DataFlag.FINAL, DataFlag.PROVISIONAL, DataFlag.ESTIMATED], [90, 8, 2])[0]
        self.commentary(ret, below_target={band, forecast_band} & set(figures.BELOW_TARGET))
        return ret

    def commentary(self, ret: Return, *, below_target) -> None:
        """Context always; what is being done and any intervention when below target (and sometimes not)."""
        ret.context = words.paragraph(self.rng, words.CONTEXT, 3)
        if below_target or self.rng.random() < 0.3:
            ret.improvement_actions = words.paragraph(self.rng, words.ACTIONS_TAKEN, 3)
        if below_target:
            ret.intervention = words.paragraph(self.rng, words.INTERVENTIONS, 2)

    def history(self, returns: list[Return], quarter: Quarter) -> None:
        """Who recorded each return and when; a monthly measure's return was revised each month of the quarter."""
        months = 3 if self.scale.monthly else 1
        for month in range(1, months + 1):
            final = month == months
            versions = returns if final else [self.interim(ret) for ret in returns]
            when = moment(quarter.starts + timedelta(days=30 * (3 - months + month) - 5))
            Return.history.bulk_history_create(versions, batch_size=BATCH, default_date=when, update=month > 1)
            self.made["historical returns"] += len(versions)

    def interim(self, ret: Return) -> Return:
        """The return as it stood part-way through the quarter: an earlier month's figure."""
        earlier = copy.copy(ret)
        if ret.actual is not None:
            earlier.actual = figures.rounded(float(ret.actual) * self.rng.uniform(0.9, 1.1), ret.measure.unit)
        return earlier


def moment(day) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)
