"""The publications archive, a version's page, what changed since and a correction, in a real browser: the
performance team publishes, a figure arrives late, the public sees it marked and listed, the team publishes the
correction with its note. Every page is checked with axe-core for WCAG 2.2 AA."""

import re

import pytest

from scorecard.council.models import Period
from scorecard.publications.services import quarter_publish
from scorecard.returns.models import Return
from tests.browser.conftest import accessibility_problems, sign_in
from tests.publications.conftest import NOTE, quarter  # noqa: F401 (the closed quarter, as the other tests')

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page) -> None:
    assert accessibility_problems(page) == []


def test_the_archive_changes_and_a_correction(visitor, quarter):  # noqa: F811
    quarter_publish(period=quarter.period, by=quarter.people["performance"])
    late = Return.objects.get(measure=quarter.measure, period=quarter.period)
    late.actual = 520
    late.save()  # a late figure, saved after publication

    public = visitor()
    public.goto("/publications/")
    checked(public)
    public.get_by_role("link", name=re.compile("Changed since publication.*council scorecard dashboard")).click()
    assert public.get_by_role("heading", name="Changes since publication").is_visible()
    assert "Material change" in public.content()
    checked(public)
    public.goto("/reports/dashboard/?year=2018/19&quarter=2")
    assert "as published on" in public.content()
    checked(public)

    team = visitor()
    sign_in(team, "performance")
    team.goto(f"/quarters/{quarter.period.pk}/correction/")
    checked(team)
    team.get_by_role("button", name="Publish the corrected version").click()
    assert "There is a problem" in team.content()
    checked(team)
    team.get_by_label("Late data").check()
    team.get_by_label("What was corrected, and why").fill(NOTE.what_changed)
    team.get_by_label("Effect on the conclusions").fill(NOTE.effect)
    team.get_by_label("Approved by").fill(NOTE.approved_by)
    team.get_by_role("button", name="Publish the corrected version").click()
    assert "corrected reports are published" in team.content()

    public.goto("/publications/dashboard/2018-19-q2/v1/")
    assert "Superseded by version 2 on" in public.content()
    checked(public)
    public.get_by_role("link", name="Read the restatement note and version 2").click()
    assert public.get_by_role("heading", name="Restatement note").is_visible()
    checked(public)
    assert Period.objects.get(pk=quarter.period.pk).versions.count() == 6
