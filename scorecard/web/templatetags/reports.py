from django import template

register = template.Library()


@register.filter
def css_string(value: str) -> str:
    """Text safe inside a double-quoted CSS string, such as the PDF footer's content."""
    return " ".join(str(value).split()).replace("\\", "\\\\").replace('"', '\\"')
