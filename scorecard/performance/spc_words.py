"""SPC in words: the variation and assurance icons' words as Making Data Count writes them, and a sentence a
councillor can read about a chart."""

from __future__ import annotations

from collections.abc import Callable

from scorecard.performance.spc import FEWEST_FIXED_POINTS, Assurance, Chart, PointType, Rule, Variation

VARIATION_WORDS = {
    Variation.COMMON_CAUSE: "Common cause — no significant change",
    Variation.IMPROVEMENT_HIGH: "Special cause — improving, high",
    Variation.IMPROVEMENT_LOW: "Special cause — improving, low",
    Variation.CONCERN_HIGH: "Special cause — concerning, high",
    Variation.CONCERN_LOW: "Special cause — concerning, low",
    Variation.NEUTRAL_HIGH: "Special cause — neither improving nor concerning, high",
    Variation.NEUTRAL_LOW: "Special cause — neither improving nor concerning, low",
}
ASSURANCE_WORDS = {
    Assurance.CONSISTENT_PASS: "Consistently passing the target",
    Assurance.INCONSISTENT: "Inconsistently passing the target",
    Assurance.CONSISTENT_FAIL: "Consistently failing the target",
}
POINT_TYPE_WORDS = {
    PointType.COMMON_CAUSE: "Common cause",
    PointType.IMPROVEMENT: "Special cause — improvement",
    PointType.CONCERN: "Special cause — concern",
    PointType.NEUTRAL_HIGH: "Special cause — high",
    PointType.NEUTRAL_LOW: "Special cause — low",
}
RULE_WORDS = {  # (rule, high) → why the point is special
    (Rule.OUTSIDE_LIMITS, True): "above the upper process limit",
    (Rule.OUTSIDE_LIMITS, False): "below the lower process limit",
    (Rule.TREND, True): "part of a run of 7 or more values each higher than the last",
    (Rule.TREND, False): "part of a run of 7 or more values each lower than the last",
    (Rule.TWO_IN_THREE, True): "two of three values close to the upper process limit",
    (Rule.TWO_IN_THREE, False): "two of three values close to the lower process limit",
    (Rule.SHIFT, True): "part of a run of 7 or more values above the mean",
    (Rule.SHIFT, False): "part of a run of 7 or more values below the mean",
}
NATURE = {
    PointType.IMPROVEMENT: "an improving",
    PointType.CONCERN: "a concerning",
    PointType.NEUTRAL_HIGH: "a neutral",
    PointType.NEUTRAL_LOW: "a neutral",
}
FIRM_LIMITS = "15 to 20"  # Making Data Count's rule of thumb for limits that are no longer trial limits

Shown = Callable[[float], str]


def variation_words(variation: Variation | None) -> str:
    return "No values to chart" if variation is None else VARIATION_WORDS[variation]


def assurance_words(assurance: Assurance | None) -> str:
    return "No assurance: no target, or no process limits yet" if assurance is None else ASSURANCE_WORDS[assurance]


def rule_words(rule: Rule | None, high: bool | None) -> str:
    return "" if rule is None else RULE_WORDS[(rule, bool(high))]


def trial_limits_words(chart: Chart) -> str:
    """Said when fewer than 12 values set the latest limits (Making Data Count: 15 to 20 for firm limits); nothing
    when there are no limits at all."""
    if not chart.trial_limits or chart.latest is None or chart.points[chart.latest].upper is None:
        return ""
    counted = chart.segments[chart.points[chart.latest].segment].baseline
    values = "value" if counted == 1 else "values"
    return (
        f"These are trial limits from {counted} {values}: limits become firm with at least {FEWEST_FIXED_POINTS} "
        f"values, and Making Data Count advises {FIRM_LIMITS}."
    )


def chart_sentence(chart: Chart, shown: Shown = "{:,g}".format) -> str:
    """What the chart says about the latest value and the target, in plain words; `shown` prints a figure as the
    measure does (its unit and decimals)."""
    if chart.latest is None:
        return "There are no values to chart yet."
    sentences = [_latest_sentence(chart, shown), _assurance_sentence(chart, shown), trial_limits_words(chart)]
    return " ".join(sentence for sentence in sentences if sentence)


def _latest_sentence(chart: Chart, shown: Shown) -> str:
    point = chart.points[chart.latest]
    opening = f"The latest value, {shown(point.value)},"
    if point.upper is None:
        return f"{opening} cannot yet be judged: there are too few values to set process limits."
    if point.point_type is PointType.COMMON_CAUSE:
        return (
            f"{opening} is within the process limits ({shown(point.lower)} to {shown(point.upper)}) and no "
            "rule marks it out: common cause variation, no significant change."
        )
    return (
        f"{opening} shows special cause variation of {NATURE[point.point_type]} nature: it is "
        f"{rule_words(point.rule, point.high)}."
    )


def _assurance_sentence(chart: Chart, shown: Shown) -> str:
    point = chart.points[chart.latest]
    if chart.assurance is None or point.upper is None:
        return ""
    target = f"The target of {shown(point.target)}"
    if chart.assurance is Assurance.INCONSISTENT:
        return f"{target} lies within the process limits, so the process will sometimes pass and sometimes fail it."
    side = "above the upper" if point.target > point.upper else "below the lower"
    outcome = "consistently pass" if chart.assurance is Assurance.CONSISTENT_PASS else "consistently fail"
    return f"{target} lies {side} process limit, so as things stand the process will {outcome} it."
