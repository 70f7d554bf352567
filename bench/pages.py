"""Server time and SQL queries of the report pages at one scale, as the performance team reads them."""

from __future__ import annotations

from django.test import Client

from bench.results import Results, measures, milliseconds
from bench.timing import timed
from scorecard.accounts.models import User
from scorecard.api import tokens
from scorecard.council.models import FinancialYear, Period

PAGES = {
    "Dashboard": "/reports/dashboard/?year={year}&quarter=4&group_by=perspective",
    "Improvement report": "/reports/improvement/?year={year}&quarter=4",
    "Annual results": "/reports/annual/?year={year}",
}


# The API's list of a quarter's returns, read with a performance team token as a program would.
API_RETURNS = "/api/periods/{quarter_id}/returns"


def signed_in_client() -> Client:
    """The performance team, signed in for the pages and with an API token for the API."""
    performance = User.objects.get(username="performance")
    _, key = tokens.token_create(user=performance, name="Benchmarks")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    client.force_login(performance)
    return client


def latest_year() -> FinancialYear:
    return FinancialYear.objects.order_by("-start_year").first()


def bench_pages(count: int, results: Results) -> None:
    client = signed_in_client()
    year = latest_year()
    year_end = Period.objects.get(year=year, quarter=4)
    wanted = {**PAGES, "API list of returns": API_RETURNS}
    for name, address in wanted.items():
        url = address.format(year=year.label, quarter_id=year_end.pk)
        result = timed(lambda url=url: fetched(client, url))
        results.add(
            f"{name}: server time",
            measures(count),
            milliseconds(result.seconds),
            key=("time", name, count),
            value=result.seconds,
        )
        results.add(
            f"{name}: SQL queries",
            measures(count),
            f"{result.queries}",
            key=("queries", name, count),
            value=result.queries,
        )


def fetched(client: Client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response
