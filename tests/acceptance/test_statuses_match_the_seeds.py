"""Every demo return's status, forecast status and direction equals what its seed printed.

The rules give most of them; the council's printed word stands, as an override with its reason, only
where demo/overrides.yaml lists it, and every listed override is one the rules would not have given.
"""

import pytest
import yaml
from django.conf import settings

from scorecard.council.models import OrganisationSettings, Period
from scorecard.measures.models import Measure
from scorecard.measures.selectors import measure_with_code
from scorecard.performance.direction import Direction
from scorecard.performance.periods import Quarter
from scorecard.performance.status import Status
from scorecard.returns.assessment import assess_return
from scorecard.returns.models import Return
from scorecard.returns.selectors import assessed_returns
from tests.acceptance.conftest import period_files

FIELDS = ("status", "forecast_status", "direction")


def printed_words():
    """(period label, row, field, printed word) for every word a seed printed."""
    for data in period_files():
        label = f"{data['year']} Q{data['quarter']}"
        for row in [*(data.get("measures") or []), *(data.get("actions") or [])]:
            for field in FIELDS:
                if row["published"].get(field) is not None:
                    yield label, row, field, row["published"][field]


def parse(field: str, word: str):
    return Direction.parse(word) if field == "direction" else Status.parse(word)


def assessed_by_measure(label: str) -> dict[int, object]:
    quarter = Quarter.parse(label)
    period = Period.objects.get(year__start_year=quarter.year.start_year, quarter=quarter.number)
    return {item.ret.measure_id: item for item in assessed_returns(period)}


def measure_of(row: dict) -> Measure:
    if row.get("code"):
        return measure_with_code([row["code"]])
    return Measure.objects.get(kind=Measure.Kind.ACTION, title=row["title"])


def test_every_printed_status_and_direction_is_ours_too(demo):
    assessed = {label: assessed_by_measure(label) for label in {word[0] for word in printed_words()}}
    differences = [
        f"{label} {row.get('code') or row['title'][:40]} {field}: printed {word}, ours {got.label}"
        for label, row, field, word in printed_words()
        if (got := getattr(assessed[label][measure_of(row).pk].assessment, field)) != parse(field, word)
    ]
    assert differences == []


def test_the_seeds_print_hundreds_of_words_to_check():
    words = list(printed_words())
    assert len(words) > 400
    assert {field for _, _, field, _ in words} == set(FIELDS)


def overrides() -> list[dict]:
    return yaml.safe_load((settings.DEMO_DIR / "overrides.yaml").read_text())


def test_overrides_exist_only_where_demo_overrides_yaml_lists_them(demo):
    overridden = sum(bool(getattr(ret, f"{field}_override")) for ret in Return.objects.all() for field in FIELDS)
    assert overridden == len(overrides())


@pytest.mark.parametrize("override", overrides(), ids=lambda o: f"{o['period']} {o.get('code') or o['title'][:30]}")
def test_each_override_keeps_a_word_the_rules_would_not_give(demo, override):
    item = assessed_by_measure(override["period"])[measure_of(override).pk]
    ret = item.ret
    assert override["reason"].startswith("As published")
    assert getattr(ret, f"{override['field']}_override_reason") == override["reason"]
    setattr(ret, f"{override['field']}_override", "")
    by_rule = assess_return(
        ret,
        target=item.target,
        year_end_target=item.year_end_target,
        comparison=item.comparison,
        organisation=OrganisationSettings.load(),
    )
    assert getattr(by_rule, override["field"]) != parse(override["field"], override["value"])
