"""The forms of a measure's SPC page: its settings, a rebase and an annotation. The rules (12 or more points, a
rebase within the series, a date within a quarter held) are the services'; these only read what was typed."""

from __future__ import annotations

from django import forms

from scorecard.returns.forms import DateEntry
from scorecard.web.setup_forms import YES_NO, radios, text


class SettingsForm(forms.Form):
    charted = radios("Show an SPC chart and its icons for this measure?", YES_NO)
    fix_after = forms.IntegerField(
        label="Fix the limits after this many points (optional)",
        required=False,
        min_value=1,
        help_text="12 or more. Empty: the limits use every point of each segment",
        error_messages={"invalid": "Enter the number of points as a whole number, such as 12"},
    )
    reason = text("Reason for the change", max_length=2000, help_text="Kept in the history with your name")


class RebaseForm(forms.Form):
    period = forms.ChoiceField(label="Start a new segment at", widget=forms.Select(attrs={"class": "govuk-select"}))
    reason = text(
        "Reason for the new segment",
        max_length=2000,
        help_text="For example, a change of definition or a new service",
    )

    def __init__(self, *args, periods: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(str(pk), label) for pk, label in periods]
        self.fields["period"].error_messages["invalid_choice"] = "Choose one of the measure's quarters"


class AnnotationForm(forms.Form):
    on = DateEntry(
        label="Date",
        help_text="For example, 1 October 2018",
        error_messages={"required": "Enter the date of the note", "invalid": "Enter the date as a real date"},
    )
    note = text("Note", max_length=200, help_text="What happened, for example “New IT system live”")
