"""The set-up pages' forms: the first run, the organisation, years and the council's lists."""

from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password

from scorecard.accounts.models import User
from scorecard.council.first_run import code_matches
from scorecard.council.models import COMPLETED_COLOURS, DashboardColumn, FinancialYear, OrganisationSettings
from scorecard.performance.commentary import Commentary, CommentaryRequired
from scorecard.performance.direction import Comparison
from scorecard.performance.margins import MarginError, margin_as_text, margin_from_text
from scorecard.performance.periods import Collection, PeriodError
from scorecard.performance.periods import FinancialYear as Year

BANDS = [("four", "Four: Blue, Green, Amber and Red"), ("three", "Three: Green, Amber and Red (no Blue)")]
MARGINS = [
    ("relative", "Percentages of the target (5% of 500 is 25)"),
    ("absolute", "In the measure's own unit (5 percentage points, 5 days)"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]
IMPROVEMENT_COLUMNS = [("spc", "Variation and assurance (SPC), with their icons")]
COLLECTIONS = [
    (Collection.QUARTERLY.value, "Quarterly: four quarters, April to June through January to March"),
    (Collection.MONTHLY.value, "Monthly: twelve months, April to March"),
]


def text(label: str, *, required: bool = True, help_text: str = "", max_length: int = 200) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"},
    )


def radios(label: str, choices, *, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        help_text=help_text,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose the {label[0].lower()}{label[1:]}"},
    )


def word_choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]


class BandsForm(forms.Form):
    """The bands and their margins, typed as percentages ("2%" or "2") and kept as fractions."""

    bands = radios("Bands", BANDS)
    blue_margin = text("Blue margin", required=False, help_text="Above target by more than this is Blue, e.g. 2%")
    amber_margin = text("Amber margin", help_text="Below target by up to this is Amber, e.g. 5%; further is Red")
    margins = radios("Margins are", MARGINS)
    commentary = radios("Commentary on each return", word_choices(Commentary))

    def clean(self):
        cleaned = super().clean()
        absolute = cleaned.get("margins") == "absolute"
        cleaned["margins_are_absolute"] = absolute
        cleaned["amber_margin"] = self.margin("amber_margin", "Amber margin", absolute)
        if cleaned.get("bands") == "three":
            cleaned["blue_margin"] = None
        elif not (self.data.get(self.add_prefix("blue_margin")) or "").strip():
            self.add_error("blue_margin", "Enter the blue margin, or choose three bands")
        else:
            cleaned["blue_margin"] = self.margin("blue_margin", "Blue margin", absolute)
        return cleaned

    def margin(self, name: str, label: str, absolute: bool):
        typed = self.cleaned_data.get(name)
        if not typed:
            return None
        try:
            return margin_from_text(typed, absolute=absolute)
        except MarginError as error:
            self.add_error(name, f"{label}: {error}")
            return None

    def band_settings(self) -> dict:
        data = self.cleaned_data
        names = ("blue_margin", "amber_margin", "margins_are_absolute", "commentary")
        return {name: data[name] for name in names}


def bands_initial(settings: OrganisationSettings) -> dict:
    absolute = settings.margins_are_absolute
    return {
        "bands": "three" if settings.blue_margin is None else "four",
        "blue_margin": margin_as_text(settings.blue_margin, absolute=absolute),
        "amber_margin": margin_as_text(settings.amber_margin, absolute=absolute),
        "margins": "absolute" if absolute else "relative",
        "commentary": settings.commentary,
    }


def collection_field() -> forms.ChoiceField:
    """How often the year's figures are collected; left out, quarterly (as before monthly collection existed)."""
    return forms.ChoiceField(
        label="Figures are collected",
        choices=COLLECTIONS,
        initial=Collection.QUARTERLY.value,
        required=False,
        widget=forms.RadioSelect,
        help_text="Chosen with the year: its periods are made with it",
    )


def collection_of(chosen: str) -> Collection:
    return Collection(chosen or Collection.QUARTERLY.value)


def year_of(text_typed: str) -> Year:
    try:
        return Year.parse(text_typed)
    except PeriodError as error:
        raise forms.ValidationError(str(error)) from None


class StartForm(BandsForm):
    """The first-run page: the set-up code, the council, its bands, its first year and the first team account."""

    setup_code = text("Set-up code", help_text="Printed in the server's log when Scorecard started")
    name = text("Organisation's name", help_text="For example, Northfield District Council")
    team_name = text("Performance team's name", help_text="Shown in the footer of every page and report")
    year = text("First financial year", help_text="For example, 2026/27. Its quarters (or months) are set up with it.")
    collection = collection_field()
    username = text("Username", max_length=150)
    email = forms.EmailField(
        label="Email address",
        help_text="For “Forgotten your password?”",
        error_messages={
            "required": "Enter the email address",
            "invalid": "Enter an email address like name@council.gov.uk",
        },
    )
    password = forms.CharField(
        label="Password", widget=forms.PasswordInput, error_messages={"required": "Enter a password"}
    )
    password_again = forms.CharField(
        label="Password again", widget=forms.PasswordInput, error_messages={"required": "Enter the password again"}
    )

    field_order = ["setup_code", "name", "team_name"]

    def clean_setup_code(self) -> str:
        if not code_matches(self.cleaned_data["setup_code"]):
            raise forms.ValidationError("The set-up code is not right: copy it from the server's log")
        return self.cleaned_data["setup_code"]

    def clean_year(self) -> Year:
        return year_of(self.cleaned_data["year"])

    def clean_collection(self) -> Collection:
        return collection_of(self.cleaned_data["collection"])

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        try:
            User._meta.get_field("username").run_validators(username)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return username

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and cleaned.get("password_again") and password != cleaned["password_again"]:
            self.add_error("password_again", "The two passwords are not the same")
        elif password:
            person = User(username=cleaned.get("username", ""), email=cleaned.get("email", ""))
            try:
                validate_password(password, person)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def organisation(self) -> dict:
        return {"name": self.cleaned_data["name"], "team_name": self.cleaned_data["team_name"], **self.band_settings()}


class OrganisationForm(BandsForm):
    name = text("Organisation's name")
    team_name = text("Performance team's name")
    data_source = text("Data source", max_length=100, help_text="Printed in report footers as “Data Source: …”")
    commentary_required = radios("Commentary is needed before submitting for", word_choices(CommentaryRequired))
    default_comparison = radios(
        "A new measure's direction of travel compares with",
        word_choices(Comparison),
        help_text="Each measure can differ",
    )
    stabilised_word = radios(
        "Print a direction of Same as “Stabilised” in quarterly reports",
        YES_NO,
        help_text="For new years; each year keeps its own setting",
    )
    completed_status = radios(
        "Colour of a Completed action",
        COMPLETED_COLOURS,
        help_text="For new years; each year keeps its own setting",
    )
    directorate_word = text(
        "What the council calls a directorate", max_length=60, help_text="For example, Directorate or Service unit"
    )
    directorate_word_plural = text("The same word, plural", max_length=60, help_text="For example, Service units")
    allow_self_approval = radios(
        "May the person who submitted a return also approve it?",
        YES_NO,
        help_text="Usually no: someone else approves. If yes, such an approval is marked self-approved in the history",
    )
    dashboard_columns = forms.MultipleChoiceField(
        label="The dashboard's columns",
        choices=DashboardColumn.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The measure and its quarterly status always show. Good is, the year-end forecast and target and "
        "the direction of travel alone give the layout of Derby's 2012 dashboard",
    )
    annual_benchmark = radios(
        "Show each measure's benchmark in the annual results?",
        YES_NO,
        help_text="Its quartile and rank among comparator councils, where a measure is mapped to a national one",
    )
    improvement_columns = forms.MultipleChoiceField(
        label="The improvement report's optional columns",
        choices=IMPROVEMENT_COLUMNS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["name", "team_name", "data_source"]

    @classmethod
    def of(cls, settings: OrganisationSettings) -> OrganisationForm:
        names = ("name", "team_name", "data_source", "commentary_required", "default_comparison", "completed_status")
        names += ("directorate_word", "directorate_word_plural")
        initial = {name: getattr(settings, name) for name in names}
        initial["stabilised_word"] = "yes" if settings.stabilised_word else "no"
        initial["allow_self_approval"] = "yes" if settings.allow_self_approval else "no"
        initial["annual_benchmark"] = "yes" if settings.annual_benchmark else "no"
        initial["dashboard_columns"] = settings.dashboard_columns
        initial["improvement_columns"] = ["spc"] if settings.improvement_report_spc else []
        return cls(initial={**initial, **bands_initial(settings)})

    def changes(self) -> dict:
        data = self.cleaned_data
        names = ("name", "team_name", "data_source", "commentary_required", "default_comparison", "completed_status")
        words = {
            "directorate_word": data["directorate_word"],
            "directorate_word_plural": data["directorate_word_plural"],
        }
        yes_or_no = {
            name: data[name] == "yes" for name in ("stabilised_word", "allow_self_approval", "annual_benchmark")
        }
        columns = {
            "dashboard_columns": [column for column in DashboardColumn.values if column in data["dashboard_columns"]],
            "improvement_report_spc": "spc" in data["improvement_columns"],
        }
        return {**{name: data[name] for name in names}, **words, **yes_or_no, **columns, **self.band_settings()}


class YearForm(forms.Form):
    year = text("Financial year", help_text="For example, 2027/28")
    collection = collection_field()

    def clean_year(self) -> Year:
        return year_of(self.cleaned_data["year"])

    def clean_collection(self) -> Collection:
        return collection_of(self.cleaned_data["collection"])


class CopyForm(forms.Form):
    from_year = forms.ModelChoiceField(
        label="Copy the scorecard of",
        queryset=FinancialYear.objects.filter(entries__isnull=False).distinct().order_by("-start_year"),
        empty_label=None,
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"required": "Choose the year to copy", "invalid_choice": "Choose a year that has a scorecard"},
    )
    to_year = text("Into the year", help_text="For example, 2027/28: a year with no scorecard yet")

    def clean_to_year(self) -> Year:
        return year_of(self.cleaned_data["to_year"])


class NameForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the name", "max_length": "Use at most 200 characters"},
    )
