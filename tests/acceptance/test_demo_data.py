"""The Derby demo: complete, idempotent, readable, and in our own words."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from simple_history.models import registered_models

from scorecard.accounts import permissions
from scorecard.accounts.models import Role, RoleAssignment
from scorecard.demo.loader import DemoLoader
from scorecard.measures.models import Measure, ScorecardEntry
from scorecard.returns.models import Return
from tests.acceptance.conftest import period_files, seed_text

COMMENTARIES = ("context", "improvement_actions", "intervention")


def history_rows() -> int:
    return sum(model.history.count() for model in registered_models.values() if hasattr(model, "history"))


def test_loading_the_demo_again_changes_nothing(demo):
    before = history_rows()
    report = DemoLoader(settings.DEMO_DIR).load()
    assert report.changed_nothing
    assert history_rows() == before


def test_every_seed_row_is_in_its_years_scorecard(demo):
    for data in period_files():
        start = int(data["year"][:4])
        listed = {entry.measure_id for entry in ScorecardEntry.objects.filter(year__start_year=start)}
        for row in data.get("measures") or []:
            measure = Measure.objects.filter(code=row["code"]).first() or Measure.objects.get(aliases__code=row["code"])
            assert measure.pk in listed, row["code"]
            assert Return.objects.filter(measure=measure, period__year__start_year=start).exists()


def test_the_demo_holds_the_seeds_periods(demo):
    held = {(ret.period.year.label, ret.period.quarter) for ret in Return.objects.select_related("period__year")}
    assert {("2012/13", 2), ("2015/16", 4), ("2016/17", 4), ("2017/18", 2), ("2018/19", 1), ("2018/19", 2)} <= held


def test_measures_keep_their_former_codes_and_national_indicator_numbers(demo):
    homes = Measure.objects.get(code="YA&H PM08")
    assert "NI 155" in {alias.code for alias in homes.aliases.all()}
    assert Measure.objects.filter(kind=Measure.Kind.ACTION).count() == 59  # 001's Council Plan actions


def test_there_is_a_demo_user_for_every_role(demo):
    assert {assignment.role for assignment in RoleAssignment.objects.all()} == set(Role.values)


def test_the_demo_team_is_not_a_superuser_but_runs_the_quarter(demo):
    team = [held.user for held in RoleAssignment.objects.filter(role=Role.PERFORMANCE_TEAM).select_related("user")]
    assert team and not any(user.is_superuser for user in team)
    assert all(permissions.is_performance_team(user) and permissions.manages_people(user) for user in team)
    assert not any(user.has_perm("accounts.change_user") for user in team)
    assert all(user.has_perm("measures.change_measure") for user in team)


def commentaries():
    for data in period_files():
        for row in data.get("measures") or []:
            for field in COMMENTARIES:
                if row.get(field):
                    yield data["source"], row["code"], field, row[field]


def test_commentary_reads_as_normal_english():
    # 002 was extracted with its letters spaced apart ("N um ber o f"): none of that may survive.
    for source, code, field, text in commentaries():
        words = re.findall(r"[A-Za-z0-9'’]+", text)
        stray_letters = [word for word in words if len(word) == 1 and word.isalpha() and word not in "aAI"]
        assert len(stray_letters) <= max(2, len(words) // 40), (source, code, field, stray_letters)


def squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.mark.parametrize("source", ["000", "002", "003", "004"])
def test_commentary_is_in_our_own_words(source):
    """No run of ten words is the council's own, whatever the spacing: facts carry over, sentences do not."""
    seed = squashed(seed_text(source))
    copied = []
    for from_seed, code, field, text in commentaries():
        words = text.split()
        runs = (" ".join(words[i : i + 10]) for i in range(len(words) - 9))
        copied += [(code, field, run) for run in runs if from_seed == source and squashed(run) in seed]
    assert copied == []


def test_make_run_prints_every_demo_sign_in():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    printed = out.getvalue()
    assert "scorecard-demo" in printed
    for username in ("performance", "reader", "owner.people", "approver.people"):
        assert username in printed


def test_a_measure_reported_in_arrears_says_by_how_long(demo):
    assert Measure.objects.get(code="PH PM01").reporting_lag_months == 3  # 001: "reported a quarter in arrears"
    assert Measure.objects.get(code="LPI 52b").reporting_lag_months == 2  # 004: "reported 2 months in arrears"
