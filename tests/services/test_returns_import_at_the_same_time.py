"""An import and someone starting a return at the same moment, on PostgreSQL, where rows are really held
(SQLite writes one transaction at a time, so there is nothing to race)."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection

from scorecard.accounts import permissions
from scorecard.council.models import Directorate
from scorecard.returns import services
from scorecard.returns.models import Return
from scorecard.returns.services import ImportedReturn
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL holds rows; SQLite the whole file"),
]
A_MOMENT = 0.5  # seconds for the other person's request to reach the database


def test_a_return_started_while_an_import_checks_waits_for_it_and_finds_the_imported_one(monkeypatch):
    quarter = factories.open_period(2018, 2)
    online = factories.measure("CM PM15")
    officer = factories.person("officer", "measure_owner", "Corporate Resources")
    factories.entry(online, quarter.year, directorate=Directorate.objects.get(name="Corporate Resources"))
    performance = factories.person("performance", "performance_team")
    started = []

    def someone_starts_the_return():
        try:
            started.append(services.return_start(measure=online, period=quarter, by=officer))
        finally:
            connection.close()

    other = threading.Thread(target=someone_starts_the_return)
    read_directorates = permissions.year_directorates

    def meanwhile(year_id):
        """The import has read the stored returns (none) and holds the quarter; now someone opens the return."""
        other.start()
        time.sleep(A_MOMENT)
        return read_directorates(year_id)

    monkeypatch.setattr(permissions, "year_directorates", meanwhile)
    imported = [ImportedReturn(online, 0, {"actual": Decimal(7)})]
    services.returns_import(period=quarter, imported=imported, by=performance)
    other.join(timeout=10)
    (ret,) = started
    assert (ret.actual, ret.version) == (7, 1)
    assert Return.objects.count() == 1
