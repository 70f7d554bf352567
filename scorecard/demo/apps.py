from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "scorecard.demo"
    verbose_name = "Derby demo"
