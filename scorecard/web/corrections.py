"""Publishing a corrected version of a published quarter's reports, with its restatement note."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from scorecard.accounts import permissions
from scorecard.council.models import choices
from scorecard.performance.publication import RestatementCategory
from scorecard.publications import selectors
from scorecard.publications.models import Report
from scorecard.publications.services import NOTE_FIELDS, RestatementNote, quarter_publish
from scorecard.returns.services import Refused
from scorecard.web.quarters import TEAM_ONLY, period_or_404
from scorecard.web.returns import refused


class CorrectionForm(forms.Form):
    category = forms.ChoiceField(
        label="Why were the figures corrected?",
        choices=choices(RestatementCategory),
        widget=forms.RadioSelect,
        error_messages={"required": NOTE_FIELDS["category"], "invalid_choice": NOTE_FIELDS["category"]},
    )
    what_changed = forms.CharField(
        label="What was corrected, and why",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4_000,
        error_messages={"required": NOTE_FIELDS["what_changed"]},
    )
    effect = forms.CharField(
        label="Effect on the conclusions",
        help_text="Does a measure change status or direction of travel? Does the improvement report gain or lose one?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4_000,
        error_messages={"required": NOTE_FIELDS["effect"]},
    )
    approved_by = forms.CharField(
        label="Approved by",
        help_text="Who approved publishing the correction, and when: “Director of Policy, 12 November 2018”.",
        max_length=200,
        error_messages={"required": NOTE_FIELDS["approved_by"]},
    )


@login_required
def correction(request, period_id: int):
    if not permissions.may_run_the_quarter(request.user):
        return refused(request, TEAM_ONLY)
    period = period_or_404(period_id)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            versions = quarter_publish(period=period, by=request.user, note=RestatementNote(**form.cleaned_data))
        except Refused as refusal:
            return correction_page(request, period, form, str(refusal))
        kept = ", ".join(f"{version.get_report_display()} version {version.number}" for version in versions)
        messages.success(request, f"{period.label}'s corrected reports are published: {kept}.")
        return redirect("web:publications")
    return correction_page(request, period, form, status=400 if request.method == "POST" else 200)


def correction_page(request, period, form: CorrectionForm, refusal: str = "", status: int = 400):
    """The form, with what a correction would change in the dashboard as published (as the team sees it now)."""
    latest = selectors.latest_version(Report.DASHBOARD, period)
    found = selectors.changes_to(latest, permissions.working_sight(request.user)) if latest else []
    context = {"period": period, "form": form, "refusal": refusal, "latest": latest, "changes": found}
    return render(request, "publications/correction.html", context, status=status if refusal or form.errors else 200)
