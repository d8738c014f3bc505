from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "radadata.reports"
    label = "reports"
    verbose_name = "Reports"
