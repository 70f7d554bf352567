from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "scorecard.returns"
    verbose_name = "Returns"
