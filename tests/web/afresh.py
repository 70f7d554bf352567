"""A page asked for as if for the first time: a quarter's SPC icons are kept between requests until a figure
changes (reports.spc.spc_summaries), so a query count compares pages drawn from the database each time."""

from scorecard.reports.spc import spc_summaries


def drawn_afresh(client, page: str):
    spc_summaries.cache_clear()
    return client.get(page)
