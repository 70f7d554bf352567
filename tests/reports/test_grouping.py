"""Report rows under their headings: no "Not assigned" heading unless other rows have a heading."""

from types import SimpleNamespace

from scorecard.reports.common import grouped


def rows(*places: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(code=f"PM{number}", place=place) for number, place in enumerate(places)]


def names(groups) -> list[tuple[str, list[str]]]:
    return [(group.name, [row.code for row in group.rows]) for group in groups]


def test_rows_without_a_heading_go_last_under_not_assigned_beside_named_ones():
    assert names(grouped(rows("People", "", "Place"), lambda row: row.place)) == [
        ("People", ["PM0"]),
        ("Place", ["PM2"]),
        ("Not assigned", ["PM1"]),
    ]


def test_where_no_row_has_a_heading_there_is_one_group_with_no_name():
    assert names(grouped(rows("", ""), lambda row: row.place)) == [("", ["PM0", "PM1"])]
