from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "scorecard.backups"
    verbose_name = "Backups"
