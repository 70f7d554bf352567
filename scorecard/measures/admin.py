from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard.council.models import OrganisationSettings
from scorecard.measures.models import Measure, MeasureAlias, ScorecardEntry, Target, TargetAmendment


class MeasureAliasInline(admin.TabularInline):
    model = MeasureAlias
    extra = 0


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "kind", "polarity", "unit", "frequency", "owner"]
    list_filter = ["kind", "polarity", "unit", "frequency"]
    search_fields = ["code", "title", "aliases__code"]
    inlines = [MeasureAliasInline]

    def get_changeform_initial_data(self, request):
        """A new measure compares as the organisation chose (set on /set-up/organisation/)."""
        return {
            "comparison": OrganisationSettings.load().default_comparison,
            **super().get_changeform_initial_data(request),
        }

    fieldsets = [
        (None, {"fields": ["kind", "code", "title", "definition", "owner"]}),
        ("How it is measured", {"fields": ["polarity", "unit", "decimals", "frequency", "reported_in_quarter"]}),
        ("Unit label and range", {"fields": ["unit_label", "minimum", "maximum"]}),
        ("How it is compared", {"fields": ["accumulation", "reporting_lag_months", "comparison"]}),
        ("Tolerances", {"fields": ["own_tolerances", "blue_margin", "amber_margin", "margins_are_absolute"]}),
    ]


@admin.register(MeasureAlias)
class MeasureAliasAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "measure"]
    search_fields = ["code", "measure__code", "measure__title"]


@admin.register(ScorecardEntry)
class ScorecardEntryAdmin(SimpleHistoryAdmin):
    list_display = ["display_code", "display_title", "year", "directorate", "priority", "perspective"]
    list_filter = ["year", "directorate", "priority__pledge", "perspective", "portfolios"]
    search_fields = ["measure__code", "measure__title", "code", "title"]
    autocomplete_fields = ["measure"]
    list_select_related = ["measure", "year", "directorate", "priority", "perspective"]


class TargetAmendmentInline(admin.TabularInline):
    model = TargetAmendment
    extra = 0
    readonly_fields = ["recorded_at"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "year", "period", "figure_label"]
    list_filter = ["year"]
    search_fields = ["measure__code", "measure__title"]
    autocomplete_fields = ["measure"]
    list_select_related = ["measure", "year", "period__year"]
    inlines = [TargetAmendmentInline]


@admin.register(TargetAmendment)
class TargetAmendmentAdmin(SimpleHistoryAdmin):
    list_display = ["target", "old_value", "new_value", "approved_by", "approved_on"]
    search_fields = ["target__measure__code", "target__measure__title", "reason"]
    list_select_related = ["target__measure"]
