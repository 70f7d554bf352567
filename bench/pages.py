"""Server time and SQL queries of the report pages at one scale, as the performance team reads them."""

from __future__ import annotations

from django.test import Client

from bench.results import Results, measures, milliseconds
from bench.timing import timed
from scorecard.accounts.models import User
from scorecard.council.models import FinancialYear

PAGES = {
    "Dashboard": "/reports/dashboard/?year={year}&quarter=4&group_by=perspective",
    "Improvement report": "/reports/improvement/?year={year}&quarter=4",
    "Annual results": "/reports/annual/?year={year}",
}


# -- API list of returns: FOR THE LEAD TO FILL IN once the API is merged -------------------------------------
# Give the address of the API's list of a quarter's returns (e.g. "/api/returns?period={year}-Q4"); it is then
# timed and its queries counted at every scale like the pages above, and RESULTS.md gets its rows.
API_RETURNS: str | None = None


def signed_in_client() -> Client:
    client = Client()
    client.force_login(User.objects.get(username="performance"))
    return client


def latest_year() -> str:
    return FinancialYear.objects.order_by("-start_year").first().label


def bench_pages(count: int, results: Results) -> None:
    client = signed_in_client()
    year = latest_year()
    wanted = {**PAGES, "API list of returns": API_RETURNS}
    for name, address in wanted.items():
        if address is None:
            results.add(name, measures(count), "not measured: no API yet")
            continue
        url = address.format(year=year)
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
