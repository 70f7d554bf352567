from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard.council.models import (
    DashboardColumn,
    Directorate,
    FinancialYear,
    OrganisationSettings,
    Period,
    Perspective,
    Pledge,
    Portfolio,
    Priority,
)


class OrganisationSettingsForm(forms.ModelForm):
    dashboard_columns = forms.MultipleChoiceField(
        choices=DashboardColumn.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="The measure and its quarterly status always show. Without the quarterly target and actual and "
        "the comparison, the dashboard is laid out as 004 Appendix 2's.",
    )

    open_data_licence_url = forms.URLField(assume_scheme="https", label="Open data licence URL")

    class Meta:
        model = OrganisationSettings
        fields = "__all__"  # noqa: DJ007 - one row of settings, every field the team's to set


@admin.register(OrganisationSettings)
class OrganisationSettingsAdmin(SimpleHistoryAdmin):
    form = OrganisationSettingsForm
    list_display = ["name", "team_name", "blue_margin", "amber_margin"]

    def has_add_permission(self, request) -> bool:
        return not OrganisationSettings.objects.exists()


# Run from the Quarters page (or manage.py quarter), which keeps reasons and the published record.
RUN_FROM_THE_QUARTERS_PAGE = [
    "state",
    "deadline",
    "back_loading",
    "published_at",
    "published_on",
    "publication_note",
    "record_held_at",
]


class PeriodInline(admin.TabularInline):
    model = Period
    extra = 0
    readonly_fields = RUN_FROM_THE_QUARTERS_PAGE


@admin.register(FinancialYear)
class FinancialYearAdmin(SimpleHistoryAdmin):
    list_display = ["label", "completed_status", "inclusion_criterion", "same_direction_label"]
    search_fields = ["start_year"]
    inlines = [PeriodInline]


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["label", "year", "quarter", "state", "deadline", "published_at", "published_on"]
    readonly_fields = RUN_FROM_THE_QUARTERS_PAGE
    list_filter = ["year"]
    search_fields = ["year__start_year"]


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    search_fields = ["name", "priorities__name"]
    inlines = [PriorityInline]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["name", "pledge", "order"]
    list_filter = ["pledge"]
    search_fields = ["name"]


@admin.register(Directorate, Portfolio, Perspective)
class NamedAdmin(admin.ModelAdmin):
    search_fields = ["name"]
