"""The demo's real series for SPC: imported through the history import, charted sensibly, the default unchanged."""

import csv
from decimal import Decimal

from django.conf import settings

from scorecard.accounts.models import User
from scorecard.council.models import Period
from scorecard.council.selectors import latest_period_seen_by
from scorecard.measures.models import Measure, Target
from scorecard.performance.spc import improvement_for, xmr
from scorecard.performance.spc_series import Recorded, chart_series
from scorecard.performance.spc_words import chart_sentence
from scorecard.performance.status import Status
from scorecard.reports.dashboard import build_dashboard
from scorecard.reports.improvement import build_improvement_report
from scorecard.returns.models import Return


def held(code: str) -> list[Return]:
    returns = Return.objects.filter(measure__code=code).select_related("period__year")
    return sorted(returns, key=lambda ret: (ret.period.year.start_year, ret.period.quarter))


def derby_oflog() -> dict[tuple[str, str], Decimal]:
    with (settings.DEMO_DATA_DIR / "oflog" / "adult_social_care.csv").open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["Local authority code"] == "E06000015"]
    return {(f"ASCOF {row['Code']}", row["Financial year"].replace("-", "/")): Decimal(row["Value"]) for row in rows}


def test_every_page_still_opens_on_2018_19_q2(demo):
    for username in ("performance", "reader"):
        assert latest_period_seen_by(User.objects.get(username=username)).label == "2018/19 Q2"


def test_the_demo_holds_derbys_adult_social_care_outcomes_up_to_2017_18(demo):
    published = derby_oflog()
    codes = {code for code, _ in published}
    assert codes == {f"ASCOF ASC{n}" for n in range(1, 8)}
    for code in codes:
        measure = Measure.objects.get(code=code)
        assert (measure.frequency, measure.accumulation) == ("annual", "discrete")
        for ret in held(code):
            assert ret.period.quarter == 4
            assert ret.actual == published[code, ret.period.year.label].quantize(Decimal("0.000001"))
        years = {ret.period.year.label for ret in held(code)}
        assert years == {year for c, year in published if c == code and year <= "2017/18"}
    assert Measure.objects.get(code="ASCOF ASC3").polarity == "high"  # Oflog ranks it descending
    assert Measure.objects.get(code="ASCOF ASC7").polarity == "none"


def test_the_royal_derbys_four_hour_performance_is_ten_quarters_to_2018_19_q2(demo):
    returns = held("RTG A&E 4HR")
    assert [ret.period.label for ret in returns][::3] == ["2016/17 Q1", "2016/17 Q4", "2017/18 Q3", "2018/19 Q2"]
    assert len(returns) == 10
    assert returns[3].actual == Decimal("82.937072")  # January to March 2017: 100 x (1 - 5,526 / 32,386)
    assert "95%" in Measure.objects.get(code="RTG A&E 4HR").definition


def test_the_95_percent_standard_is_the_target_of_every_quarter_held_and_each_year_end(demo):
    targets = Target.objects.filter(measure__code="RTG A&E 4HR").select_related("year", "period")
    quarters = {target.period.label for target in targets if target.period}
    assert quarters == {ret.period.label for ret in held("RTG A&E 4HR")}
    assert {target.year.label for target in targets if target.period is None} == {"2016/17", "2017/18", "2018/19"}
    assert {target.value for target in targets} == {Decimal(95)}
    # Set by the targets import, so kept in the targets' history with who set them.
    assert all(target.history.get().history_user.username == "performance" for target in targets)


def test_the_four_hour_chart_is_steady_and_cannot_meet_the_95_percent_standard(demo):
    measure = Measure.objects.get(code="RTG A&E 4HR")
    returns = held(measure.code)
    series = chart_series([Recorded(ret.period.quarter, ret.actual) for ret in returns], "discrete")
    targets = {target.period_id: target.value for target in Target.objects.filter(measure=measure)}
    chart = xmr(series.values, improvement_for(measure.polarity), target=[targets[r.period_id] for r in returns])
    assert 77 < chart.points[0].lower < chart.points[0].mean < chart.points[0].upper < 90
    assert chart.variation == "common_cause"
    assert chart.assurance == "consistent_fail"
    assert chart.trial_limits
    assert "consistently fail it" in chart_sentence(chart, "{:.1f}%".format)


def test_the_dashboard_says_the_four_hour_target_is_consistently_failed_and_red(demo):
    period = Period.objects.get(year__start_year=2018, quarter=2)
    (row,) = [row for row in build_dashboard(period).rows if row.code == "RTG A&E 4HR"]
    assert row.spc.assurance_words == "Consistently failing the target"
    assert row.status == Status.RED


def test_the_improvement_reports_list_the_four_hour_measure_in_the_quarters_it_missed_the_target(demo):
    for start_year, quarter in ((2017, 2), (2018, 1), (2018, 2)):
        report = build_improvement_report(Period.objects.get(year__start_year=start_year, quarter=quarter))
        assert "RTG A&E 4HR" in {row.code for row in report.rows}


def test_the_adult_social_care_charts_are_trial_charts_of_their_few_years(demo):
    for measure in Measure.objects.filter(code__startswith="ASCOF "):
        values = [ret.actual for ret in held(measure.code)]
        series = chart_series([Recorded(1, v) for v in values], measure.accumulation)
        chart = xmr(series.values, improvement_for(measure.polarity))
        assert [point.value for point in chart.points] == [float(v) for v in values]
        assert chart.variation == "common_cause"
        assert chart.trial_limits
