from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scorecard.measures.fields import plain
from scorecard.returns.models import Return
from scorecard.returns.selectors import assessed_return


@admin.register(Return)
class ReturnAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "period", "actual_shown", "forecast_shown", "data_flag", "state"]
    list_filter = ["period__year", "period", "state", "data_flag", "measure__kind"]
    search_fields = ["measure__code", "measure__title", "measure__aliases__code"]
    autocomplete_fields = ["measure"]
    list_select_related = ["measure", "period__year"]
    readonly_fields = ["worked_out", "actual_shown", "forecast_shown"]
    fieldsets = [
        (None, {"fields": ["measure", "period", "state", "returned_comment"]}),
        (
            "Figures",
            {
                "fields": [
                    "actual_shown",
                    "actual_text",
                    "forecast_shown",
                    "data_flag",
                    "data_note",
                ]
            },
        ),
        ("Commentary", {"fields": ["context", "improvement_actions", "intervention"]}),
        ("Status and direction", {"fields": ["worked_out"]}),
        (
            "Overrides",
            {
                "description": "Set by hand only with a reason; an override wins over the rules.",
                "fields": [
                    "status_override",
                    "status_override_reason",
                    "forecast_status_override",
                    "forecast_status_override_reason",
                    "direction_override",
                    "direction_override_reason",
                ],
            },
        ),
    ]

    # Returns change only through the services (scorecard/returns/services.py), which keep the workflow,
    # the closed-quarter rule and the lost-update check: here they are read, never written.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="actual", ordering="actual")
    def actual_shown(self, ret: Return) -> str:
        return ret.get_actual_progress_display() if ret.actual_progress else plain(ret.actual)

    @admin.display(description="year-end forecast", ordering="forecast")
    def forecast_shown(self, ret: Return) -> str:
        return ret.get_forecast_progress_display() if ret.forecast_progress else plain(ret.forecast)

    @admin.display(description="as saved")
    def worked_out(self, ret: Return) -> str:
        if not ret.pk:
            return "Worked out when the return is saved."
        assessment = assessed_return(ret).assessment
        overridden = sorted(name.replace("_", " ") for name in assessment.overridden)
        return (
            f"Quarterly status {assessment.status.label}; forecast year-end status "
            f"{assessment.forecast_status.label}; direction of travel {assessment.direction.label}"
            + (f" (set by hand: {', '.join(overridden)})" if overridden else "")
        )
