from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "radadata.registry"
    label = "registry"
    verbose_name = "Registry"
