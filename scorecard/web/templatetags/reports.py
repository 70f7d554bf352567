from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from scorecard.reports.spc_icons import assurance_icon, variation_icon

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
def variation(summary) -> str:
    """A chart's variation icon and its words side by side (the words name the icon too)."""
    if not summary.variation:
        return format_html('<span class="scorecard-spc">{}</span>', summary.variation_words)
    icon = mark_safe(variation_icon(summary.variation, summary.variation_words))  # noqa: S308 (our own drawing)
    return format_html('<span class="scorecard-spc">{}<span>{}</span></span>', icon, summary.variation_words)


@register.filter
def assurance(summary) -> str:
    if not summary.assurance:
        return format_html('<span class="scorecard-spc">{}</span>', summary.assurance_words)
    icon = mark_safe(assurance_icon(summary.assurance, summary.assurance_words))  # noqa: S308 (our own drawing)
    return format_html('<span class="scorecard-spc">{}<span>{}</span></span>', icon, summary.assurance_words)
