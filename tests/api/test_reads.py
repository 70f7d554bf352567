"""Reading the scorecard through the API: what anyone may read, and what only people at work on returns may."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_years_list_each_year_with_its_quarters_and_their_state(public, council):
    (year,) = public.get("/years").json()
    assert year["year"] == "2018/19"
    assert year["starts"] == "2018-04-01"
    assert [(q["label"], q["state"]) for q in year["quarters"]] == [
        ("2018/19 Q1", "not_open"),
        ("2018/19 Q2", "closed"),
        ("2018/19 Q3", "open"),
        ("2018/19 Q4", "not_open"),
    ]


def test_a_published_quarters_returns_carry_figures_statuses_and_direction(public, council):
    (row,) = public.get(f"/periods/{council.published.pk}/returns").json()
    assert row["code"] == "CM PM15"
    assert row["actual"] == "470"
    assert row["target"] == "500"
    assert row["context"] == "Fewer referrals"
    assert row["assessment"] == {
        "status": "blue",  # low is good: 470 is more than 2% below the target of 500
        "forecast_status": "awaiting_data",  # a year-end target, but no forecast recorded
        "direction": "not_applicable",
        "set_by_hand": [],
        "set_by_hand_reasons": {},
    }


def test_a_status_set_by_hand_says_so_with_its_reason(public, council):
    ret = council.measure.returns.get(period=council.published)
    ret.status_override, ret.status_override_reason = "amber", "As published: the council printed Amber"
    ret.direction_override, ret.direction_override_reason = "planned", "A planned reduction in places"
    ret.save()
    (row,) = public.get(f"/periods/{council.published.pk}/returns").json()
    assert row["assessment"]["set_by_hand"] == ["direction", "status"]
    assert row["assessment"]["set_by_hand_reasons"] == {
        "direction": "A planned reduction in places",
        "status": "As published: the council printed Amber",
    }


def test_the_public_never_sees_how_a_return_was_signed_off(public, council):
    (row,) = public.get(f"/periods/{council.published.pk}/returns").json()
    assert row["workflow"] is None


def test_people_at_work_on_returns_see_the_sign_off(as_role, council):
    (row,) = as_role("owner").get(f"/periods/{council.published.pk}/returns").json()
    assert row["workflow"]["state"] == "approved"
    assert row["workflow"]["challenge"] == "Is it realistic?"


@pytest.mark.parametrize("who", ["public", "reader"])
def test_an_unpublished_quarter_is_not_found_by_readers_and_the_public(client, as_role, public, council, who):
    reader = public if who == "public" else as_role("reader")
    response = reader.get(f"/periods/{council.open.pk}/returns")
    assert response.status_code == 404
    assert response.json()["detail"] == "2018/19 Q3 is not published yet."


def test_an_owner_reads_the_open_quarter(as_role, council):
    rows = as_role("owner").get(f"/periods/{council.open.pk}/returns").json()
    assert sorted(row["code"] for row in rows) == ["CM PM15", "CM PM16"]


def test_a_return_nobody_has_started_reads_as_empty_at_version_0(as_role, council):
    third = factories.measure("CM PM17")
    factories.entry(third, council.open.year, directorate=council.measure.entries.first().directorate)
    row = as_role("owner").get(f"/periods/{council.open.pk}/returns/{third.pk}").json()
    assert row["id"] is None
    assert row["actual"] is None
    assert row["workflow"]["version"] == 0


def test_a_wrong_token_is_refused_not_read_as_the_public(client, council):
    response = client.get("/api/years", headers={"Authorization": "Bearer sc_not-a-real-key"})
    assert response.status_code == 401
    assert "API tokens page" in response.json()["detail"]


def test_measures_of_a_year_come_with_their_place_in_its_scorecard(public, council):
    rows = public.get("/measures", year="2018/19").json()
    assert [(m["code"], m["good_is"], m["place"]["directorate"]) for m in rows] == [
        ("CM PM15", "low", "People Services"),
        ("CM PM16", "high", "People Services"),
    ]


def test_a_measure_says_its_unit_label_and_the_range_it_may_record(public, council):
    council.other.unit, council.other.minimum, council.other.unit_label = "percent", -100, "% reduction"
    council.other.save()
    shapes = {m["code"]: m for m in public.get("/measures", year="2018/19").json()}
    assert [(m["unit_label"], m["minimum"], m["maximum"]) for m in shapes.values()] == [
        ("", "0", None),  # a count: zero or more
        ("% reduction", "-100", "100"),
    ]


def test_targets_of_a_year_name_their_quarter_or_the_year_end(public, council):
    rows = public.get("/targets", year="2018/19", measure_id=council.measure.pk).json()
    assert [(t["quarter"], t["value"]) for t in rows] == [(2, "500"), (3, "500"), (None, "480")]


def test_a_year_not_written_as_a_financial_year_names_the_field(public, council):
    response = public.get("/targets", year="2018")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "year", "message": '"2018" is not a financial year: write it like 2017/18'}
    ]


def test_a_year_not_held_is_refused(public, council):
    response = public.get("/periods", year="2030/31")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "2030/31 is not set up in Scorecard"


def test_statuses_and_directions_give_their_printed_words(public, council):
    statuses = {s["value"]: s["label"] for s in public.get("/statuses").json()}
    assert statuses["amber"] == "Amber" and statuses["no_target"] == "No target"
    directions = {d["value"]: d["label"] for d in public.get("/directions").json()}
    assert directions["not_applicable"] == "N/A"


def test_a_reports_rows_come_as_its_tables(public, council):
    report = public.get("/reports/dashboard", year="2018/19", quarter=2).json()
    assert report["subtitle"]
    table, summary = report["tables"]  # the dashboard's rows, then its summary of measures by status
    assert "Measure" in table["columns"]
    assert summary["title"] == "Summary" and summary["columns"] == ["Status", "Measures"]
    cells = [cell for row in table["rows"] for cell in row]
    assert {"text": "Blue", "number": None, "status": "blue"} in cells


def test_a_report_of_an_unpublished_quarter_is_not_found_for_the_public(public, council):
    assert public.get("/reports/improvement", year="2018/19", quarter=3).status_code == 404


def test_a_profile_shows_the_public_published_quarters_only(public, as_role, council):
    def quarters(api):
        report = api.get(f"/reports/profile/{council.measure.pk}").json()
        return [row[0]["text"] for row in report["tables"][0]["rows"]]

    assert quarters(public) == ["2018/19 Q2"]
    assert quarters(as_role("performance")) == ["2018/19 Q2", "2018/19 Q3"]


def test_an_unknown_measure_is_not_found(public, council):
    response = public.get("/measures/999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "No measure has the id 999999."


def test_the_reference_alone_relaxes_the_content_security_policy_for_redocs_styles(client, council):
    reference = client.get("/api/docs")
    assert reference.status_code == 200
    assert "style-src 'self' 'unsafe-inline'" in reference["Content-Security-Policy"]
    assert "'unsafe-inline'" not in client.get("/api/years")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in client.get("/")["Content-Security-Policy"]


def test_an_owner_elsewhere_reads_no_drafts_of_an_unpublished_quarter(as_role, council):
    # issue 16 §2: who may see a return's working values is decided once, in permissions (the return page's rule)
    assert as_role("other_owner").get(f"/periods/{council.open.pk}/returns").json() == []
    one = as_role("other_owner").get(f"/periods/{council.open.pk}/returns/{council.measure.pk}")
    assert one.status_code == 404


def test_an_owner_elsewhere_reads_the_published_figures_but_not_the_sign_off(as_role, council):
    rows = as_role("other_owner").get(f"/periods/{council.published.pk}/returns").json()
    assert [(row["code"], row["workflow"]) for row in rows] == [("CM PM15", None)]


def test_the_dashboard_groups_as_the_pages_do_when_no_grouping_is_given(public, council):
    """By directorate where the year places no measure in a perspective; a grouping it does not use is refused."""
    (table, _) = public.get("/reports/dashboard", year="2018/19", quarter=2).json()["tables"]
    assert table["columns"][0] == "Directorate"
    refused = public.get("/reports/dashboard", year="2018/19", quarter=2, group_by="perspective")
    assert refused.status_code == 422
    assert "does not group its measures that way" in refused.json()["errors"][0]["message"]


def test_a_return_says_why_it_has_no_projection(public, council):
    (row,) = public.get(f"/periods/{council.published.pk}/returns").json()
    assert row["projection"]["value"] is None
    assert row["projection"]["reason"] == "No projection: Q1 has no figure yet."


def test_a_return_carries_its_projection_and_required_run_rate(as_role, council):
    factories.return_for(council.measure, factories.period(2018, 1), 230)  # children in need, low is good
    answer = as_role("owner").get(f"/periods/{council.open.pk}/returns/{council.measure.pk}").json()
    projection = answer["projection"]
    assert projection["reason"] == ""
    assert (projection["value"], projection["method"], projection["low"]) == ("640", "straight line", None)
    assert projection["coverage_words"] == "Not enough history for a range: it needs two earlier years."
    assert projection["required_run_rate"] == "The most each remaining quarter may take: 0 (0 in all)."  # 480 of 480
    assert projection["forecast_outside_range"] is False and projection["reason"] == ""


def test_a_quarters_returns_and_their_projections_take_as_many_queries_for_many_measures(
    as_role, council, django_assert_max_num_queries
):
    team = as_role("performance")
    address = f"/periods/{council.open.pk}/returns"
    team.get(address)
    with django_assert_max_num_queries(40) as few:
        team.get(address)
    for number in range(12):
        more = factories.measure(f"CM PM{30 + number}", title=f"Measure {number}")
        factories.entry(more, council.open.year)
        factories.target(more, None, 1000, year_of=council.open.year)
        factories.return_for(more, factories.period(2018, 1), 200)
        factories.return_for(more, council.open, 300, forecast=900)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(team.get(address).json()) == 14
