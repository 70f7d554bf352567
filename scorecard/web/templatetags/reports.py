from django import template
from django.utils.html import format_html

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
