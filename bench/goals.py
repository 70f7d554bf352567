"""Issue 6's goals, each with its verdict from this run's figures and why."""

from __future__ import annotations

from bench.pages import PAGES
from bench.results import Results

DASHBOARD_BUDGET = 0.300  # seconds at 1,000 measures
PDF_OVERHEAD = 1.3
IMPORT_SHARE = 0.25


def verdicts(results: Results, counts: list[int]) -> list[str]:
    return [
        flat_queries(results, counts),
        linear_time(results, counts),
        dashboard_budget(results),
        pdf_overhead(results, counts),
        import_share(results),
    ]


def flat_queries(results: Results, counts: list[int]) -> str:
    counted = {name: [results.value("queries", name, n) for n in counts] for name in PAGES}
    flat = all(len(set(found)) == 1 for found in counted.values())
    shown = "; ".join(f"{name} {' → '.join(f'{q:.0f}' for q in found)}" for name, found in counted.items())
    verdict = "**Met.**" if flat else "**Not met.**"
    return f"**Query count flat in N:** {verdict} Queries per page at each scale: {shown}."


def linear_time(results: Results, counts: list[int]) -> str:
    if len(counts) < 2:
        return "**Page time no worse than linear in N:** not judged: the run had one scale."
    small, big = counts[0], counts[-1]
    growth = {name: results.value("time", name, big) / results.value("time", name, small) for name in PAGES}
    linear = all(ratio <= big / small for ratio in growth.values())
    shown = "; ".join(f"{name} {ratio:.1f}×" for name, ratio in growth.items())
    verdict = "**Met.**" if linear else "**Not met.**"
    return (
        f"**Page time no worse than linear in N:** {verdict} From {small:,} to {big:,} measures ({big / small:.0f}× "
        f"as many) the server time grew: {shown}."
    )


def dashboard_budget(results: Results) -> str:
    seconds = results.value("time", "Dashboard", 1000)
    if seconds is None:
        return "**1,000-measure dashboard within 300 ms:** not judged: the run had no 1,000-measure scale."
    verdict = "**Met.**" if seconds <= DASHBOARD_BUDGET else "**Not met.**"
    return f"**1,000-measure dashboard within 300 ms:** {verdict} {seconds * 1000:.0f} ms of server time."


def pdf_overhead(results: Results, counts: list[int]) -> str:
    ratios = {n: results.value("pdf", n) for n in counts if results.value("pdf", n) is not None}
    met = all(ratio <= PDF_OVERHEAD for ratio in ratios.values())
    shown = "; ".join(f"{ratio:.2f}× at {n:,} measures" for n, ratio in ratios.items())
    verdict = "**Met.**" if met else "**Not met.**"
    return f"**PDF overhead at most 1.3× WeasyPrint alone:** {verdict} {shown}."


def import_share(results: Results) -> str:
    share = results.value("import")
    verdict = "**Met.**" if share >= IMPORT_SHARE else "**Not met.**"
    return f"**Import at least 25% of COPY's rate:** {verdict} {share:.1%} of COPY's rate."
