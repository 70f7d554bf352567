from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "scorecard.council"
    verbose_name = "Council and years"
