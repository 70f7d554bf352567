"""Issue 14 §3: the next quarter's reports mark an earlier figure restated since its publication with "r", and
say what "r" means beneath the table (and in the Word document)."""

import pytest

from scorecard.reports.outputs import dashboard_output
from scorecard.reports.rows import REVISED_NOTE
from scorecard.returns.models import Return
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_quarter():
    """2018/19 Q2, compared with 2017/18 Q2, whose CM PM15 (38,551 when published) was restated to 40,000."""
    last_year, this_year = factories.period(2017, 2), factories.period(2018, 2)
    online = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(online, this_year.year)
    factories.target(online, this_year, 60000)
    earlier = factories.return_for(online, last_year, 38551)
    factories.return_for(online, this_year, 44745)
    factories.published(last_year, this_year)
    return this_year, earlier


def test_a_restated_earlier_figure_is_marked_r_with_a_footnote(client, this_quarter):
    period, earlier = this_quarter
    earlier.actual = 40000
    earlier.save()  # restated after 2017/18 Q2 was published

    output = dashboard_output(period)
    page = client.get("/reports/dashboard/?year=2018/19&quarter=2").content.decode()

    (row,) = output.report.rows
    assert row.previous_actual.text == "40,000 r"
    assert output.report.revised_note == REVISED_NOTE
    assert "40,000 r" in page and REVISED_NOTE in page
    assert ("Revised figures", REVISED_NOTE) in output.sections  # the Word document says it too


def test_an_earlier_figure_as_published_has_no_mark(this_quarter):
    period, _ = this_quarter
    Return.objects.filter(actual=38551).update(data_note="")  # not through the app: no history, no restatement

    (row,) = dashboard_output(period).report.rows

    assert row.previous_actual.text == "38,551"
    assert dashboard_output(period).report.revised_note == ""
