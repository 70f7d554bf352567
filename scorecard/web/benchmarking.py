"""The performance team's benchmarking pages: the council's area and default group, loads of comparator data
(check, then load all or nothing), external measures, comparator groups and mappings to our measures."""

from __future__ import annotations

import base64
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from scorecard.accounts import permissions
from scorecard.benchmarking import services
from scorecard.benchmarking.checks import check_comparisons
from scorecard.benchmarking.models import BenchmarkSettings, ComparatorGroup, ExternalMeasure, Load, MeasureMapping
from scorecard.benchmarking.sources import read_comparator_file
from scorecard.imports import ImportProblem
from scorecard.returns.services import Refused
from scorecard.web.benchmarking_forms import GroupForm, LoadForm, MappingForm, SettingsForm
from scorecard.web.returns import refused

SESSION_KEY = "checked_comparator_file"
LOADS_SHOWN = 50


def team_only(*methods: str):
    """Signed in, by the methods given (else 405), and the performance team (else a page saying why not)."""

    def decorate(view):
        @login_required
        @require_http_methods(list(methods))
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not permissions.manages_benchmarking(request.user):
                return refused(request, services.REFUSED)
            return view(request, *args, **kwargs)

        return checked

    return decorate


PAGE, FORM = ("GET", "HEAD"), ("GET", "HEAD", "POST")


def form_errors(form, problem: ValidationError) -> None:
    for field, errors in problem.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@team_only(*FORM)
def index(request):
    settings = BenchmarkSettings.load()
    form = SettingsForm(request.POST) if request.method == "POST" else settings_form(settings)
    if request.method == "POST" and form.is_valid():
        services.benchmark_settings_record(by=request.user, **form.cleaned_data)
        messages.success(request, "Saved: the council's area and the group its measures are compared with.")
        return redirect("web:benchmarking")
    context = {
        "form": form,
        "settings": settings,
        "loads": Load.objects.select_related("by")[:LOADS_SHOWN],
        "counts": {
            "measures": ExternalMeasure.objects.count(),
            "groups": ComparatorGroup.objects.count(),
            "mappings": MeasureMapping.objects.count(),
        },
    }
    return render(request, "benchmarking/index.html", context, status=400 if form.errors else 200)


def settings_form(settings: BenchmarkSettings) -> SettingsForm:
    area = settings.area.code if settings.area_id else ""
    return SettingsForm(initial={"area": area, "default_group": settings.default_group_id})


# -- loading ---------------------------------------------------------------------------------------------


@team_only(*FORM)
def load(request):
    if request.method == "GET":
        return render(request, "benchmarking/load.html", {"form": LoadForm()})
    if request.POST.get("action") == "load":
        return load_checked(request)
    form = LoadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "benchmarking/load.html", {"form": form}, status=400)
    values, groups = form.cleaned_data["file"], form.cleaned_data["groups"]
    checked = {
        "source": form.cleaned_data["source"],
        "values": [values.name, base64.b64encode(values.read()).decode()],
        "groups": [groups.name, base64.b64encode(groups.read()).decode()] if groups else None,
    }
    try:
        check = checked_again(checked)
    except ImportProblem as problem:
        return render(request, "benchmarking/load.html", {"form": form, "problem": str(problem)}, status=400)
    request.session[SESSION_KEY] = checked
    status = 400 if check.has_problems else 200
    return render(request, "benchmarking/load.html", {"form": form, "check": check}, status=status)


def checked_again(checked: dict):
    """The file as it was checked on this page, read and checked again (what is held may have changed since)."""
    name, content = checked["values"]
    groups = checked["groups"]
    found = read_comparator_file(
        source=checked["source"],
        values=(name, base64.b64decode(content)),
        groups=(groups[0], base64.b64decode(groups[1])) if groups else None,
    )
    return check_comparisons(found)


def load_checked(request):
    checked = request.session.get(SESSION_KEY)
    if not checked:
        form = LoadForm()
        problem = "Check a file before loading it"
        return render(request, "benchmarking/load.html", {"form": form, "problem": problem}, status=400)
    try:
        done = services.comparisons_load(check=checked_again(checked), by=request.user)
    except (ImportProblem, Refused) as problem:
        return render(request, "benchmarking/load.html", {"form": LoadForm(), "problem": str(problem)}, status=400)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        f"Loaded {done.file_name}: {done.values_new:,} new and {done.values_changed:,} changed values, "
        f"{done.areas_created:,} new areas, {done.groups_loaded:,} comparator groups.",
    )
    return redirect("web:benchmarking")


# -- external measures and groups -----------------------------------------------------------------------


@team_only(*PAGE)
def measures(request):
    held = ExternalMeasure.objects.prefetch_related("mappings__measure").order_by("source", "code")
    return render(request, "benchmarking/measures.html", {"measures": held})


@team_only(*FORM)
def groups(request):
    form = GroupForm(request.POST) if request.method == "POST" else GroupForm(initial={"publishable": "no"})
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_record(group=None, by=request.user, **form.changes())
        except ValidationError as problem:
            form_errors(form, problem)
        else:
            messages.success(request, f"Made the group {group.name}, of {len(form.cleaned_data['members'])} councils.")
            return redirect("web:benchmarking_groups")
    held = ComparatorGroup.objects.select_related("neighbours_of").annotate(size=Count("members"))
    context = {"form": form, "groups": held.order_by("kind", "name")}
    return render(request, "benchmarking/groups.html", context, status=400 if form.errors else 200)


@team_only(*FORM)
def group(request, group_id: int):
    held = get_object_or_404(ComparatorGroup, pk=group_id)
    form = GroupForm(request.POST) if request.method == "POST" else GroupForm.of(held)
    if request.method == "POST" and form.is_valid():
        kept = {"kind": held.kind, "neighbours_of": held.neighbours_of}
        try:
            services.group_record(group=held, by=request.user, **kept, **form.changes())
        except ValidationError as problem:
            form_errors(form, problem)
        else:
            messages.success(request, f"Saved the group {held.name}; its history keeps what it was.")
            return redirect("web:benchmarking_group", group_id=held.pk)
    context = {"group": held, "form": form, "members": held.members.order_by("name")}
    return render(request, "benchmarking/group.html", context, status=400 if form.errors else 200)


# -- mappings --------------------------------------------------------------------------------------------


@team_only(*FORM)
def mappings(request):
    if request.POST.get("action") == "remove":
        mapping = get_object_or_404(MeasureMapping.objects.select_related("measure"), pk=request.POST.get("mapping"))
        services.mapping_remove(mapping=mapping, by=request.user)
        messages.success(request, f"{mapping.measure} is no longer benchmarked.")
        return redirect("web:benchmarking_mappings")
    form = MappingForm(request.POST) if request.method == "POST" else MappingForm()
    if request.method == "POST" and form.is_valid():
        try:
            mapping = services.mapping_record(by=request.user, **form.cleaned_data)
        except ValidationError as problem:
            form_errors(form, problem)
        else:
            messages.success(request, f"{mapping.measure} is benchmarked against {mapping.external}.")
            return redirect("web:benchmarking_mappings")
    held = MeasureMapping.objects.select_related("measure", "external", "group").order_by("measure__code")
    context = {"form": form, "mappings": held}
    return render(request, "benchmarking/mappings.html", context, status=400 if form.errors else 200)
