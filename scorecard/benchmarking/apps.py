from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "scorecard.benchmarking"
    verbose_name = "Benchmarking"
