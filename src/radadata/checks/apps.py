from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "radadata.checks"
    label = "checks"
    verbose_name = "Checks"
