"""PDF and Word downloads are laid out within a time limit and counted per client, so nobody can tie up the server."""

import time

import pytest

from scorecard.reports.render import worker
from scorecard.web import reports
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    period = factories.period(2017, 2)
    measure = factories.measure("CM PM15")
    factories.entry(measure, period.year)
    factories.return_for(measure, period, 10)
    factories.published(period)
    return period


def dashboard(period, format: str) -> str:
    return f"/reports/dashboard/?year={period.year.label}&quarter={period.quarter}&group_by=directorate&format={format}"


def dashboard_pdf(client, period):
    return client.get(dashboard(period, "pdf"))


def test_a_document_is_laid_out_in_a_child_and_comes_back_whole(client, published):
    response = dashboard_pdf(client, published)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_document_that_takes_too_long_is_stopped_with_a_page_saying_so(client, published, settings, monkeypatch):
    settings.SCORECARD_DOCUMENT_SECONDS = 1

    def slow(output, format):
        time.sleep(30)

    monkeypatch.setattr(reports, "render_document", slow)
    started = time.perf_counter()
    response = dashboard_pdf(client, published)
    assert time.perf_counter() - started < 5
    assert response.status_code == 503
    assert "The document took too long to prepare" in response.content.decode()


def test_an_error_laying_out_is_raised_as_it_was():
    def broken():
        raise ValueError("no such format")

    with pytest.raises(ValueError, match="no such format"):
        worker.within(5, broken)


def test_one_client_gets_its_documents_a_minute_then_a_page_saying_wait(client, published, settings):
    settings.SCORECARD_DOCUMENTS_PER_MINUTE = 2
    assert [dashboard_pdf(client, published).status_code for _ in range(2)] == [200, 200]
    refused = dashboard_pdf(client, published)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "You have downloaded a lot of documents in the last minute" in refused.content.decode()
    assert client.get(dashboard(published, "pdf"), REMOTE_ADDR="10.0.0.9").status_code == 200  # another client
    assert client.get(dashboard(published, "xlsx")).status_code == 200  # quick formats are not counted


def test_behind_the_proxy_each_client_is_counted_by_its_own_address(client, published, settings):
    settings.SCORECARD_DOCUMENTS_PER_MINUTE, settings.SCORECARD_TRUSTED_PROXIES = 1, 1
    through_nginx = {"REMOTE_ADDR": "127.0.0.1"}
    first = client.get(dashboard(published, "pdf"), HTTP_X_FORWARDED_FOR="203.0.113.7", **through_nginx)
    second = client.get(dashboard(published, "pdf"), HTTP_X_FORWARDED_FOR="198.51.100.4", **through_nginx)
    again = client.get(dashboard(published, "pdf"), HTTP_X_FORWARDED_FOR="203.0.113.7", **through_nginx)
    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)
