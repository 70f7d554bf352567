import functools

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from scorecard.reports.spc_icons import icon, symbols

register = template.Library()


@register.filter
def css_string(value: str) -> str:
    """Text safe inside a double-quoted CSS string, such as the PDF footer's content."""
    return " ".join(str(value).split()).replace("\\", "\\\\").replace('"', '\\"')


@register.filter
def badge(status) -> str:
    """A status as its traffic-light badge: its colour and its word, so colour is never the only signal."""
    return format_html('<strong class="scorecard-status scorecard-status--{}">{}</strong>', status.value, status.label)


@register.filter
def cells(report, row) -> list:
    """A report row's cells as its builder lays them out (report.cells), for templates that add the links."""
    return report.cells(row)


@register.filter
def variation(summary, printing=False) -> str:
    """A chart's variation icon and its words side by side (the words name the icon too); drawn in full when
    printing (a PDF cannot draw the page's shared copy of the icon)."""
    return spc_shown("variation", summary.variation, summary.variation_words, bool(printing))


@register.filter
def assurance(summary, printing=False) -> str:
    return spc_shown("assurance", summary.assurance, summary.assurance_words, bool(printing))


@functools.cache  # a handful of icons and words, shown on every row of a report
def spc_shown(kind: str, code: str, words: str, inline: bool) -> str:
    if not code:
        return format_html('<span class="scorecard-spc">{}</span>', words or "–")
    drawn = mark_safe(icon(kind, code, words, inline=inline))  # noqa: S308 (our own drawing)
    return format_html('<span class="scorecard-spc">{}<span>{}</span></span>', drawn, words)


@register.simple_tag
def spc_icon_symbols() -> str:
    """Each SPC icon's drawing once, for the icons of the page (reports/page.html)."""
    return mark_safe(symbols())  # noqa: S308 (our own drawing)
