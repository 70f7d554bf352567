"""A measure's SPC page: its settings, rebases and annotations, and the forms to change them (issue 12 §3)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.measures.models import Measure
from scorecard.returns.services import Refused
from scorecard.spc import services
from scorecard.spc.models import Annotation, Rebase
from scorecard.spc.selectors import annotations_of, figure_quarters, rebases_of, settings_of
from scorecard.web.returns import refused
from scorecard.web.spc_forms import AnnotationForm, RebaseForm, SettingsForm

NOT_YOURS = "Only the measure's owners, its approvers and the performance team change its SPC chart."


@login_required
@require_safe
def spc_page(request, pk: int):
    measure = get_object_or_404(Measure, pk=pk)
    if not permissions.may_annotate(request.user, measure):
        return refused(request, NOT_YOURS)
    return render_page(request, measure)


@login_required
@require_POST
def spc_settings(request, pk: int):
    measure = get_object_or_404(Measure, pk=pk)
    if not permissions.sets_spc(request.user):
        return refused(request, services.TEAM_ONLY)
    form = SettingsForm(request.POST, prefix="settings")
    if not form.is_valid():
        return render_page(request, measure, status=400, settings_form=form)
    data = form.cleaned_data
    try:
        services.spc_settings_set(
            measure=measure,
            charted=data["charted"] == "yes",
            fix_after=data["fix_after"],
            reason=data["reason"],
            by=request.user,
        )
    except Refused as refusal:
        return refusal_shown(request, measure, refusal, settings_form=form)
    return redirect(page_url(measure))


@login_required
@require_POST
def spc_rebase(request, pk: int):
    measure = get_object_or_404(Measure, pk=pk)
    if not permissions.sets_spc(request.user):
        return refused(request, services.TEAM_ONLY)
    form = RebaseForm(request.POST, prefix="rebase", periods=figure_quarters(measure))
    if not form.is_valid():
        return render_page(request, measure, status=400, rebase_form=form)
    period = get_object_or_404(Period.objects.select_related("year"), pk=form.cleaned_data["period"])
    try:
        services.rebase_add(measure=measure, period=period, reason=form.cleaned_data["reason"], by=request.user)
    except Refused as refusal:
        return refusal_shown(request, measure, refusal, rebase_form=form)
    return redirect(page_url(measure))


@login_required
@require_POST
def spc_rebase_remove(request, pk: int, rebase_id: int):
    rebase = get_object_or_404(Rebase, pk=rebase_id, measure_id=pk)
    try:
        services.rebase_remove(rebase=rebase, by=request.user)
    except Refused as refusal:
        return refused(request, str(refusal))
    return redirect(page_url(rebase.measure))


@login_required
@require_POST
def spc_annotation(request, pk: int):
    measure = get_object_or_404(Measure, pk=pk)
    if not permissions.may_annotate(request.user, measure):
        return refused(request, NOT_YOURS)
    form = AnnotationForm(request.POST, prefix="annotation")
    if not form.is_valid():
        return render_page(request, measure, status=400, annotation_form=form)
    data = form.cleaned_data
    try:
        services.annotation_add(measure=measure, on=data["on"], note=data["note"], by=request.user)
    except Refused as refusal:
        return refusal_shown(request, measure, refusal, annotation_form=form)
    return redirect(page_url(measure))


@login_required
@require_POST
def spc_annotation_remove(request, pk: int, annotation_id: int):
    annotation = get_object_or_404(Annotation.objects.select_related("measure"), pk=annotation_id, measure_id=pk)
    try:
        services.annotation_remove(annotation=annotation, by=request.user)
    except Refused as refusal:
        return refused(request, str(refusal))
    return redirect(page_url(annotation.measure))


def page_url(measure: Measure) -> str:
    return reverse("web:spc_page", kwargs={"pk": measure.pk})


def refusal_shown(request, measure: Measure, refusal: Refused, **forms):
    """The service said no: nothing was written, and the page says why above the form."""
    (form,) = forms.values()
    form.add_error(None, str(refusal))
    return render_page(request, measure, status=400, **forms)


def render_page(request, measure: Measure, *, status: int = 200, **forms):
    settings = settings_of(measure)
    initial = {
        "charted": "yes" if (settings.charted if settings else not measure.is_milestone) else "no",
        "fix_after": settings.fix_after if settings else None,
    }
    context = {
        "measure": measure,
        "settings": settings,
        "sets_spc": permissions.sets_spc(request.user),
        "rebases": rebases_of(measure),
        "annotations": annotations_of(measure),
        "settings_form": SettingsForm(prefix="settings", initial=initial),
        "rebase_form": RebaseForm(prefix="rebase", periods=figure_quarters(measure)),
        "annotation_form": AnnotationForm(prefix="annotation"),
        **forms,
    }
    return render(request, "spc/page.html", context, status=status)
