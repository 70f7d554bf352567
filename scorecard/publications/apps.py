from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "scorecard.publications"
    verbose_name = "Publications"
