from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "scorecard.reports"
    verbose_name = "Reports"
