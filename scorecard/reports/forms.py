"""The filters of each report page and the Cabinet paper's words: what a reader can choose, checked before any report
is built. Shared by the pages and the API, so they live below both."""

from django import forms

from scorecard.council.models import Directorate, FinancialYear, OrganisationSettings, Pledge, Portfolio
from scorecard.council.selectors import held_period, held_year
from scorecard.measures.selectors import has_blue_band
from scorecard.performance.bands import statuses_to_choose
from scorecard.performance.periods import PeriodError, month_name
from scorecard.performance.status import Status
from scorecard.reports.cabinet import NARRATIVE_LENGTHS
from scorecard.reports.common import RowFilter
from scorecard.reports.dashboard import GROUPINGS, grouping_label, groupings_used

QUARTERS = [(n, f"Quarter {n}") for n in range(1, 5)]
VARIATIONS = [("", "All"), ("concern", "Special cause concern"), ("improvement", "Special cause improvement")]
MONTHS = [(n, month_name(n)) for n in range(1, 13)]  # month 1 is April


def select(**attrs) -> forms.Select:
    return forms.Select(attrs={"class": "govuk-select", **attrs})


def names(model) -> list[tuple[str, str]]:
    return [("", "All"), *((name, name) for name in model.objects.values_list("name", flat=True))]


class YearForm(forms.Form):
    year = forms.CharField(label="Year", widget=select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = [year.label for year in FinancialYear.objects.order_by("-start_year")]
        self.fields["year"].widget.choices = [(label, label) for label in labels]

    def year_asked(self) -> FinancialYear | None:
        """The year the filters name, if held, before they are checked (a choice may depend on it)."""
        try:
            return held_year(self.data.get("year") or "")
        except PeriodError:
            return None

    def clean_year(self) -> FinancialYear:
        try:
            return held_year(self.cleaned_data["year"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None


class PeriodForm(YearForm):
    """A year and one of its periods: a quarter, or a month where the year is collected monthly."""

    # Not required as fields: clean() says which one the year needs when it is missing.
    quarter = forms.TypedChoiceField(label="Quarter", choices=QUARTERS, coerce=int, required=False, widget=select())
    month = forms.TypedChoiceField(label="Month", choices=MONTHS, coerce=int, required=False, widget=select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = self.year_asked()
        del self.fields["quarter" if year and year.is_monthly else "month"]

    def clean(self):
        cleaned = super().clean()
        name = "month" if "month" in self.fields else "quarter"
        if "year" not in cleaned or name not in cleaned:
            return cleaned
        if cleaned[name] == "":
            self.add_error(name, self.missing(cleaned["year"], name))
            return cleaned
        try:
            cleaned["period"] = held_period(f"{cleaned['year'].label} {name[0].upper()}{cleaned[name]}")
        except PeriodError as error:
            self.add_error(name, str(error))
        return cleaned

    def missing(self, year: FinancialYear, name: str) -> str:
        """A quarter asked of a year collected monthly (or a month of a quarterly one) is told which it needs."""
        if self.data.get("quarter" if name == "month" else "month"):
            return f"{year.label} is collected {'monthly' if name == 'month' else 'quarterly'}: choose a {name}"
        return f"Choose a {name}"


class ImprovementForm(PeriodForm):
    directorate = forms.ChoiceField(label="Directorate", required=False, widget=select())
    pledge = forms.ChoiceField(label="Pledge", required=False, widget=select())
    status = forms.ChoiceField(label="Status", required=False, widget=select())
    variation = forms.ChoiceField(label="Variation (SPC)", choices=VARIATIONS, required=False, widget=select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"].choices = names(Directorate)
        self.fields["directorate"].label = OrganisationSettings.load().directorate_word
        self.fields["pledge"].choices = names(Pledge)
        statuses = statuses_to_choose(has_blue=has_blue_band())  # no Blue where the council has none
        self.fields["status"].choices = [("", "All"), *((status.value, status.label) for status in statuses)]

    def row_filter(self) -> RowFilter:
        data = self.cleaned_data
        status = Status(data["status"]) if data["status"] else None
        return RowFilter(
            directorate=data["directorate"], pledge=data["pledge"], status=status, variation=data["variation"]
        )


class GroupedForm(ImprovementForm):
    """The filters of a report grouped as the reader chooses: the dashboard and the SPC summary."""

    group_by = forms.ChoiceField(  # left out, the dashboard's default for the year (dashboard.default_grouping)
        label="Group by",
        choices=[(key, label) for key, (label, _) in GROUPINGS.items()],
        required=False,
        widget=select(),
        error_messages={
            "invalid_choice": "The year's scorecard does not group its measures that way: choose one offered"
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = self.year_asked()  # only the groupings its scorecard uses; a directorate in the council's word
        used = groupings_used(year.pk if year else None)
        self.fields["group_by"].choices = [(key, grouping_label(key)) for key in used]


class DashboardForm(GroupedForm):
    portfolio = forms.ChoiceField(label="Mark a Cabinet portfolio", required=False, widget=select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].choices = [("", "None"), *names(Portfolio)[1:]]


class CabinetForm(PeriodForm):
    portfolio = forms.ChoiceField(label="Cabinet portfolio", required=False, widget=select())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].choices = [("", "None: the whole Council Scorecard"), *names(Portfolio)[1:]]


def narrative_part(label: str, name: str, *, rows: int = 0) -> forms.CharField:
    """One part of the paper's words: required, and no longer than cabinet.NARRATIVE_LENGTHS allows."""
    longest = NARRATIVE_LENGTHS[name]
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    messages = {
        "required": f"Enter the {label.lower()}",
        "max_length": f"{label} must be {longest:,} characters or fewer",
    }
    return forms.CharField(label=label, max_length=longest, widget=widget, error_messages=messages)


class NarrativeForm(forms.Form):
    """The paper's words, drafted from the data, for an officer to edit before downloading."""

    meeting = narrative_part("Meeting", "meeting")
    summary = narrative_part("Summary", "summary", rows=8)
    recommendations = narrative_part("Recommendations", "recommendations", rows=5)
    reason = narrative_part("Reason for recommendations", "reason", rows=3)
