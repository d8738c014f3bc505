from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "radadata.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"
