from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "radadata.core"
    label = "core"
    verbose_name = "Core"
