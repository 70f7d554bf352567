from django.apps import AppConfig


class SpcConfig(AppConfig):
    name = "scorecard.spc"
    verbose_name = "Statistical process control"
