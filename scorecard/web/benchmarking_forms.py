"""The benchmarking pages' forms: the council's area and default group, a load, a comparator group, a mapping."""

from __future__ import annotations

import re

from django import forms

from scorecard.benchmarking.models import Area, ComparatorGroup, ExternalMeasure, MeasureMapping
from scorecard.benchmarking.sources import SOURCES
from scorecard.measures.models import Measure
from scorecard.web.setup_forms import YES_NO, radios, text

SELECT = forms.Select(attrs={"class": "govuk-select"})
SOURCE_NAMES = {
    "oflog": "Oflog data explorer extract (with its nearest neighbours file, if wanted)",
    "lgbf": "LGBF values (with the LGBF indicators file)",
    "generic": "Generic long CSV, such as an LG Inform download (docs/benchmarking.md)",
}
CODES = re.compile(r"[\s,;]+")


def area_called(code: str) -> Area | None:
    return Area.objects.filter(code=code.strip().upper()).first()


class SettingsForm(forms.Form):
    area = text("The council's own area code", required=False, max_length=12, help_text="Its ONS code, e.g. E06000015")
    default_group = forms.ModelChoiceField(
        label="Compare measures with",
        queryset=ComparatorGroup.objects.all(),
        required=False,
        empty_label="Choose a group",
        widget=SELECT,
        help_text="Unless a mapping names another group",
    )

    def clean_area(self) -> Area | None:
        code = self.cleaned_data["area"]
        if not code:
            return None
        area = area_called(code)
        if area is None:
            raise forms.ValidationError(f"No area held has the code “{code}”: load comparator data that names it")
        return area


class LoadForm(forms.Form):
    source = radios("Source", [(source, SOURCE_NAMES[source]) for source in SOURCES])
    file = forms.FileField(label="Values file (CSV)", error_messages={"required": "Choose the values file"})
    groups = forms.FileField(
        label="Groups file (optional; for the LGBF, its indicators file)",
        required=False,
        help_text="Nearest neighbours as JSON (each council's code and its neighbours' codes), or lgbf_indicators.csv",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") == "lgbf" and not cleaned.get("groups"):
            self.add_error("groups", "LGBF values need the LGBF indicators file beside them")
        return cleaned


class GroupForm(forms.Form):
    name = text("Name", help_text="For example, Derby's CIPFA nearest neighbours (2019)")
    members = forms.CharField(
        label="Councils, by ONS code",
        widget=forms.Textarea,
        help_text="One code per line (or separated by commas). Include the council itself",
        error_messages={"required": "Enter the councils' codes"},
    )
    source = text("Source", required=False, max_length=100, help_text="Who drew the group up, e.g. CIPFA")
    vintage = text("Vintage", required=False, max_length=40, help_text="Which edition, e.g. 2019")
    publishable = radios(
        "May the membership be published?",
        YES_NO,
        help_text="No for a licensed list such as CIPFA's: reports then name the group but not its councils",
    )

    @classmethod
    def of(cls, group: ComparatorGroup) -> GroupForm:
        codes = "\n".join(group.members.order_by("code").values_list("code", flat=True))
        initial = {"name": group.name, "members": codes, "source": group.source, "vintage": group.vintage}
        return cls(initial={**initial, "publishable": "yes" if group.publishable else "no"})

    def clean_members(self) -> list[Area]:
        codes = [code.upper() for code in CODES.split(self.cleaned_data["members"]) if code]
        held = {area.code: area for area in Area.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in held]
        if unknown:
            raise forms.ValidationError(f"No area held has the code {', '.join(f'“{code}”' for code in unknown)}")
        return list(held.values())

    def changes(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "members": data["members"],
            "source": data["source"],
            "vintage": data["vintage"],
            "publishable": data["publishable"] == "yes",
        }


class MappingForm(forms.Form):
    measure = forms.ModelChoiceField(
        label="Our measure",
        queryset=Measure.objects.filter(kind=Measure.Kind.MEASURE),
        widget=SELECT,
        empty_label="Choose a measure",
        error_messages={"required": "Choose the measure"},
    )
    external = forms.ModelChoiceField(
        label="External measure",
        queryset=ExternalMeasure.objects.all(),
        widget=SELECT,
        empty_label="Choose an external measure",
        error_messages={"required": "Choose the external measure"},
    )
    match = radios("How alike are they?", MeasureMapping.Match.choices)
    caveat = forms.CharField(
        label="Caveat",
        required=False,
        widget=forms.Textarea,
        help_text="What a reader should know when comparing; needed for a proxy",
    )
    conversion = forms.DecimalField(
        label="Conversion factor",
        required=False,
        max_digits=18,
        decimal_places=6,
        help_text="Only when the units differ: what an external value is multiplied by, e.g. 100 for a fraction to a %",
        error_messages={"invalid": "Enter the conversion factor as a number, such as 100"},
    )
    group = forms.ModelChoiceField(
        label="Compare within",
        queryset=ComparatorGroup.objects.all(),
        required=False,
        widget=SELECT,
        empty_label="The council's default group",
    )
