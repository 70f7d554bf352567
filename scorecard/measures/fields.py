"""A recorded figure: exact, and shown as entered (76604, not 76604.000000)."""

from decimal import Decimal

from django import forms
from django.db import models


def plain(value: Decimal | None) -> str:
    """A figure without trailing zeros or exponent: 76604.000000 → "76604", 99.850000 → "99.85"."""
    if value is None:
        return ""
    return f"{value.normalize():f}"


class FigureFormField(forms.DecimalField):
    def prepare_value(self, value):
        return plain(value) if isinstance(value, Decimal) else value


class FigureField(models.DecimalField):
    """Up to 12 digits before the point and 6 after; empty when not recorded."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 6)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FigureFormField, **kwargs})
