"""What a tagged PDF claims, checked in its HTML before WeasyPrint makes it.

WeasyPrint stamps a PDF/UA claim on whatever it is given: an untitled page, one with no language, a chart with no
alternative text. So the printable HTML is checked first, and a PDF that would claim what it is not is never made.
The checks are those a reader's software relies on: the document's title and language, a text alternative for every
picture, table headers with their scope (a column's in the table's head, a row's in its body, which is where the
PDF's scope is read from), and headings that have words and do not skip a level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

SVG = "{http://www.w3.org/2000/svg}"
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
HEADINGS = {f"h{level}": level for level in range(1, 7)}
COLUMN_SCOPES = {"col", "colgroup"}
ROW_SCOPES = {"row", "rowgroup"}


class NotAccessible(Exception):
    """The HTML lacks what a tagged PDF promises; the PDF was not made."""

    def __init__(self, problems: list[str]):
        super().__init__(problems)  # its only argument, so it is rebuilt whole when sent from a worker process
        self.problems = problems

    def __str__(self) -> str:
        return "The PDF was not made, as it would not be accessible: " + "; ".join(self.problems)


def check_printable(root: Element) -> None:
    """Raise NotAccessible naming every problem in the document (as WeasyPrint parsed it), if it has any."""
    if problems := accessibility_problems(root):
        raise NotAccessible(problems)


def accessibility_problems(root: Element) -> list[str]:
    return [
        *language_problems(root),
        *title_problems(root),
        *picture_problems(root),
        *table_problems(root),
        *heading_problems(root),
    ]


def words(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


# -- the document ----------------------------------------------------------------------------------


def language_problems(root: Element) -> list[str]:
    language = root.get("lang", "").strip()
    if not language:
        return ['the document has no language (<html lang="en-GB">)']
    if not LANGUAGE_TAG.fullmatch(language):
        return [f'the document\'s language "{language}" is not a language tag such as en-GB']
    return []


def title_problems(root: Element) -> list[str]:
    title = root.find("head/title")
    return [] if title is not None and words(title) else ["the document has no title (<title>)"]


# -- pictures --------------------------------------------------------------------------------------


def picture_problems(root: Element) -> list[str]:
    """WeasyPrint tags each <img> and each outermost <svg> as a Figure, whose alternative text is the image's alt
    or the drawing's own <title>."""
    problems = []
    for picture in pictures(root):
        if picture.tag == "img" and not picture.get("alt", "").strip():
            problems.append(f"an image ({picture.get('src', 'no source')}) has no alt text")
        if picture.tag == f"{SVG}svg" and not svg_title(picture):
            problems.append("a chart or drawing (<svg>) has no <title> to serve as its text alternative")
    return problems


def pictures(element: Element) -> Iterator[Element]:
    """Each <img> and each <svg> not inside another, whose parts are drawn as one picture."""
    for child in element:
        if child.tag in ("img", f"{SVG}svg"):
            yield child
        else:
            yield from pictures(child)


def svg_title(svg: Element) -> str:
    title = svg.find(f"{SVG}title")
    return words(title) if title is not None else ""


# -- tables ----------------------------------------------------------------------------------------


def table_problems(root: Element) -> list[str]:
    problems = []
    for number, table in enumerate(root.iter("table"), start=1):
        name = table_name(table, number)
        headers = list(table.iter("th"))
        if not headers:
            problems.append(f"{name} has no header cells (<th>)")
        problems.extend(f"{name}: {problem}" for problem in header_problems(table))
    return problems


def table_name(table: Element, number: int) -> str:
    caption = table.find("caption")
    return f'table "{words(caption)}"' if caption is not None and words(caption) else f"table {number}"


def header_problems(table: Element) -> Iterator[str]:
    for part in table:
        for row in part.iter("tr"):
            for header in row.iter("th"):
                if problem := scope_problem(header, in_head=part.tag == "thead"):
                    yield f'header "{words(header)}" {problem}'


def scope_problem(header: Element, *, in_head: bool) -> str:
    scope = header.get("scope", "")
    if scope not in COLUMN_SCOPES | ROW_SCOPES:
        return 'has no scope (scope="col" in the table\'s head, scope="row" in its body)'
    if in_head and scope in ROW_SCOPES:
        return f'is a row header (scope="{scope}") in the table\'s head: row headers belong in its body'
    if not in_head and scope in COLUMN_SCOPES:
        return f'is a column header (scope="{scope}") outside the table\'s head: column headers belong in <thead>'
    return ""


# -- headings --------------------------------------------------------------------------------------


def heading_problems(root: Element) -> list[str]:
    """Every heading has words, the first is h1, and none is more than one level below the one before."""
    problems, previous = [], 0
    for heading in (element for element in root.iter() if element.tag in HEADINGS):
        level = HEADINGS[heading.tag]
        if not words(heading):
            problems.append(f"an <{heading.tag}> heading is empty")
        if level > previous + 1:
            after = f"after an <h{previous}>" if previous else "as the first heading"
            problems.append(f'the heading "{words(heading)}" is an <{heading.tag}> {after}: a level is skipped')
        previous = level
    return problems
