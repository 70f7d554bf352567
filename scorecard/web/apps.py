from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "scorecard.web"
    verbose_name = "Web pages"
