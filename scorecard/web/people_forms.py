"""The People pages' forms: roles on one page (a grid of directorates), an invitation, switching off."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate

COUNCIL_WIDE = [
    (Role.PERFORMANCE_TEAM.value, "Performance team", "Runs the quarter, sets up the council and manages people."),
    (Role.READER.value, "Reader", "Reads every report once published; never edits."),
]


@dataclass(frozen=True)
class GridRow:
    """A directorate's row of the roles grid, with whether each box is ticked."""

    directorate: Directorate
    owner: bool
    approver: bool


class RolesForm(forms.Form):
    """Every role a person holds, ticked at once: owner and approver per directorate, and council-wide roles."""

    owner = forms.TypedMultipleChoiceField(coerce=int, required=False)
    approver = forms.TypedMultipleChoiceField(coerce=int, required=False)
    council = forms.MultipleChoiceField(required=False, choices=[(value, label) for value, label, _ in COUNCIL_WIDE])

    def __init__(self, *args, directorates: list[Directorate], held=frozenset(), **kwargs):
        if held and not kwargs.get("data") and not (args and args[0]):
            kwargs["initial"] = initial_roles(held)
        super().__init__(*args, **kwargs)
        self.directorates = directorates
        choices = [(directorate.pk, directorate.name) for directorate in directorates]
        self.fields["owner"].choices = self.fields["approver"].choices = choices
        self.fields["owner"].error_messages["invalid_choice"] = "Tick a directorate on this page to own measures in"
        self.fields["approver"].error_messages["invalid_choice"] = "Tick a directorate on this page to approve in"

    def ticked(self, name: str) -> set[str]:
        value = self[name].value() or []
        return {str(each) for each in value}

    def grid(self) -> list[GridRow]:
        owner, approver = self.ticked("owner"), self.ticked("approver")
        return [GridRow(each, str(each.pk) in owner, str(each.pk) in approver) for each in self.directorates]

    def council_wide(self) -> list[tuple[str, str, str, bool]]:
        ticked = self.ticked("council")
        return [(value, label, hint, value in ticked) for value, label, hint in COUNCIL_WIDE]

    def roles(self) -> list[tuple[str, int | None]]:
        data = self.cleaned_data
        return [
            *((Role.MEASURE_OWNER.value, pk) for pk in data["owner"]),
            *((Role.DIRECTORATE_APPROVER.value, pk) for pk in data["approver"]),
            *((role, None) for role in data["council"]),
        ]


def initial_roles(held) -> dict:
    return {
        "owner": [where for role, where in held if role == Role.MEASURE_OWNER],
        "approver": [where for role, where in held if role == Role.DIRECTORATE_APPROVER],
        "council": [role for role, where in held if where is None],
    }


class InviteForm(RolesForm):
    email = forms.CharField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput,
        help_text="The invitation, with a link to choose a password, is sent here. Their username is made from it.",
        error_messages={"required": "Enter the person's email address"},
    )
    full_name = forms.CharField(label="Full name (optional)", max_length=300, required=False)


class SwitchOffForm(forms.Form):
    reason = forms.CharField(
        label="Why (optional, kept in the history)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
