"""SPC in words: the icons' words and the sentence a councillor reads."""

from scorecard.performance.spc import Assurance, Variation, xmr
from scorecard.performance.spc_words import (
    ASSURANCE_WORDS,
    VARIATION_WORDS,
    assurance_words,
    chart_sentence,
    trial_limits_words,
    variation_words,
)

STEADY = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 13, 11]


def test_every_variation_and_assurance_has_its_words():
    assert set(VARIATION_WORDS) == set(Variation)
    assert set(ASSURANCE_WORDS) == set(Assurance)
    assert variation_words(Variation.IMPROVEMENT_HIGH) == "Special cause — improving, high"
    assert variation_words(Variation.COMMON_CAUSE) == "Common cause — no significant change"
    assert assurance_words(Assurance.CONSISTENT_PASS) == "Consistently passing the target"
    assert assurance_words(Assurance.INCONSISTENT) == "Inconsistently passing the target"
    assert assurance_words(Assurance.CONSISTENT_FAIL) == "Consistently failing the target"
    assert assurance_words(None) == "No assurance: no target, or no process limits yet"


def test_a_steady_chart_reads_as_common_cause_and_hit_and_miss():
    sentence = chart_sentence(xmr(STEADY, "increase", target=12))
    assert sentence.startswith("The latest value, 11, is within the process limits (")
    assert "common cause variation, no significant change" in sentence
    assert "The target of 12 lies within the process limits, so the process will sometimes pass" in sentence
    assert "trial limits" not in sentence


def test_a_special_cause_says_its_nature_and_its_rule():
    sentence = chart_sentence(xmr([*STEADY, 40], "decrease", target=30))
    assert "The latest value, 40, shows special cause variation of a concerning nature" in sentence
    assert "above the upper process limit" in sentence
    assert "The target of 30 lies above the upper process limit, so as things stand the process will " in sentence
    assert sentence.endswith("consistently pass it.")


def test_figures_are_shown_as_the_measure_shows_them():
    sentence = chart_sentence(xmr(STEADY, "increase", target=5), shown="{:.1f}%".format)
    assert "The latest value, 11.0%," in sentence
    assert "The target of 5.0% lies below the lower process limit" in sentence


def test_fewer_than_twelve_values_are_called_trial_limits():
    chart = xmr(STEADY[:8], "increase")
    assert trial_limits_words(chart) == (
        "These are trial limits from 8 values: limits become firm with at least 12 values, "
        "and Making Data Count advises 15 to 20."
    )
    assert chart_sentence(chart).endswith("advises 15 to 20.")
    assert trial_limits_words(xmr(STEADY, "increase")) == ""


def test_a_single_value_cannot_be_judged():
    assert chart_sentence(xmr([5], "increase", target=4)) == (
        "The latest value, 5, cannot yet be judged: there are too few values to set process limits."
    )


def test_no_values_say_so():
    assert chart_sentence(xmr([None, None], "increase")) == "There are no values to chart yet."
    assert variation_words(None) == "No values to chart"
