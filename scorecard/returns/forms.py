"""The forms on a return's page: the owner's figures and commentary, and the performance team's
challenge, override and target amendment. Each checks what was typed; the services decide the rest."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from django import forms
from django.core.validators import DecimalValidator

from scorecard.council.models import OrganisationSettings
from scorecard.measures.fields import FigureFormField
from scorecard.measures.models import Measure, Target, Unit
from scorecard.measures.selectors import has_blue_band
from scorecard.performance.bands import statuses_to_choose
from scorecard.performance.commentary import Commentary
from scorecard.performance.direction import Direction
from scorecard.performance.milestones import Progress
from scorecard.performance.ranges import FRACTION_UNITS, fraction_problem
from scorecard.reports.figures import figure, printing
from scorecard.returns.models import COMMENTARY_LENGTH, DataFlag, Return, too_long
from scorecard.returns.services import COMMENTARIES
from scorecard.returns.validation import allowed_range, figure_problem

NUMBERS = ("actual", "forecast")
FRACTION = ("numerator", "denominator")
PROGRESS = ("actual_progress", "forecast_progress")
STORED = DecimalValidator(max_digits=18, decimal_places=6)  # what a FigureField holds
UNIT_WORDS = {Unit.PERCENT: "a percentage", Unit.POUNDS: "pounds (£)"}
SELECT = forms.Select(attrs={"class": "govuk-select"})


class FigureInput(FigureFormField):
    """A figure as people type it: "44,745", "93.5%" and "£1,200" are read as numbers."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").strip().removeprefix("£").removesuffix("%").strip()
        return super().to_python(value)


class DateEntry(forms.DateField):
    """A date typed in the browser's date picker, shown back as it was typed."""

    widget = forms.DateInput(attrs={"type": "date"})

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, date) else value


def progress_choices(blank: str) -> list[tuple[str, str]]:
    return [("", blank), *((progress.value, progress.label) for progress in Progress)]


def unit_hint(measure: Measure) -> str:
    """The unit (the measure's own label, if it has one), the range it may record and its decimals."""
    unit = measure.unit_label or UNIT_WORDS.get(measure.unit, measure.get_unit_display().lower())
    places = {0: "whole numbers", 1: "up to 1 decimal place"}.get(
        measure.decimals, f"up to {measure.decimals} decimal places"
    )
    allowed = allowed_range(measure)
    span = "" if allowed.lowest is None and allowed.highest is None else f", {allowed.words}"
    return f"As {unit}{span}, in {places}."


def figure_for(measure: Measure, label: str, name: str) -> FigureInput:
    return FigureInput(
        label=label,
        required=False,
        help_text=unit_hint(measure),
        error_messages={"invalid": f"Enter the {name} as a number, like 44745 or 93.5"},
    )


def checked_figure(measure: Measure, label: str, value: Decimal | None) -> Decimal | None:
    """The measure's own rules first (validation.figure_problem), then what the database can hold."""
    problem = figure_problem(measure, value)
    if problem:
        raise forms.ValidationError(f"{label}: {problem[0].lower()}{problem[1:]}")
    if value is not None:
        STORED(value)
    return value


def commentary(label: str, **options) -> forms.CharField:
    """A commentary's box: as long as a commentary may be (returns.models.COMMENTARY_LENGTH), and no longer."""
    options.setdefault("required", False)
    messages = {"max_length": too_long(label), **options.pop("error_messages", {})}
    return forms.CharField(
        label=label, widget=forms.Textarea, max_length=COMMENTARY_LENGTH, error_messages=messages, **options
    )


class ReturnForm(forms.Form):
    """Actual, year-end forecast, data flag and the three commentaries; numbers or progress words by measure."""

    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, error_messages={"required": "Reload the return and try again."}
    )
    data_flag = forms.ChoiceField(
        label="Data flag",
        choices=DataFlag.choices,
        required=False,
        widget=SELECT,
        help_text="Provisional, forecast and estimated figures are marked as such in every report.",
    )
    data_note = forms.CharField(
        label="Note printed with the figure (optional)",
        max_length=200,
        required=False,
        help_text="For example, “2014 data”.",
    )
    context = commentary("Context for current performance")
    improvement_actions = commentary("Improvement actions taken")
    intervention = commentary("Intervention / review")

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        if measure.is_milestone:
            self.fields["actual_progress"] = forms.ChoiceField(
                label="Progress this quarter",
                choices=progress_choices("Not known yet"),
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields["forecast_progress"] = forms.ChoiceField(
                label="Expected progress at the year end",
                choices=progress_choices("Not known yet"),
                required=False,
                widget=forms.RadioSelect,
            )
        else:
            self.fields["actual"] = figure_for(measure, "Actual", "actual")
            self.fields["forecast"] = figure_for(measure, "Year-end forecast", "year-end forecast")
            if measure.unit in FRACTION_UNITS:
                self.add_fraction_fields()
        self.order_fields([*self.figure_names, "data_flag", "data_note"])
        self.keep_the_organisations_commentary()

    def add_fraction_fields(self) -> None:
        """A percentage's or rate's numerator and denominator (optional): the projection works from them."""
        hint = "Optional. The year end is projected from the numerator and denominator when they are held."
        self.fields["numerator"] = FigureInput(label="Numerator (optional)", required=False, help_text=hint)
        self.fields["denominator"] = FigureInput(label="Denominator (optional)", required=False)

    def clean(self):
        cleaned = super().clean()
        if "numerator" in self.fields and not self.errors:
            problem = fraction_problem(self.measure.unit, cleaned.get("numerator"), cleaned.get("denominator"))
            if problem:
                self.add_error(problem[0], problem[1])
        return cleaned

    def keep_the_organisations_commentary(self) -> None:
        """One note ("Commentary", kept as the context), the three commentaries, or none: the organisation's rule.
        What is not asked for stays as it was saved."""
        commentary, _ = OrganisationSettings.load().commentary_rule
        for name in COMMENTARIES:
            if name not in commentary.fields:
                del self.fields[name]
        if commentary is Commentary.ONE:
            self.fields["context"].label = "Commentary"

    @classmethod
    def for_return(cls, ret: Return, **values) -> ReturnForm:
        """The form as the return was saved, or with some values given (a copied commentary, say)."""
        names = (*NUMBERS, *FRACTION, *PROGRESS, "data_flag", "data_note", *COMMENTARIES, "version")
        initial = {name: getattr(ret, name) for name in names}
        return cls(initial={**initial, **values}, measure=ret.measure)

    @property
    def figure_names(self) -> tuple[str, ...]:
        if self.measure.is_milestone:
            return PROGRESS
        return (*NUMBERS, *FRACTION) if "numerator" in self.fields else NUMBERS

    @property
    def figure_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.figure_names]

    @property
    def commentary_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in COMMENTARIES if name in self.fields]

    def clean_actual(self) -> Decimal | None:
        return checked_figure(self.measure, "Actual", self.cleaned_data["actual"])

    def clean_forecast(self) -> Decimal | None:
        return checked_figure(self.measure, "Year-end forecast", self.cleaned_data["forecast"])

    def figures(self) -> dict:
        """What return_save and return_submit record: everything typed but the version."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}

    def figure_errors(self) -> list[str]:
        return [error for name in self.figure_names for error in self.errors.get(name, [])]

    def unsaved_copy(self, ret: Return) -> Return:
        """The return with the figures as typed, never saved: what the preview works the statuses out on."""
        typed = copy.copy(ret)
        for name in self.figure_names:
            setattr(typed, name, self.cleaned_data[name])
        return typed


RELOAD = "Reload the page: it did not say which version of the return you saw"


class SignOffForm(forms.Form):
    """The version of the return the page showed: a sign-off of a return changed since is refused."""

    version = forms.IntegerField(
        min_value=0, widget=forms.HiddenInput, error_messages={"required": RELOAD, "invalid": RELOAD}
    )


class ReopenForm(SignOffForm):
    reason = commentary(
        "Why is it being reopened?",
        required=True,
        help_text="Its owner sees this on the return, as the comment of a return sent back.",
        error_messages={"required": "Say why the approved return is being reopened: its owner sees the reason"},
    )


class ChallengeForm(forms.Form):
    prefix = "challenge"
    comment = commentary(
        "Challenge",
        required=True,
        help_text="For example, “Additional comments would be welcome to indicate whether the forecast is realistic.”",
        error_messages={"required": "Write the challenge"},
    )


OVERRIDABLE = [
    ("status", "Quarterly status"),
    ("forecast_status", "Forecast year-end status"),
    ("direction", "Direction of travel"),
]
DIRECTIONS = [(direction.value, direction.label) for direction in Direction]


class OverrideForm(forms.Form):
    prefix = "override"
    field = forms.ChoiceField(label="What to set by hand", choices=OVERRIDABLE, initial="status", widget=SELECT)
    value = forms.ChoiceField(label="Set it to", required=False, widget=SELECT)
    reason = commentary("Reason", help_text="Kept with the return.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No Blue where the council has no Blue band.
        self.statuses = [(status.value, status.label) for status in statuses_to_choose(has_blue=has_blue_band())]
        self.fields["value"].choices = [
            ("", "As worked out by the rules"),
            ("Statuses", self.statuses),
            ("Directions of travel", DIRECTIONS),
        ]

    def clean(self):
        cleaned = super().clean()
        field, value = cleaned.get("field"), cleaned.get("value")
        if field and value and value not in dict(DIRECTIONS if field == "direction" else self.statuses):
            wanted = "a direction of travel" if field == "direction" else "a status"
            self.add_error("value", f"Choose {wanted} for the {dict(OVERRIDABLE)[field].lower()}")
        if value and "reason" not in self.errors and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Give the reason for the override")
        return cleaned


class TargetAmendmentForm(forms.Form):
    prefix = "amend"
    target = forms.ModelChoiceField(
        queryset=Target.objects.none(), label="Which target", empty_label=None, widget=SELECT
    )
    new_value = FigureInput(label="New target", error_messages={"required": "Enter the new target"})
    reason = commentary("Reason", required=True, error_messages={"required": "Give the reason for the amendment"})
    approved_by = forms.CharField(
        label="Approved by",
        max_length=200,
        help_text="For example, “Cabinet, mid-year review”.",
        error_messages={"required": "Say who approved the amendment"},
    )
    approved_on = DateEntry(label="Approved on", error_messages={"required": "Enter the date it was approved"})

    def __init__(self, *args, targets, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda target: target_label(target, measure)

    def clean_new_value(self) -> Decimal:
        return checked_figure(self.measure, "New target", self.cleaned_data["new_value"])


def target_label(target: Target, measure: Measure) -> str:
    which = f"{target.period.label} target" if target.period_id else "Year-end target"
    return f"{which} (now {figure(target.figure, **printing(measure)).text})"
