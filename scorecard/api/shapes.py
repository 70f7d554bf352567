"""Scorecard's records in the API's shapes (scorecard.api.schemas)."""

from __future__ import annotations

from decimal import Decimal

from scorecard.council.models import FinancialYear, Period
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.reports.common import Table
from scorecard.returns.models import Return
from scorecard.returns.projections import ReturnProjection
from scorecard.returns.selectors import AssessedReturn
from scorecard.returns.validation import allowed_range


def number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def period_shape(period: Period) -> dict:
    return {
        "id": period.pk,
        "year": period.year.label,
        "quarter": period.quarter,
        "month": period.month,
        "label": period.label,
        "state": period.state,
        "deadline": period.deadline,
        "published_at": period.published_at,
        "published_on": period.published_date,
        "back_loading": period.back_loading,
    }


def year_shape(year: FinancialYear, periods: list[Period]) -> dict:
    return {
        "year": year.label,
        "starts": year.financial_year.starts,
        "ends": year.financial_year.ends,
        "completed_status": year.completed_status,
        "inclusion_criterion": year.inclusion_criterion,
        "commentary_required_for_red_amber": year.commentary_required_for_red_amber,
        "collection": year.collection,
        "quarters": [period_shape(period) for period in periods],
    }


def place_shape(entry: ScorecardEntry) -> dict:
    priority = entry.priority
    return {
        "year": entry.year.label,
        "code": entry.display_code,
        "title": entry.display_title,
        "directorate": entry.directorate.name if entry.directorate else "",
        "pledge": priority.pledge.name if priority else "",
        "priority": priority.name if priority else "",
        "perspective": entry.perspective.name if entry.perspective else "",
        "portfolios": [portfolio.name for portfolio in entry.portfolios.all()],
    }


def measure_shape(measure: Measure, entry: ScorecardEntry | None = None) -> dict:
    allowed = allowed_range(measure)
    return {
        "id": measure.pk,
        "kind": measure.kind,
        "code": measure.code,
        "title": measure.title,
        "definition": measure.definition,
        "good_is": measure.polarity,
        "unit": measure.unit,
        "unit_label": measure.unit_label,
        "minimum": number(allowed.lowest),
        "maximum": number(allowed.highest),
        "decimals": measure.decimals,
        "frequency": measure.frequency,
        "comparison": measure.comparison,
        "aliases": [alias.code for alias in measure.aliases.all()],
        "place": place_shape(entry) if entry else None,
    }


def target_shape(target: Target) -> dict:
    return {
        "measure_id": target.measure_id,
        "code": target.measure.code,
        "year": target.year.label,
        "quarter": target.period.quarter if target.period_id else None,
        "month": target.period.month if target.period_id else None,
        "value": number(target.value),
        "progress": target.progress or None,
    }


def target_text(target: Target | None) -> str | None:
    if target is None:
        return None
    return target.progress or number(target.value)


def return_shape(assessed: AssessedReturn, *, with_workflow: bool, projected: ReturnProjection | None = None) -> dict:
    ret, assessment = assessed.ret, assessed.assessment
    return {
        "id": ret.pk,
        "period_id": ret.period_id,
        "period": ret.period.label,
        "measure_id": ret.measure_id,
        "code": ret.measure.code,
        "title": ret.measure.title,
        "actual": number(ret.actual),
        "actual_progress": ret.actual_progress or None,
        "actual_text": ret.actual_text,
        "numerator": number(ret.numerator),
        "denominator": number(ret.denominator),
        "forecast": number(ret.forecast),
        "forecast_progress": ret.forecast_progress or None,
        "data_flag": ret.data_flag,
        "data_note": ret.data_note,
        "context": ret.context,
        "improvement_actions": ret.improvement_actions,
        "intervention": ret.intervention,
        "target": target_text(assessed.target),
        "year_end_target": target_text(assessed.year_end_target),
        "assessment": {
            "status": assessment.status.value,
            "forecast_status": assessment.forecast_status.value,
            "direction": assessment.direction.value,
            "set_by_hand": sorted(assessment.overridden),
            "set_by_hand_reasons": dict(assessment.reasons),
        },
        "projection": projection_shape(projected) if projected and not ret.measure.is_milestone else None,
        "workflow": workflow_shape(ret) if with_workflow else None,
    }


def projection_shape(projected: ReturnProjection) -> dict:
    projection = projected.projection

    def plain_number(value: float | None) -> str | None:
        return None if value is None else plain(Decimal(str(round(value, 6))))

    return {
        "value": plain_number(projection.value) if projection else None,
        "low": plain_number(projection.low) if projection else None,
        "high": plain_number(projection.high) if projection else None,
        "method": projection.method.value if projection else None,
        "coverage": projection.coverage if projection else None,
        "coverage_words": projection.range_words if projection else "",
        "basis": projection.basis if projection else "",
        "required_run_rate": projected.run_rate.words if projected.run_rate else "",
        "forecast_outside_range": projected.forecast_outside,
        "reason": projected.reason,
    }


def workflow_shape(ret: Return) -> dict:
    return {
        "state": ret.state,
        "version": ret.version,
        "returned_comment": ret.returned_comment,
        "challenge": ret.challenge,
        "updated_at": ret.updated_at,
    }


def report_shape(report) -> dict:
    masthead = report.masthead
    return {
        "title": masthead.title,
        "subtitle": masthead.subtitle,
        "organisation": masthead.organisation,
        "fetched_at": masthead.fetched_at,
        "published_on": masthead.published_on,
        "tables": [table_shape(table) for table in report.tables()],
    }


def table_shape(table: Table) -> dict:
    rows = [
        [
            {
                "text": cell.text,
                "number": number(cell.number.value) if cell.number else None,
                "status": cell.status.value if cell.status else None,
            }
            for cell in row
        ]
        for row in table.rows
    ]
    return {"title": table.title, "columns": table.columns, "rows": rows}
