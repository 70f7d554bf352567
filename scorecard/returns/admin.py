from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard.returns.models import Return


@admin.register(Return)
class ReturnAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "period", "actual", "actual_progress", "forecast", "data_flag", "state"]
    list_filter = ["period__year", "period", "state", "data_flag", "measure__kind"]
    search_fields = ["measure__code", "measure__title", "measure__aliases__code"]
    autocomplete_fields = ["measure"]
    list_select_related = ["measure", "period__year"]
    fieldsets = [
        (None, {"fields": ["measure", "period", "state", "returned_comment"]}),
        (
            "Figures",
            {
                "fields": [
                    "actual",
                    "actual_progress",
                    "actual_text",
                    "forecast",
                    "forecast_progress",
                    "data_flag",
                    "data_note",
                ]
            },
        ),
        ("Commentary", {"fields": ["context", "improvement_actions", "intervention"]}),
        (
            "Overrides",
            {
                "fields": [
                    "status_override",
                    "status_override_reason",
                    "forecast_status_override",
                    "forecast_status_override_reason",
                    "direction_override",
                    "direction_override_reason",
                ]
            },
        ),
    ]
