"""Loads the Derby demo (`demo/`) into the database: one transaction, and loading twice changes nothing.

A row is only saved when something in it differs, so a second load writes no history either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from scorecard.accounts.models import RoleAssignment, User
from scorecard.accounts.services import administration_group
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
from scorecard.demo.real_series import load_real_series
from scorecard.measures.models import Measure, MeasureAlias, ScorecardEntry, Target, TargetAmendment, Unit
from scorecard.measures.selectors import measure_with_code, normalised
from scorecard.performance.direction import Direction
from scorecard.performance.milestones import Progress
from scorecard.performance.periods import FinancialYear as Year
from scorecard.performance.periods import Quarter
from scorecard.performance.status import Polarity, Status
from scorecard.returns.models import DataFlag, Return, WorkflowState

NATIONAL_INDICATOR = re.compile(r"^(NI|BVPI|BV)\s*\d", re.IGNORECASE)


@dataclass
class LoadReport:
    """What a load did, for the command to print."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # what could not be loaded here, and why

    def count(self, model: type[models.Model], created: bool) -> None:
        tally = self.created if created else self.updated
        name = model._meta.verbose_name_plural
        tally[name] = tally.get(name, 0) + 1

    @property
    def changed_nothing(self) -> bool:
        return not self.created and not self.updated


class DemoLoader:
    def __init__(self, demo_dir: Path, data_dir: Path | None = None):
        self.demo_dir = demo_dir
        self.data_dir = data_dir or settings.DEMO_DATA_DIR
        self.report = LoadReport()

    @transaction.atomic
    def load(self) -> LoadReport:
        organisation = read_yaml(self.demo_dir / "organisation.yaml")
        self.load_organisation(organisation)
        files = [read_yaml(path) for path in sorted((self.demo_dir / "periods").glob("*.yaml"))]
        rows = [(data, row) for data in files for row in data.get("measures") or []]
        measures = self.load_catalogue([row for _, row in rows])
        self.load_scorecards(files, measures)
        recorded = set()
        for data, row in rows:
            recorded.add(self.load_row(data, row, measures[id(row)]))
        for data in files:
            for row in data.get("actions") or []:
                recorded.add(self.action_return(self.period(data), self.action(row), row))
        self.load_previous_year(files, measures, recorded)
        self.load_overrides(read_yaml(self.demo_dir / "overrides.yaml"))
        self.load_collection_rounds(organisation["open_for_returns"])
        load_real_series(self, before=min(Quarter.parse(label) for label in organisation["open_for_returns"]))
        return self.report

    # -- saving only what changed ---------------------------------------------------------------

    def upsert(self, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
        row = model.objects.filter(**lookup).first()
        if row is None:
            row = model.objects.create(**{**lookup, **values})
            self.report.count(model, created=True)
            return row
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(row, name, value)
            row.save()
            self.report.count(model, created=False)
        return row

    # -- the organisation ----------------------------------------------------------------------

    def load_organisation(self, data: dict) -> None:
        self.upsert(OrganisationSettings, {"pk": 1}, decimals_of(data["organisation"]))
        # The demo is a council set up: no first-run page, and start_council refuses.
        OrganisationSettings.objects.filter(pk=1, set_up_at__isnull=True).update(set_up_at=timezone.now())
        for label, year_settings in data["years"].items():
            self.year(label, year_settings)
        for order, (pledge_name, priorities) in enumerate(data["pledges"].items()):
            pledge = self.upsert(Pledge, {"name": pledge_name}, {"order": order})
            for position, name in enumerate(priorities):
                self.upsert(Priority, {"pledge": pledge, "name": name}, {"order": position})
        for model, key in ((Directorate, "directorates"), (Perspective, "perspectives"), (Portfolio, "portfolios")):
            for order, name in enumerate(data[key]):
                self.upsert(model, {"name": name}, {"order": order})
        for person in data["users"]:
            self.user(person, data["password"], data["email_domain"])

    def year(self, label: str, settings: dict | None = None) -> FinancialYear:
        values = {}
        if settings:
            values = {
                "completed_status": Status.parse(settings["completed"]).value,
                "inclusion_criterion": settings["inclusion"],
                "same_direction_label": settings["same_direction"],
            }
        year = self.upsert(FinancialYear, {"start_year": Year.parse(label).start_year}, values)
        for quarter in range(1, 5):
            self.upsert(Period, {"year": year, "quarter": quarter}, {})
        return year

    def user(self, person: dict, password: str, email_domain: str) -> None:
        first, _, last = person["name"].partition(" ")
        staff = person["role"] == "performance_team"
        values = {
            "first_name": first,
            "last_name": last,
            "job_title": person["job_title"],
            "email": f"{person['username']}@{email_domain}",
            "is_staff": staff,  # the administration pages, with the team's permissions only: not a superuser
            "is_superuser": False,
        }
        user = self.upsert(User, {"username": person["username"]}, values)
        if staff:
            user.groups.add(administration_group())
        if not user.has_usable_password() or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        directorate = Directorate.objects.get(name=person["directorate"]) if person.get("directorate") else None
        self.upsert(RoleAssignment, {"user": user, "role": person["role"], "directorate": directorate}, {})

    # -- the measures, merged across seeds -----------------------------------------------------

    def load_catalogue(self, rows: list[dict]) -> dict[int, Measure]:
        """One measure for every group of rows sharing a code or alias; the latest seed's details win."""
        groups: list[tuple[set[str], list[dict]]] = []
        for row in rows:
            codes = {normalised(code) for code in row_codes(row)}
            joined = [group for group in groups if group[0] & codes]
            merged = (codes.union(*(g[0] for g in joined)), [r for g in joined for r in g[1]] + [row])
            groups = [group for group in groups if group not in joined] + [merged]
        measures = {}
        for _, group_rows in groups:
            measure = self.measure(group_rows)
            measures.update({id(row): measure for row in group_rows})
        return measures

    def measure(self, rows: list[dict]) -> Measure:
        latest = rows[-1]
        codes = list(dict.fromkeys(code for row in rows for code in row_codes(row)))
        values = {
            "kind": Measure.Kind.MEASURE,
            "code": latest["code"],
            "title": latest["title"],
            "polarity": Polarity.parse(latest.get("good_is")).value,
            "unit": latest["unit"],
            "decimals": latest["decimals"],
            "frequency": latest["frequency"],
            "reported_in_quarter": latest.get("reported_in_quarter", 4),
            "accumulation": latest["accumulation"],
            "reporting_lag_months": latest.get("reporting_lag_months", 0),
            "owner": owner_for(next((row["directorate"] for row in reversed(rows) if row.get("directorate")), None)),
        }
        existing = measure_with_code(codes)
        measure = self.upsert(Measure, {"pk": existing.pk} if existing else {"code": latest["code"]}, values)
        for code in codes:
            if normalised(code) != normalised(measure.code):
                kind = MeasureAlias.Kind.NATIONAL_INDICATOR if NATIONAL_INDICATOR.match(code) else "former_code"
                self.upsert(MeasureAlias, {"measure": measure, "code": code}, {"kind": kind})
        return measure

    def action(self, row: dict) -> Measure:
        values = {"kind": Measure.Kind.ACTION, "unit": Unit.MILESTONE, "polarity": Polarity.NONE.value}
        return self.upsert(Measure, {"kind": Measure.Kind.ACTION, "title": row["title"]}, values)

    # -- each year's scorecard -----------------------------------------------------------------

    def load_scorecards(self, files: list[dict], measures: dict[int, Measure]) -> None:
        """A measure's place in a year's scorecard, from the year's latest seed that lists it."""
        entries: dict[tuple[str, int], tuple[Measure, dict, int]] = {}
        for data in files:
            for order, row in enumerate(data.get("measures") or []):
                measure = measures[id(row)]
                entries[data["year"], measure.pk] = (measure, row, order)
            for order, row in enumerate(data.get("actions") or [], start=1000):
                action = self.action(row)
                entries[data["year"], action.pk] = (action, row, order)
        for (year_label, _), (measure, row, order) in entries.items():
            self.entry(self.year(year_label), measure, row, order)

    def entry(self, year: FinancialYear, measure: Measure, row: dict, order: int) -> None:
        values = {
            "order": order,
            "directorate": self.named(Directorate, row.get("directorate")),
            "perspective": self.named(Perspective, row.get("perspective")),
            "priority": priority_named(row.get("pledge"), row.get("priority")),
            "code": row.get("code") or "",
            "title": row["title"],
        }
        entry = self.upsert(ScorecardEntry, {"year": year, "measure": measure}, values)
        if row.get("in_portfolio"):
            portfolio = Portfolio.objects.get(name="Housing and Advice")
            if not entry.portfolios.filter(pk=portfolio.pk).exists():
                entry.portfolios.add(portfolio)
                self.report.count(ScorecardEntry, created=False)

    def named(self, model: type[models.Model], name: str | None):
        """A directorate or perspective a seed names; ones not in organisation.yaml sort after it."""
        if not name:
            return None
        existing = model.objects.filter(name=name).first()
        return existing or self.upsert(model, {"name": name}, {"order": 100})

    # -- each quarter's figures ----------------------------------------------------------------

    def period(self, data: dict) -> Period:
        return Period.objects.get(year=self.year(data["year"]), quarter=data["quarter"])

    def load_row(self, data: dict, row: dict, measure: Measure) -> tuple[int, int]:
        period = self.period(data)
        self.targets(period, measure, row)
        return self.measure_return(period, measure, row)

    def targets(self, period: Period, measure: Measure, row: dict) -> None:
        year = period.year
        if row.get("target") is not None:
            self.upsert(Target, {"measure": measure, "year": year, "period": period}, figure_fields(row["target"]))
        if row.get("year_end_target") is None:
            return
        year_end = figure_fields(row["year_end_target"])
        target = self.upsert(Target, {"measure": measure, "year": year, "period": None}, year_end)
        amendment = row.get("target_amendment")
        if amendment:
            values = {"new_value": decimal_or_none(amendment.get("new")), "reason": amendment["reason"].strip()}
            self.upsert(TargetAmendment, {"target": target, "old_value": decimal_or_none(amendment["old"])}, values)

    def measure_return(self, period: Period, measure: Measure, row: dict) -> tuple[int, int]:
        values = {
            **figure_fields(row.get("actual"), prefix="actual"),
            **figure_fields(row.get("forecast"), prefix="forecast"),
            "actual_text": row.get("actual_text") or "",
            "data_flag": flag(row.get("flag")),
            "data_note": row.get("flag_note") or "",
            "context": text(row.get("context")),
            "improvement_actions": text(row.get("improvement_actions")),
            "intervention": text(row.get("intervention")),
            "state": WorkflowState.SUBMITTED if row.get("commentary_provisional") else WorkflowState.APPROVED,
        }
        self.upsert(Return, {"measure": measure, "period": period}, values)
        return measure.pk, period.pk

    def action_return(self, period: Period, action: Measure, row: dict) -> tuple[int, int]:
        values = {"actual_progress": Progress.parse(row["progress"]).value, "state": WorkflowState.APPROVED}
        self.upsert(Return, {"measure": action, "period": period}, values)
        return action.pk, period.pk

    def load_previous_year(self, files: list[dict], measures: dict[int, Measure], recorded: set) -> None:
        """Returns known only from a "previous year" column: the same quarter a year before.

        A quarter that a seed reports in full keeps its own figures.
        """
        for data in files:
            for row in data.get("measures") or []:
                self.previous_return(data, measures[id(row)], row.get("previous_actual"), row, recorded)
            for row in data.get("actions") or []:
                self.previous_return(data, self.action(row), row.get("previous_progress"), row, recorded)

    def previous_return(self, data: dict, measure: Measure, actual, row: dict, recorded: set) -> None:
        if actual is None:
            return
        year = self.year(Year.parse(data["year"]).previous.label)
        earlier = Period.objects.get(year=year, quarter=data["quarter"])
        if (measure.pk, earlier.pk) in recorded:
            return
        values = {
            **figure_fields(actual, prefix="actual"),
            "data_note": row.get("previous_flag_note") or "",
            "state": WorkflowState.APPROVED,
        }
        self.upsert(Return, {"measure": measure, "period": earlier}, values)

    # -- collection rounds ---------------------------------------------------------------------

    def load_collection_rounds(self, open_for_returns: dict) -> None:
        """Quarters the seeds report are closed and published (when first loaded); the listed ones are open."""
        for period in Period.objects.filter(returns__isnull=False).distinct():
            published = {} if period.published_at else {"published_at": timezone.now()}
            self.upsert(Period, {"pk": period.pk}, {"state": Period.State.CLOSED, **published})
        for label, deadline in open_for_returns.items():
            quarter = Quarter.parse(label)
            year = self.year(quarter.year.label)
            self.upsert(
                Period, {"year": year, "quarter": quarter.number}, {"state": Period.State.OPEN, "deadline": deadline}
            )

    # -- overrides -----------------------------------------------------------------------------

    def load_overrides(self, overrides: list[dict]) -> None:
        for override in overrides:
            ret = override_target(override)
            field_name = f"{override['field']}_override"
            parse = Direction.parse if override["field"] == "direction" else Status.parse
            values = {field_name: parse(override["value"]).value, f"{field_name}_reason": override["reason"]}
            self.upsert(Return, {"pk": ret.pk}, values)


def read_yaml(path: Path):
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def row_codes(row: dict) -> list[str]:
    return [row["code"], *(row.get("aliases") or [])]


def owner_for(directorate: str | None) -> User | None:
    if not directorate:
        return None
    assignment = RoleAssignment.objects.filter(role="measure_owner", directorate__name=directorate).first()
    return assignment.user if assignment else None


def priority_named(pledge: str | None, name: str | None) -> Priority | None:
    if not name:
        return None
    return Priority.objects.get(pledge__name=pledge, name=name)


def figure_fields(value, *, prefix: str | None = None) -> dict:
    """A figure is a number or a progress word; it goes in the value field or the progress field."""
    number_field, progress_field = (prefix, f"{prefix}_progress") if prefix else ("value", "progress")
    if isinstance(value, str):
        return {number_field: None, progress_field: Progress.parse(value).value}
    return {number_field: decimal_or_none(value), progress_field: ""}


def decimal_or_none(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def decimals_of(values: dict) -> dict:
    return {key: Decimal(str(value)) if isinstance(value, float) else value for key, value in values.items()}


def flag(word: str | None) -> str:
    return DataFlag(word.lower()).value if word else DataFlag.FINAL.value


def text(value: str | None) -> str:
    return (value or "").strip()


def override_target(override: dict) -> Return:
    quarter = Quarter.parse(override["period"])
    period = Period.objects.get(year__start_year=quarter.year.start_year, quarter=quarter.number)
    if override.get("code"):
        return Return.objects.get(period=period, measure=measure_with_code([override["code"]]))
    return Return.objects.get(period=period, measure__kind=Measure.Kind.ACTION, measure__title=override["title"])
