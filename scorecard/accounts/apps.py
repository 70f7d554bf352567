from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "scorecard.accounts"
    verbose_name = "People and roles"
