from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "scorecard.measures"
    verbose_name = "Measures, actions and targets"
