"""The sources comparator data is loaded from, and which file each needs beside its values (`--groups`)."""

from __future__ import annotations

from pathlib import PurePath

from scorecard.benchmarking.files import ComparatorFile, sha256
from scorecard.benchmarking.generic import read_generic
from scorecard.benchmarking.lgbf_values import read_lgbf
from scorecard.benchmarking.oflog import read_neighbours, read_oflog
from scorecard.imports import ImportProblem

SOURCES = ("oflog", "lgbf", "generic")
GROUPS_FILES = {
    "oflog": "the nearest neighbours file (JSON: each council's code → its neighbours' codes), if wanted",
    "lgbf": "the LGBF indicators file (lgbf_indicators.csv): titles, polarity and family groupings",
    "generic": "a nearest neighbours file (JSON: each council's code → its neighbours' codes), if wanted",
}

File = tuple[str, bytes]  # (name, content)


def read_comparator_file(
    *, source: str, values: File, groups: File | None = None, max_bytes: int | None = None
) -> ComparatorFile:
    """The values file read in its source's shape, with its groups (or, for the LGBF, indicators) file."""
    name, content = values
    if source == "lgbf":
        if groups is None:
            raise ImportProblem("LGBF values need the LGBF indicators file beside them, as the groups file.")
        return read_lgbf(name, content, groups, max_bytes=max_bytes)
    if source not in SOURCES:
        raise ImportProblem(f"“{source}” is not a source Scorecard reads: use one of {', '.join(SOURCES)}.")
    found = (
        read_oflog(name, content, max_bytes=max_bytes)
        if source == "oflog"
        else read_generic(name, content, max_bytes=max_bytes)
    )
    if groups is not None:
        group_name, group_content = groups
        # Oflog publishes its lists; a list from elsewhere (CIPFA's are licensed) stays unpublished until the
        # performance team says otherwise on the group's page.
        who = "Oflog" if source == "oflog" else PurePath(group_name).stem
        found.groups = read_neighbours(group_name, group_content, source=who, max_bytes=max_bytes)
        for group in found.groups:
            group.publishable = source == "oflog"
        found.groups_file = (group_name, sha256(group_content))
    return found
