"""Every published case of shared/spc/examples.json, reproduced by the XmR method (NHSRplotthedots v0.2.2)."""

import json
import math
from pathlib import Path

import pytest
from django.conf import settings

from scorecard.performance import spc

EXAMPLES = Path(settings.BASE_DIR).parent / "shared" / "spc" / "examples.json"
# The reference's names for a rule and its side (special_cause_type), to compare with the mocked precedence test
REFERENCE_TYPE = {
    (spc.Rule.OUTSIDE_LIMITS, True): "Above UCL",
    (spc.Rule.OUTSIDE_LIMITS, False): "Below LCL",
    (spc.Rule.TREND, True): "7 Point Trend (Increasing)",
    (spc.Rule.TREND, False): "7 Point Trend (Decreasing)",
    (spc.Rule.TWO_IN_THREE, True): "2 in 3 Above CL",
    (spc.Rule.TWO_IN_THREE, False): "2 in 3 Below CL",
    (spc.Rule.SHIFT, True): "7 Points Above CL",
    (spc.Rule.SHIFT, False): "7 Points Below CL",
    None: "Common Cause",
}


def examples():
    if not EXAMPLES.exists():
        pytest.fail(f"the SPC examples are not in {EXAMPLES}: the tests need shared/ beside the clone")
    return json.loads(EXAMPLES.read_text())


def cases():
    return [pytest.param(case, id=case["id"]) for case in examples()["cases"]]


def unit_cases():
    return [pytest.param(case, id=case["id"]) for case in examples()["unit_cases"]]


def close_enough(got, published, precision):
    """As printed: to the published significant digits or decimals (half a unit of the last digit), or within a
    published absolute tolerance."""
    if "sig" in precision:
        decimals = precision["sig"] - 1 - math.floor(math.log10(abs(published)))
    else:
        decimals = precision.get("decimals")
    tolerance = precision["abs"] if decimals is None else 0.5 * 10**-decimals * (1 + 1e-9)
    return abs(got - published) <= tolerance


def chart_for(case):
    options = case["options"]
    return spc.chart_of(
        [float(v) for v in case["values"]],
        case["improvement_direction"],
        [case["target"]] * len(case["values"]),
        options.get("rebase_start_indices") or (),
        options.get("fix_after_n_points"),
        options.get("screen_outliers", True),
    )


def segment_figures(chart, key):
    segments = [segment.limits for segment in chart.segments]
    name = {"mean": "mean", "lpl": "lower", "upl": "upper", "nlpl": "near_lower", "nupl": "near_upper"}[key]
    return [getattr(limits, name) for limits in segments]


def per_point(chart, key):
    if key == "point_type":
        return [point.point_type for point in chart.points]
    return [getattr(point, "special_cause" if key == "special_cause_flag" else key) for point in chart.points]


def anchored(listed, expected, offset):
    got = listed[offset:] if offset < 0 else listed
    return [(g, e) for g, e in zip(got, expected, strict=False) if e is not None]


@pytest.mark.parametrize("case", cases())
def test_published_case_is_reproduced(case):
    chart = chart_for(case)
    expected = case["expected"]
    precision = expected.get("precision", {}).get("default", {"abs": 1e-9})
    for key in ("mean", "lpl", "upl", "nlpl", "nupl"):
        if key in expected:
            published = expected[key] if isinstance(expected[key], list) else [expected[key]]
            got = segment_figures(chart, key)
            assert len(got) == len(published), key
            for value, figure in zip(got, published, strict=True):
                assert close_enough(value, figure, precision), (key, value, figure)
    for key in ("relative_to_mean", "outside_limits", "close_to_limits", "special_cause_flag", "point_type"):
        if key in expected:
            pairs = anchored(per_point(chart, key), expected[key], expected.get(f"{key}_offset", 0))
            assert [g for g, _ in pairs] == [e for _, e in pairs], key
    if "variation_icon" in expected:
        assert chart.variation == expected["variation_icon"]
    if "assurance" in expected:
        assert (chart.assurance or "NA") == expected["assurance"]


def run_unit(function, args):
    if function == "ptd_seven_point_one_side_mean":
        return spc.shift_marks(*args)
    if function == "ptd_seven_point_trend":
        return spc.trend_marks(*args)
    if function == "ptd_part_of_seven_trend":
        return spc.part_of_run(*args)
    if function == "ptd_two_in_three":
        close, sides = [*args, []][:2]
        return spc.two_in_three(close, sides * len(close) if len(sides) == 1 else sides)  # R recycles one side
    if function == "part_of_two_in_three_pipeline":
        close, sides = args
        return spc.part_of_two_in_three(spc.two_in_three(close, sides), close)
    if function == "ptd_part_of_two_in_three":
        return spc.part_of_two_in_three(*args)
    if function == "special_cause_flag":
        values, outside, close, sides = args
        return [cause is not None for cause in spc.special_causes(values, sides, outside, close)]
    if function == "special_cause_type_from_parts":
        return [REFERENCE_TYPE[cause] for cause in spc.first_rules(*args)]
    if function == "assurance_type":
        target, lower, upper, improvement = args
        return spc.assurance_type(target, lower, upper, improvement) or "NA"
    raise AssertionError(f"no helper for {function}")


@pytest.mark.parametrize("case", unit_cases())
def test_published_rule_check_is_reproduced(case):
    got = run_unit(case["function"], case["args"])
    expected = case["expected"]
    if isinstance(expected, list) and case["function"] != "special_cause_type_from_parts":
        assert [int(g) for g in got] == [int(e) for e in expected]  # the sources print 0/1 or false/true
    else:
        assert got == expected
